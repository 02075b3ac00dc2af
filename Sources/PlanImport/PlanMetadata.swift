import PlanModel

/// Title, district, year, document number and signing date, read from the notice and heading
/// before the plan body and the closing lines after it. What the document does not say stays nil.
struct PlanMetadata: Equatable {
    var title: String?
    var district: District?
    var year: Int?
    var docNumber: String?
    var date: Day?
    /// The government or office that issues the plan (`湖南省人民政府办公厅`), from the notice heading or a signature.
    var issuer: String?

    init(preamble: [Paragraph], closing: [Paragraph]) {
        title = Self.planTitle(preamble)?.removingSpacesBetweenCJK()
        issuer = Self.issuer(preamble + closing)
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

    /// The plan id: `<district-pinyin>-<year>`, else a slug of the place the title names, else of the issuer's place.
    var planID: String {
        let place = district?.pinyin ?? [title, issuer].lazy.compactMap { $0.flatMap(Self.place(in:)).map(District.slug) }.first { !$0.isEmpty }
        let stem = place ?? "plan"
        return year.map { "\(stem)-\($0)" } ?? stem
    }

    /// The place a name opens with, up to the 省, 市, 区 or 县 that ends it (`杭州市…` → `杭州`, `广西壮族自治区…` → `广西`);
    /// nil when no such character ends a place in the first 12 (`市场`, `区域`, `省级` begin words, not end places).
    static func place(in name: String) -> String? {
        let chars = Array(name.prefix(13))
        guard let end = chars.indices.dropFirst().first(where: { i in
            Characters("市区县省區縣").contains(chars[i]) && (i + 1 == chars.count || !Characters("场場域级級民内內外直属屬").contains(chars[i + 1]))
        }) else { return nil }
        var place = String(chars[..<end])
        if let autonomous = place.firstRange(of: "自治") {
            place = String(place[..<autonomous.lowerBound])
            for people in ["壮族", "回族", "维吾尔", "維吾爾"] where place.hasSuffix(people) { place.removeLast(people.count) }
        }
        return place.contains(where: { !$0.isIdeograph }) ? nil : place
    }

    /// The issuer: the name before `关于印发`/`转发` in the notice heading, else the first signature (an office's name).
    static func issuer(_ paragraphs: [Paragraph]) -> String? {
        for p in paragraphs.prefix(12) {
            let text = p.text.filter { !$0.isPadding }
            for word in ["关于", "關於"] + issuing {
                if let r = text.firstRange(of: word), r.lowerBound != text.startIndex, Boilerplate.isSignature(String(text[..<r.lowerBound])) {
                    return String(text[..<r.lowerBound])
                }
            }
        }
        return paragraphs.first { Boilerplate.isSignature($0.text) }.map { $0.text.filter { !$0.isPadding } }
    }

    static let planWords = ["方案", "计划", "計劃", "意见", "意見", "措施", "要点", "要點", "细则", "細則", "办法", "辦法", "规划", "規劃", "任务", "任務", "清单", "清單"]
    static let issuing = ["印发", "印發", "转发", "轉發", "发布", "發布"]

    /// The plan's own title: the notice's 《…》 that holds the plan's title line or is held by it (`…行动方案`
    /// heading the body, `《…行动方案（2026年）》` in the notice), whichever says more; else that title line;
    /// else the 《…》 the notice issues. A 《…》 the preamble only cites (`根据《…意见》`) is never the title.
    static func planTitle(_ preamble: [Paragraph]) -> String? {
        let quoted = noticeTitles(preamble)
        guard let heading = headingTitle(preamble) else { return quoted.first }
        let line = heading.filter { !$0.isPadding }
        guard let matching = quoted.first(where: { t in
            let plain = t.filter { !$0.isPadding }
            return plain.contains(line) || line.contains(plain)
        }) else { return heading }
        // The fuller of the two: the notice may add the year the line leaves out, or the line a year line.
        return matching.filter { !$0.isPadding }.count >= line.count ? matching : heading
    }

    /// The notice's 《…》 that name a plan and that it issues: a 《…》 next to an issuing word (`印发《…》`,
    /// `将《…》印发`, `《…》的通知`) or opening a paragraph (`《…》已经区政府同意，现印发给你们`), not a 《…》 it cites.
    /// A notice title wrapped over several lines ("关于印发《…" / "…实施方案》的通知") is read as one line.
    static func noticeTitles(_ preamble: [Paragraph]) -> [String] {
        var lines: [String] = []
        for p in preamble {
            if let last = lines.last, last.lastIndex(of: "《").map({ open in !last[open...].contains("》") }) ?? false {
                lines[lines.count - 1] += p.text
            } else {
                lines.append(p.text)
            }
        }
        var result: [String] = []
        for line in lines where issuing.contains(where: { line.contains($0) }) {
            for (t, range) in quoted(in: line) where planWords.contains(where: { t.contains($0) }) {
                let before = String(line[..<range.lowerBound]).trimmingPadding(), after = String(line[range.upperBound...]).trimmingPadding()
                if before.isEmpty || after.hasPrefix("的通知") || issuing.contains(where: { before.hasSuffix($0) || after.hasPrefix($0) }) {
                    result.append(t)
                }
            }
        }
        return result
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
            // A line of the notice's heading ("关于印发《…" / "…实施方案》的通知") is not the plan's.
            if isTitleLine(text), !text.contains(where: { $0 == "《" || $0 == "》" }) { return text + suffix }
        }
        return nil
    }

    /// A heading line that names a plan: short, no sentence or clause punctuation.
    static func isTitleLine(_ text: String) -> Bool {
        text.count <= 80 && !text.contains(where: { Characters("。，,：:").contains($0) }) && planWords.contains(where: { text.contains($0) })
    }

    /// Each 《…》 of a text: its words, and its range with the brackets.
    static func quoted(in text: String) -> [(String, Range<String.Index>)] {
        var result: [(String, Range<String.Index>)] = []
        var open: String.Index?
        for i in text.indices {
            if text[i] == "《" {
                open = i
            } else if text[i] == "》", let o = open {
                result.append((String(text[text.index(after: o)..<i]), o..<text.index(after: i)))
                open = nil
            }
        }
        return result
    }

    /// The first "2026年" (or "2026 年") in a text.
    static func year(in text: String) -> Int? {
        let chars = Array(text.filter { !$0.isPadding })
        for i in chars.indices where i + 4 < chars.count && chars[i + 4] == "年" {
            let digits = chars[i..<(i + 4)]
            if digits.allSatisfy(\.isASCIIDigit), i == 0 || !chars[i - 1].isASCIIDigit, let y = Int(String(digits)), y >= 1900 {
                return y
            }
        }
        return nil
    }
}
