import Testing
@testable import TerminalKit
import TestSupport

@Suite("Canvas of cells")
struct CanvasTests {
    @Test("a wide character takes its cell and a continuation cell")
    func wide() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        #expect(canvas.write("中a", column: 0, row: 0, slot: .title) == 3)
        #expect(canvas[0, 0] == Cell(text: "中", width: 2, slot: .title))
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas.lines == ["中a   "])
    }

    @Test("overwriting half of a wide character blanks the other half")
    func repairs() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.write("中文", column: 0, row: 0, slot: .text)
        canvas.write("x", column: 1, row: 0, slot: .text)
        #expect(canvas.lines == [" x文  "])
        canvas.write("y", column: 2, row: 0, slot: .text)
        #expect(canvas.lines == [" xy   "])
    }

    @Test("emoji sequences (ZWJ family, rainbow flag, VS16, skin tone, a flag) drawn over text leave no stale fragment: every column is one cell's, once")
    func sequencesLeaveNoFragments() {
        var canvas = Canvas(size: Size(width: 24, height: 1))
        canvas.write("0123456789abcdefghijklmn", column: 0, row: 0, slot: .text)
        #expect(canvas.write("👨‍👩‍👧‍👦🏳️‍🌈❤️👍🏽🇨🇳x", column: 0, row: 0, slot: .text) == 17)
        #expect(canvas.lines == ["👨👩👧👦🏳🌈❤👍🇨🇳xhijklmn"])
        var covered = 0
        for column in 0..<canvas.size.width {
            let cell = canvas[column, 0]
            #expect((1...2).contains(cell.width) || (cell.isContinuation && column > 0 && canvas[column - 1, 0].width == 2), "column \(column)")
            #expect(!cell.text.unicodeScalars.contains { $0.value == 0x200D || $0.value == 0xFE0F }, "column \(column)")
            covered += cell.width
        }
        #expect(covered == canvas.size.width)
        canvas.write("ab", column: 1, row: 0, slot: .text)
        #expect(canvas.lines == [" ab 👧👦🏳🌈❤👍🇨🇳xhijklmn"])
    }

    @Test("a wide character that does not fit at the edge leaves a blank, never half a character")
    func clipping() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        #expect(canvas.write("ab中文", column: 0, row: 0, slot: .text) == 5)
        #expect(canvas.lines == ["ab中 "])
        var limited = Canvas(size: Size(width: 8, height: 1))
        limited.write("中文字", column: 1, row: 0, slot: .text, limit: 3)
        #expect(limited.lines == [" 中     "])
    }

    @Test("search highlighting restyles exactly the matching cells, ignoring ASCII case")
    func highlight() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        canvas.write("优化AI服务", column: 0, row: 0, slot: .text)
        canvas.highlight(Highlight("ai服"), row: 0, column: 0, width: 10, slot: .searchMatch)
        let slots = canvas.slots(row: 0)
        #expect(slots[0..<4].allSatisfy { $0 == .text })
        #expect(slots[4..<8].allSatisfy { $0 == .searchMatch })
        #expect(slots[8] == .text)
    }

    @Test("highlighting compares cell and query through the highlight's fold, marking the displayed cells")
    func highlightFolded() {
        var canvas = Canvas(size: Size(width: 12, height: 1))
        canvas.write("ab政務服務", column: 0, row: 0, slot: .text)
        let simplify: (Unicode.Scalar) -> Unicode.Scalar = { ["務": "务"][$0] ?? $0 }
        canvas.highlight(Highlight("政务服务", fold: simplify), row: 0, column: 0, width: 12, slot: .searchMatch)
        let slots = canvas.slots(row: 0)
        #expect(slots[0..<2].allSatisfy { $0 == .text })
        #expect(slots[2..<10].allSatisfy { $0 == .searchMatch })
        #expect(slots[10] == .text)
    }

    @Test("an excerpt shows whole characters within the columns either side, the match in 【】, … where cut",
          arguments: [(4, "…普惠【政策】全面…"), (8, "…区级普惠【政策】全面纳入"), (40, "推动区级普惠【政策】全面纳入")])
    func excerpt(columns: Int, expected: String) throws {
        let text = "推动区级普惠政策全面纳入"
        let range = try #require(text.range(of: "政策"))
        #expect(TextLayout.excerpt(text, around: range, columns: columns) == expected)
        #expect(TextLayout.excerpt("ab政策", around: try #require("ab政策".range(of: "政策")), columns: 1) == "…b【政策】")
    }

    @Test("an excerpt walked scalar by scalar has the bounds walked character by character, whatever marks or joiners the text holds",
          arguments: 1...3 as ClosedRange<UInt64>)
    func excerptByScalars(seed: UInt64) throws {
        // Scalars that stand alone, three times as likely as those that join or are wide otherwise.
        let alone: [Unicode.Scalar] = ["a", " ", "中", "政", "策", "，", "\u{3000}", "Ａ", "“"]
        let pool = alone + alone + alone + ["\u{302A}", "\u{0301}", "\u{200D}", "\u{FE0F}", "👍", "\u{1100}", "\u{1161}", "\r", "\n",
                                            "\u{1F1E8}", "\u{1F1F3}"] as [Unicode.Scalar]
        var random = RandomScalars(seed: seed), walked = 0
        for _ in 0..<3_000 {
            let text = random.string(of: pool, upTo: 29)
            guard !text.isEmpty else { continue }
            // A match of whole characters somewhere in the text.
            let first = random.next(text.count), length = random.next(min(3, text.count - first) + 1)
            let lower = text.index(text.startIndex, offsetBy: first), upper = text.index(lower, offsetBy: length)
            let columns = random.next(8)
            guard let byScalars = TextLayout.scalarBounds(of: text, around: lower..<upper, columns: columns) else { continue }
            let byCharacters = TextLayout.characterBounds(of: text, around: lower..<upper, columns: columns)
            #expect(byScalars == byCharacters, "\(text.scalarCodes) \(first)+\(length) in \(columns)")
            walked += 1
        }
        #expect(walked > 500)
    }

    @Test("a table pads every row so the columns line up")
    func table() {
        var canvas = Canvas(size: Size(width: 20, height: 3))
        let rows = [["中文标题很长很长", "1/3"], ["ASCII title", "10/12"]]
        Table(columns: [.init(.flexible(minimum: 4)), .init(.fixed(5), alignment: .trailing)], header: ["T", "#"],
              rowCount: 2) { rows[$0].map { Table.Item($0) } }
            .render(in: canvas.bounds, on: &canvas)
        #expect(canvas.lines == ["T                  #", "中文标题很长…    1/3", "ASCII title    10/12"])
    }

    @Test("a gauge fills whole cells only when done", arguments: [(0.0, 0), (0.5, 5), (0.99, 9), (1.0, 10)])
    func gauge(fraction: Double, filled: Int) {
        #expect(Gauge.filledCells(fraction: fraction, width: 10) == filled)
    }
}
