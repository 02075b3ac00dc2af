/// The number that opens a heading or item: 一、 第一章 第一部分 / （一） / 1. 1、 第一条 / （1） 1） / ①.
struct NumberMarker: Equatable {
    /// Numbering schemes in the conventional order of Chinese official documents (outermost first).
    enum Kind: Int, Comparable, CaseIterable {
        case chineseComma, chineseParen, arabicDot, arabicParen, circled

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    var kind: Kind
    var ordinal: Int
    /// The number as the document writes it: "一", "（一）", "(一)", "8", "（1）", "①".
    var label: String
    /// The text after the number: a view of the line, not a copy of it.
    var rest: Substring
    /// Digits follow the mark at once (`7.300家…`, `3.0版`): an item only where it continues the numbering.
    var continuesOnly = false

    /// Reads the marker at the start of `text`, if any, followed by some text.
    static func parse(_ text: String) -> NumberMarker? {
        // Most lines open with none of the characters a marker opens with: they are let go before any copy.
        guard let opening = text.unicodeScalars.first,
              (0x2460...0x249B).contains(opening.value) || opening == "(" || opening == "（" || ("0"..."9").contains(opening)
                || opening == "第" || ChineseNumeral.isNumeral(Character(opening)) else { return nil }
        // A marker is at most eight characters: only they are read as characters, so a long line is not copied.
        let chars = Array(text.prefix(10))
        guard let first = chars.first else { return nil }
        var kind: Kind
        var ordinal: Int
        var label: String
        var end: Int
        var ambiguous = false

        if let v = first.unicodeScalars.first?.value, (0x2460...0x2473).contains(v) || (0x2474...0x2487).contains(v) || (0x2488...0x249B).contains(v) {
            switch v {
            case 0x2460...0x2473: kind = .circled; ordinal = Int(v - 0x2460) + 1
            case 0x2474...0x2487: kind = .arabicParen; ordinal = Int(v - 0x2474) + 1
            default: kind = .arabicDot; ordinal = Int(v - 0x2488) + 1
            }
            label = String(first)
            end = 1
        } else if first == "(" || first == "（" {
            var j = 1
            while j < chars.count, j <= 4, chars[j].isASCIIDigit || ChineseNumeral.isNumeral(chars[j]) { j += 1 }
            guard j > 1, j < chars.count, chars[j] == ")" || chars[j] == "）" else { return nil }
            let inner = chars[1..<j]
            if inner.allSatisfy(\.isASCIIDigit), inner.count <= 3, let n = Int(String(inner)) {
                kind = .arabicParen
                ordinal = n
            } else if let n = ChineseNumeral.value(of: inner) {
                kind = .chineseParen
                ordinal = n
            } else {
                return nil
            }
            label = String(chars[0...j])
            end = j + 1
        } else if first.isASCIIDigit {
            // Up to three digits: provincial plans run to 100 measures and more.
            var j = 0
            while j < chars.count, j < 4, chars[j].isASCIIDigit { j += 1 }
            guard j <= 3, j < chars.count, let n = Int(String(chars[0..<j])) else { return nil }
            let mark = chars[j]
            if mark == "." || mark == "．" || mark == "、" {
                kind = .arabicDot
                ambiguous = j + 1 < chars.count && chars[j + 1].isASCIIDigit
            } else if mark == ")" || mark == "）" {
                kind = .arabicParen
            } else {
                return nil
            }
            ordinal = n
            label = kind == .arabicDot ? String(chars[0..<j]) : String(chars[0...j])
            end = j + 1
        } else if first == "第" {
            // Regulation-style plans: "第一章" / "第一部分" head, "第一条" items.
            var j = 1
            while j < chars.count, j <= 4, ChineseNumeral.isNumeral(chars[j]) { j += 1 }
            guard j > 1, j < chars.count, let n = ChineseNumeral.value(of: chars[1..<j]) else { return nil }
            var word = 1
            switch chars[j] {
            case "章": kind = .chineseComma
            case "部" where j + 1 < chars.count && chars[j + 1] == "分": kind = .chineseComma; word = 2
            case "条", "條": kind = .arabicDot
            default: return nil
            }
            ordinal = n
            label = String(chars[0..<(j + word)])
            end = j + word
        } else if ChineseNumeral.isNumeral(first) {
            var j = 0
            while j < chars.count, j < 4, ChineseNumeral.isNumeral(chars[j]) { j += 1 }
            guard j < chars.count, chars[j] == "、", let n = ChineseNumeral.value(of: chars[0..<j]) else { return nil }
            kind = .chineseComma
            ordinal = n
            label = String(chars[0..<j])
            end = j + 1
        } else {
            return nil
        }
        guard ordinal > 0 else { return nil }
        let rest = Outline.trimmed(text.dropFirst(end))
        guard !rest.isEmpty else { return nil }
        return NumberMarker(kind: kind, ordinal: ordinal, label: label, rest: rest, continuesOnly: ambiguous)
    }
}
