extension Day {
    /// A day as officers type it: `2026-12-31`, `2026/12/31`, `2026.12.31`, `2026年12月31日`,
    /// `12月31日`, `12-31`, `12/31` (this year), `月底` (the end of this month), `年底` (31 December);
    /// full-width digits and separators too. Nil for anything else, or a day that does not exist.
    public init?(typed text: String, today: Day) {
        let halfWidth = String(text.unicodeScalars.compactMap { scalar -> Character? in
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF0D, 0xFF0E, 0xFF0F: Character(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x20, 0x3000: nil
            default: Character(scalar)
            }
        })
        switch halfWidth {
        case "月底", "本月底": self.init(year: today.year, month: today.month, day: Day.length(ofMonth: today.month, year: today.year))
        case "年底", "今年底": self.init(year: today.year, month: 12, day: 31)
        default:
            guard let numbers = Day.numbers(in: halfWidth) else { return nil }
            switch numbers.count {
            case 3 where numbers[0] >= 1000: self.init(year: numbers[0], month: numbers[1], day: numbers[2])
            case 2: self.init(year: today.year, month: numbers[0], day: numbers[1])
            default: return nil
            }
        }
    }

    /// The numbers of `2026-12-31`, `2026年12月31日` or `12/31`: digit runs parted by one
    /// separator of one kind (- / .), or by 年 and 月 with 日 or 号 at the end if any; nil for any other shape.
    private static func numbers(in text: String) -> [Int]? {
        var numbers: [Int] = [], digits = "", separators: [Character] = []
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                guard digits.count <= 4 else { return nil }
                continue
            }
            guard let number = Int(digits) else { return nil }
            numbers.append(number)
            digits = ""
            separators.append(character)
        }
        if let number = Int(digits) { numbers.append(number) }
        else if separators.last == "日" || separators.last == "号" { separators.removeLast() }
        else { return nil }
        let chinese: [Character] = numbers.count == 3 ? ["年", "月"] : ["月"]
        guard separators == chinese || (Set(separators).count == 1 && ["-", "/", "."].contains(separators[0])) else { return nil }
        return numbers
    }
}
