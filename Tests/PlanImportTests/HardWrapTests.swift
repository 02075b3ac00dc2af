import Foundation
import Testing
import PlanImport
import PlanModel

/// Text as a PDF gives it: every line broken at the page width, page numbers and a running header between
/// pages. Whatever the width, the plan must come out as from the clean text.
@Suite("Importer: hard-wrapped text (PDF output) gives the same plan as the clean text")
struct HardWrapTests {
    static func columns(_ c: Character) -> Int { c.unicodeScalars.allSatisfy(\.isASCII) ? 1 : 2 }

    /// Breaks every line at `width` characters (2 columns each, ASCII 1), keeping a closing mark on the
    /// line it closes as typesetting does; drops blank lines; every `page` lines a page number and a header.
    static func wrap(_ text: String, width: Int, page: Int, header: String) -> String {
        var lines: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var current = ""
            var used = 0
            for c in line.trimmingCharacters(in: .whitespaces) {
                let w = columns(c)
                if used + w > width * 2, !"。，、；：）)”》".contains(c) {
                    lines.append(current)
                    current = ""
                    used = 0
                }
                current.append(c)
                used += w
            }
            if !current.isEmpty { lines.append(current) }
        }
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            if i > 0, i % page == 0 {
                out.append("— \(i / page) —")
                out.append(header)
            }
            out.append(line)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// What an officer checks of a plan: its shape, the measures' titles, units with roles, deadlines, tasks.
    static func summary(_ plan: Plan) -> [String] {
        [plan.id, plan.title, "\(plan.pillars.map(\.measures.count))"] + plan.pillars.map(\.title) + plan.measures.map { m in
            let units = m.units.map { "\($0.name)/\($0.role.rawValue)" }.joined(separator: "、")
            return "\(m.id) \(m.title) [\(units)] \(m.deadline?.text ?? "-") tasks:\(m.tasks.count)"
        }
    }

    @Test("every sample, wrapped at random widths of 20–45 characters with page numbers and headers every ~40 lines",
          arguments: Samples.names)
    func sample(name: String) throws {
        let text = String(decoding: try Samples.data(name), as: UTF8.self)
        let clean = try Samples.plan(name)
        var generator = SeededGenerator(state: UInt64(name.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) }.magnitude))
        for _ in 0..<6 {
            let width = Int.random(in: 20...45, using: &generator)
            let page = Int.random(in: 36...44, using: &generator)
            let wrapped = Self.wrap(text, width: width, page: page, header: clean.title)
            let plan = try PlanImporter.parse(Data(wrapped.utf8), source: "\(name).pdf")
            let expected = Self.summary(clean), got = Self.summary(plan)
            let message: Comment = "\(name) at width \(width), page \(page): first difference \(Self.firstDifference(expected, got))"
            if Self.knownGaps.contains(name) {
                // Not yet exact: a paragraph that ends exactly at the width and is followed by an un-numbered
                // paragraph is joined (one task too many or few), and a pinyin annotation cut by the wrap
                // ("生態(tà" / "i)") is no longer recognised. The known issue reports when it becomes exact.
                withKnownIssue(message, isIntermittent: true) { #expect(got == expected, message) }
            } else {
                #expect(got == expected, message)
            }
        }
    }

    static let knownGaps: Set<String> = ["jiading-2026", "minhang-2026", "jinshan-2026", "xuhui-2026"]

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        guard let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) else { return "lengths \(a.count) vs \(b.count)" }
        return "\n  clean:   \(a[i])\n  wrapped: \(b[i])"
    }
}

@Suite("Importer: Unicode text without a byte-order mark")
struct UnmarkedUnicodeTests {
    @Test("UTF-16 (both byte orders, no BOM) and UTF-32 (with or without BOM) give the sample's plan", arguments: [
        String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian,
    ])
    func unmarked(encoding: String.Encoding) throws {
        let text = String(decoding: try Samples.data("jinshan-2026"), as: UTF8.self)
        let data = try #require(text.data(using: encoding))
        #expect(try PlanImporter.parse(data, source: "x.txt") == Samples.plan("jinshan-2026"))
    }
}
