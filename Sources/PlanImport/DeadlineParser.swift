import PlanModel

/// Deadlines as plans state them: "6月底前完成", "2026年9月30日前", "年底前", "上半年", "第二季度", "持续推进".
enum DeadlineParser {
    static let verbs = ["完成", "启动", "實施", "实施", "到位", "建成", "上线", "上線", "出台", "落地", "实现", "實現", "见效"]
    static let standing = ["持续推进", "持續推進", "长期坚持", "長期堅持", "长期推进", "長期推進", "持续实施", "持續實施"]

    /// The length of the deadline phrase starting at `start`, if one does. Read as scalars: every word and
    /// digit it looks for is one scalar, and Character's == is slow.
    static func match(_ chars: [Unicode.Scalar], at start: Int) -> (length: Int, date: (year: Int?, month: Int, day: Int?)?)? {
        var i = start
        var year: Int?
        // Optional "2026年".
        if i + 4 < chars.count, chars[i..<(i + 4)].allSatisfy(\.isASCIIDigit), chars[i + 4] == "年" {
            year = Int(String(scalars: chars[i..<(i + 4)]))
            i += 5
        }
        var month = 0
        var day: Int?
        var exact = false
        func has(_ word: String) -> Bool {
            var j = i
            for s in word.unicodeScalars {
                guard j < chars.count, chars[j] == s else { return false }
                j += 1
            }
            return true
        }
        if has("年底") || has("年末") {
            month = 12; day = 31; exact = true; i += 2
        } else if year != nil, has("底") || has("末") || has("内") || has("內") {
            // "2026年底", "2026年内": the 年 was read with the year.
            month = 12; day = 31; exact = true; i += 1
        } else if let quarter = quarter(chars, at: i) {
            // "第二季度", "一季度末": the quarter's last day.
            month = quarter.number * 3; exact = true; i += quarter.length
            if has("末") || has("底") { i += 1 }
        } else if has("上半年") {
            month = 6; day = 30; exact = true; i += 3
        } else if has("下半年") || has("年内") || has("年內") {
            month = 12; day = 31; exact = true; i += has("下半年") ? 3 : 2
        } else {
            var j = i
            while j < chars.count, j - i < 2, chars[j].isASCIIDigit { j += 1 }
            guard j > i, j < chars.count, chars[j] == "月", let m = Int(String(scalars: chars[i..<j])), (1...12).contains(m) else { return nil }
            month = m
            i = j + 1
            if i < chars.count, chars[i] == "底" || chars[i] == "末" {
                exact = true
                i += 1
            } else {
                var k = i
                while k < chars.count, k - i < 2, chars[k].isASCIIDigit { k += 1 }
                if k > i, k < chars.count, chars[k] == "日" || chars[k] == "号" {
                    day = Int(String(scalars: chars[i..<k]))
                    exact = true
                    i = k + 1
                }
            }
        }
        let timeEnd = i
        if has("前") { i += 1 }
        for v in verbs where has(v) {
            i += v.unicodeScalars.count
            break
        }
        // A bare "6月" is a month, not a deadline.
        guard exact || i > timeEnd else { return nil }
        return (i - start, exact ? (year, month, day) : nil)
    }

    /// "第二季度" / "二季度" / "2季度" at `start`: the quarter and the length of the phrase.
    static func quarter(_ chars: [Unicode.Scalar], at start: Int) -> (number: Int, length: Int)? {
        var i = start
        if i < chars.count, chars[i] == "第" { i += 1 }
        guard i + 2 < chars.count, chars[i + 1] == "季", chars[i + 2] == "度" else { return nil }
        let numbers: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        guard let n = numbers[chars[i]] else { return nil }
        return (n, i + 3 - start)
    }

    /// The day a deadline names, when it names one unambiguously given the plan's year.
    static func day(for date: (year: Int?, month: Int, day: Int?)?, planYear: Int?) -> Day? {
        guard let date, let year = date.year ?? planYear else { return nil }
        return Day(year: year, month: date.month, day: date.day ?? Day.length(ofMonth: date.month, year: year))
    }

    /// `text` as a whole is a deadline ("6月底完成", "持续推进").
    static func whole(_ text: String, planYear: Int?) -> Deadline? {
        // Every deadline opens (after 于/在) with a digit, 年, 上/下 (半年), a quarter's 第/一…四, or a standing
        // phrase's 持/长: any other opening is no deadline, decided without copying the text (unit names).
        guard let opening = text.unicodeScalars.first(where: { !" \t\u{3000}\u{A0}\u{FEFF}于於在".unicodeScalars.contains($0) }),
              ("0"..."9").contains(opening) || "年上下第一二三四持长長".unicodeScalars.contains(opening) else { return nil }
        let chars = text.unicodeScalars.filter { !$0.isPadding }
        if "持长長".unicodeScalars.contains(opening), standing.contains(String(scalars: chars)) { return Deadline(text: text, date: nil) }
        let stripped = Array(chars.drop { "于於在".unicodeScalars.contains($0) })
        guard let m = match(stripped, at: 0), m.length == stripped.count else { return nil }
        return Deadline(text: String(scalars: stripped), date: day(for: m.date, planYear: planYear))
    }

    /// A deadline at the end of `text` ("区经委6月底前完成"): the text before it and the deadline.
    static func trailing(_ text: String, planYear: Int?) -> (rest: String, deadline: Deadline)? {
        guard text.unicodeScalars.contains(where: { ("0"..."9").contains($0) || "年上下第一二三四".unicodeScalars.contains($0) }) else { return nil }
        let chars = Array(text.unicodeScalars)
        for start in chars.indices where chars[start].isASCIIDigit || "年上下第一二三四".unicodeScalars.contains(chars[start]) {
            guard start > 0, let m = match(chars, at: start), start + m.length == chars.count else { continue }
            let deadline = String(scalars: chars[start...])
            return (String(scalars: chars[..<start]), Deadline(text: deadline, date: day(for: m.date, planYear: planYear)))
        }
        return nil
    }

    /// The one deadline a measure's body states ("……，6月底前完成。"), if exactly one is stated.
    static func stated(in text: String, planYear: Int?) -> Deadline? {
        let chars = Array(text.unicodeScalars)
        var found: [String: Deadline] = [:]
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let boundary = i == 0 || !chars[i - 1].isASCIIDigit
            // Quarter starts (第/一…四) only right before 季, so that every 一 in the text is not a candidate.
            let quarterStart = "第一二三四".unicodeScalars.contains(c) && chars[(i + 1)..<min(i + 3, chars.count)].contains("季")
            if boundary, c.isASCIIDigit || c == "年" || c == "上" || quarterStart,
               let m = match(chars, at: i), let last = chars[i..<(i + m.length)].last,
               last == "前" || verbs.contains(where: { String(scalars: chars[i..<(i + m.length)]).hasSuffix($0) }),
               m.date != nil {
                let phrase = String(scalars: chars[i..<(i + m.length)])
                found[phrase] = Deadline(text: phrase, date: day(for: m.date, planYear: planYear))
                i += m.length
                continue
            }
            i += 1
        }
        return found.count == 1 ? found.values.first : nil
    }
}
