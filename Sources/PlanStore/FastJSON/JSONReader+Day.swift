import PlanModel

extension JSONReader {
    /// The `YYYY-MM-DD` day that comes next, read from its ten bytes:
    /// `Day(text)` made a string and split it, a tenth of a store's open.
    mutating func day() throws(Unexpected) -> Day {
        let (start, end, escaped) = try stringBounds()
        guard !escaped, end - start == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-") else {
            throw Unexpected()
        }
        func number(_ from: Int, _ count: Int) throws(Unexpected) -> Int {
            var value = 0
            for byte in bytes[from..<from + count] {
                guard (0x30...0x39).contains(byte) else { throw Unexpected() }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let day = Day(year: try number(start, 4), month: try number(start + 5, 2), day: try number(start + 8, 2)) else {
            throw Unexpected()
        }
        return day
    }

    /// A day, or nil for `null`.
    mutating func optionalDay() throws(Unexpected) -> Day? {
        null() ? nil : try day()
    }
}
