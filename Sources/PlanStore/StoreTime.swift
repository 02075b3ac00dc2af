import FoundationEssentials
import PlanModel

/// Event times as the store writes them (`2026-11-21T09:30:00.125Z`), parsed
/// without a formatter: a snapshot holds one per mark and note, and
/// `Event.parseTime` takes microseconds each. Any other form goes to `Event.parseTime`.
enum StoreTime {
    private static let epoch = Day(year: 1970, month: 1, day: 1)?.ordinal ?? 0

    static func parse(_ text: String) -> Date? {
        if let date = text.utf8.withContiguousStorageIfAvailable(fixed) ?? nil { return date }
        return Event.parseTime(text)
    }

    /// The time a string's bytes stand for, as `parse(_: String)` reads it: the fixed form needs no string.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        fixed(bytes) ?? String(validating: bytes, as: UTF8.self).flatMap(Event.parseTime)
    }

    /// The fixed form, or nil.
    private static func fixed(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
              bytes[23] == UInt8(ascii: "Z") else { return nil }
        guard let base = bytes.baseAddress else { return nil }
        // Digits read through the base pointer: the length is checked above (a snapshot has ~100,000 times).
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<(start + count) {
                let digit = Int(base[i]) &- 0x30
                guard digit >= 0, digit <= 9 else { return nil }
                value = value &* 10 &+ digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              let millis = number(20, 3), hour < 24, minute < 60, second < 60,
              let date = Day(year: year, month: month, day: day) else { return nil }
        let seconds = ((date.ordinal - epoch) * 24 + hour) * 3600 + minute * 60 + second
        let sinceReference = Double(seconds) - Date.timeIntervalBetween1970AndReferenceDate
        // Near 2001 (the reference date) the formatter's last bit can differ; times
        // before 2020, which this store never writes in practice, take the slow path,
        // so every instant is bit for bit the formatter's (checked on 1.5 million times).
        guard sinceReference >= 599_529_600 else { return nil }
        // Computed as the formatter does (from the reference date).
        return Date(timeIntervalSinceReferenceDate: sinceReference + Double(millis) / 1000)
    }
}
