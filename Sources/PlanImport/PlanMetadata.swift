import PlanModel

/// Title, district, year, document number and signing date, read from the notice and heading
/// before the plan body and the closing lines after it. What the document does not say stays nil.
struct PlanMetadata: Equatable {
    var title: String?
    var district: District?
    var year: Int?
    var docNumber: String?
    var date: Day?

    init(preamble: [Paragraph], closing: [Paragraph]) {
        title = Self.noticeTitle(preamble) ?? Self.headingTitle(preamble) ?? Self.firstQuotedTitle(preamble)
        title = title.map { $0.removingSpacesBetweenCJK() }
        district = District.named(in: title ?? "") ?? District.named(in: preamble.prefix(8).map(\.text).joined())
        docNumber = preamble.first { Boilerplate.isDocumentNumber($0.text) }?.text.filter { !$0.isPadding }
        date = (preamble + closing).lazy.compactMap { Boilerplate.signingDate($0.text) }.first
        year = title.flatMap(Self.year(in:)) ?? docNumber.flatMap(Boilerplate.year(ofDocumentNumber:)) ?? date?.year
    }

    /// The level of the issuing government, as the title names its place: 区, 市, 县 or 省.
    var level: Character? {
        guard let title else { return nil }
        return title.prefix(12).first { Characters("区市县省").contains($0) }
    }

    /// The plan id: `<district-pinyin>-<year>`, or a slug of the place the title names.
    var planID: String {
        var base = district?.pinyin
        if base == nil, let title {
            let chars = Array(title)
            let place = chars.prefix(12).firstIndex { Characters("市区县省區縣").contains($0) }.map { String(chars[..<$0]) }
            base = District.slug(place ?? String(chars.prefix(6)))
        }
        let stem = (base?.isEmpty ?? true) ? "plan" : base ?? "plan"
        return year.map { "\(stem)-\($0)" } ?? stem
    }

    static let planWords = ["方案", "计划", "計劃", "意见", "意見", "措施", "要点", "要點", "细则", "細則", "办法", "辦法", "规划", "規劃", "任务", "任務", "清单", "清單"]
    static let issuing = ["印发", "印發", "转发", "轉發", "发布", "發布"]

    /// 《…》 in the notice that issues the plan.
    /// A notice title wrapped over several lines ("关于印发《…" / "…实施方案》的通知") is read as one line.
    static func noticeTitle(_ preamble: [Paragraph]) -> String? {
        var lines: [String] = []
        for p in preamble {
            if let last = lines.last, last.lastIndex(of: "《").map({ open in !last[open...].contains("》") }) ?? false {
                lines[lines.count - 1] += p.text
            } else {
                lines.append(p.text)
            }
        }
        for line in lines where issuing.contains(where: { line.contains($0) }) {
            if let t = quoted(in: line).first(where: { t in planWords.contains { t.contains($0) } }) { return t }
        }
        return nil
    }

    /// The plan's own heading: the last short line before the body that names a plan, with a "(2026年)" line after it.
    static func headingTitle(_ preamble: [Paragraph]) -> String? {
        var suffix = ""
        for p in preamble.reversed() {
            let text = p.text
            if text.count <= 10, text.first.map({ Characters("(（").contains($0) }) ?? false, year(in: text) != nil {
                suffix = text
                continue
            }
            if isTitleLine(text) { return text + suffix }
        }
        return nil
    }

    /// A heading line that names a plan: short, no sentence or clause punctuation.
    static func isTitleLine(_ text: String) -> Bool {
        text.count <= 80 && !text.contains(where: { Characters("。，,：:").contains($0) }) && planWords.contains(where: { text.contains($0) })
    }

    static func firstQuotedTitle(_ preamble: [Paragraph]) -> String? {
        preamble.lazy.flatMap { quoted(in: $0.text) }.first { t in planWords.contains { t.contains($0) } }
    }

    static func quoted(in text: String) -> [String] {
        var result: [String] = []
        var current: [Character]?
        for c in text {
            if c == "《" { current = [] } else if c == "》", let q = current { result.append(String(q)); current = nil } else { current?.append(c) }
        }
        return result
    }

    /// The first "2026年" in a text.
    static func year(in text: String) -> Int? {
        let chars = Array(text)
        for i in chars.indices where i + 4 < chars.count && chars[i + 4] == "年" {
            let digits = chars[i..<(i + 4)]
            if digits.allSatisfy(\.isASCIIDigit), i == 0 || !chars[i - 1].isASCIIDigit, let y = Int(String(digits)), y >= 1900 {
                return y
            }
        }
        return nil
    }
}
