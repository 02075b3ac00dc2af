import PlanModel

/// Recognises the lines around a plan that are not part of it: signing dates, document numbers,
/// signatures, 抄送 and similar closing lines.
enum Boilerplate {
    /// A line that is only a date, "2026年2月2日", "2023 年3 月16 日" or "二〇二六年一月十二日", optionally
    /// followed by 印发, or a signature and such a date.
    static func signingDate(_ text: String) -> Day? {
        guard let end = text.last(where: { !$0.isPadding }), Characters("日发發印布").contains(end) else { return nil }
        // "某某区人民政府办公室　　2026年3月5日印发": the trailer line, a signature then the date, which may
        // hold spaces itself ("2023 年3 月16 日").
        let words = text.split(whereSeparator: \.isPadding)
        if let date = words.indices.dropFirst().first(where: { words[$0].first.map { $0.isASCIIDigit || ChineseNumeral.digits[$0] != nil } ?? false }),
           isSignature(words[..<date].joined()) {
            return signingDate(words[date...].joined())
        }
        var chars = Array(text.filter { !$0.isPadding })
        for suffix in ["印发", "印發", "发布", "發布", "印"] where chars.count > suffix.count && String(chars.suffix(suffix.count)) == suffix {
            chars.removeLast(suffix.count)
            break
        }
        guard chars.last == "日", let y = chars.firstIndex(of: "年"), let m = chars.firstIndex(of: "月"), y < m else { return nil }
        func number(_ part: ArraySlice<Character>) -> Int? {
            if !part.isEmpty, part.allSatisfy(\.isASCIIDigit) { return Int(String(part)) }
            if part.count == 4, part.allSatisfy({ ChineseNumeral.digits[$0] != nil }) {
                return part.reduce(0) { $0 * 10 + (ChineseNumeral.digits[$1] ?? 0) }
            }
            return ChineseNumeral.value(of: part)
        }
        guard let year = number(chars[..<y]), let month = number(chars[(y + 1)..<m]),
              let day = number(chars[(m + 1)..<(chars.count - 1)]), year >= 1900 else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// A line that is only a document number such as "嘉府办发〔2026〕4号".
    static func isDocumentNumber(_ text: String) -> Bool {
        guard text.utf8.count <= 120, let last = text.last(where: { !$0.isPadding }), last == "号" || last == "號" else { return false }
        let chars = Array(text.filter { !$0.isPadding })
        guard let open = chars.firstIndex(where: { Characters("〔[【（(").contains($0) }), open >= 1, open <= 12,
              chars[..<open].allSatisfy(\.isIdeograph), open + 6 < chars.count,
              chars[(open + 1)...(open + 4)].allSatisfy(\.isASCIIDigit), Characters("〕]】）)").contains(chars[open + 5]),
              chars.last == "号" || chars.last == "號" else { return false }
        let number = chars[(open + 6)..<(chars.count - 1)]
        return !number.isEmpty && number.allSatisfy(\.isASCIIDigit)
    }

    /// The year in a document number: 〔2026〕 → 2026.
    static func year(ofDocumentNumber text: String) -> Int? {
        let chars = Array(text.filter { !$0.isPadding })
        guard let open = chars.firstIndex(where: { Characters("〔[【（(").contains($0) }), open + 4 < chars.count else { return nil }
        return Int(String(chars[(open + 1)...(open + 4)]))
    }

    /// A line from which everything on is closing matter (抄送, 公开属性, attachments, ...).
    static func startsClosingMatter(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "抄公主联聯（(附".unicodeScalars.contains(first) else { return false }
        let openers = ["抄送", "公开属性", "公開屬性", "主题词", "主題詞", "联系人", "聯系人", "（此件", "(此件"]
        if openers.contains(where: { text.hasPrefix($0) }) { return true }
        // "附件" / "附件1：任务分解表" standing alone.
        return (text.hasPrefix("附件") || text.hasPrefix("附表")) && text.count <= 40 && !text.contains("。")
    }

    /// A signature line: a short organisation name with no punctuation.
    static func isSignature(_ text: String) -> Bool {
        guard text.utf8.count <= 120, text.count <= 30, !text.contains(where: { Characters("，。,、；;：:！？!?“”").contains($0) }) else { return false }
        let suffixes = ["办公室", "办公厅", "辦公廳", "人民政府", "委员会", "委員會", "辦公室", "政府", "局", "委", "办", "辦", "中心", "管委会"]
        let plain = text.filter { !$0.isPadding }
        return suffixes.contains { plain.hasSuffix($0) } && NumberMarker.parse(text) == nil
    }
}
