/// Values of Chinese numerals as used in headings and dates: 一…九十九, 〇/零, and digit-by-digit years (二〇二六).
enum ChineseNumeral {
    static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    static func isNumeral(_ c: Character) -> Bool { digits[c] != nil || c == "十" || c == "百" }

    /// The value of a numeral such as "十二" or "二十三"; nil for anything else.
    static func value(of chars: some Collection<Character>) -> Int? {
        guard !chars.isEmpty, chars.count <= 4 else { return nil }
        var total = 0
        var current = 0
        var sawAny = false
        for c in chars {
            if let d = digits[c] {
                current = current * 10 + d
                sawAny = true
            } else if c == "十" {
                total += (sawAny && current > 0 ? current : 1) * 10
                current = 0
                sawAny = true
            } else if c == "百" {
                total += (current > 0 ? current : 1) * 100
                current = 0
                sawAny = true
            } else {
                return nil
            }
        }
        return sawAny ? total + current : nil
    }
}
