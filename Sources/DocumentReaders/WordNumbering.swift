/// Word's automatic list numbering (`word/numbering.xml`): the number a numbered paragraph shows,
/// rendered as text ("一、", "（三）", "2.") so the importer reads it like typed numbering.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        /// `w:lvlRestart`: 0 means the level never restarts when a higher level advances.
        var restart: Int?
    }

    struct Instance {
        var abstractID: String
        /// `w:lvlOverride/w:startOverride`: the list restarts at these values where this instance begins.
        var startOverrides: [Int: Int] = [:]
    }

    var abstracts: [String: [Int: Level]] = [:]
    var instances: [String: Instance] = [:]
    /// Counters per list: instances of one abstract numbering continue each other unless one restarts.
    private var counters: [String: [Int?]] = [:]

    /// Advances the list of `numID` at `level` and returns the paragraph's number as shown, or nil when the
    /// paragraph is not numbered (numId 0, a bullet, an unknown list).
    mutating func label(numID: String, level: Int) -> String? {
        guard let instance = instances[numID], let levels = abstracts[instance.abstractID],
              let current = levels[level], current.format != "bullet" else { return nil }
        let key = instance.startOverrides.isEmpty ? instance.abstractID : "num:" + numID
        var values = counters[key] ?? Array(repeating: nil, count: 9)
        guard level >= 0, level < values.count else { return nil }
        let start = instance.startOverrides[level] ?? current.start
        values[level] = values[level].map { $0 + 1 } ?? start
        for deeper in (level + 1)..<values.count where levels[deeper]?.restart != 0 { values[deeper] = nil }
        counters[key] = values

        var out = ""
        var chars = Array(current.text)[...]
        while let c = chars.popFirst() {
            if c == "%", let digit = chars.first?.wholeNumberValue, (1...9).contains(digit) {
                chars.removeFirst()
                let l = digit - 1
                let level = levels[l] ?? Level()
                let n = values[l] ?? instance.startOverrides[l] ?? level.start
                out += Self.format(n, as: level.format)
            } else {
                out.append(c)
            }
        }
        return out
    }

    static func format(_ n: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand":
            return chinese(n)
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return (1...stems.count).contains(n) ? String(stems[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(UnicodeScalar(0x2460 + n - 1).map(Character.init) ?? "?") : "(\(n))"
        case "decimalEnclosedParen":
            return (1...20).contains(n) ? String(UnicodeScalar(0x2474 + n - 1).map(Character.init) ?? "?") : "(\(n))"
        case "decimalEnclosedFullstop":
            return (1...20).contains(n) ? String(UnicodeScalar(0x2488 + n - 1).map(Character.init) ?? "?") : "\(n)."
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "lowerLetter", "upperLetter":
            let letter = Character(UnicodeScalar(UInt8(96 + (n - 1) % 26 + 1)))
            let s = String(repeating: letter, count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? s.uppercased() : s
        case "lowerRoman", "upperRoman":
            let s = roman(n)
            return format == "lowerRoman" ? s.lowercased() : s
        case "none": return ""
        default: return String(n) // decimal, decimalFullWidth (folded to ASCII by the importer anyway), …
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十.
    static func chinese(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard n > 0, n < 1000 else { return String(n) }
        let hundreds = n / 100, tens = n / 10 % 10, ones = n % 10
        var s = ""
        if hundreds > 0 { s += String(digits[hundreds]) + "百" }
        if tens > 0 {
            if !(hundreds == 0 && tens == 1) { s += String(digits[tens]) }
            s += "十"
        } else if hundreds > 0, ones > 0 {
            s += "零"
        }
        if ones > 0 { s += String(digits[ones]) }
        return s
    }

    static func roman(_ n: Int) -> String {
        var n = n, s = ""
        for (value, numeral) in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while n >= value { s += numeral; n -= value }
        }
        return s
    }
}
