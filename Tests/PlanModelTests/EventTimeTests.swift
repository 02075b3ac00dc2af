import Foundation
import Synthetic
import Testing
@testable import PlanModel

/// Event times are written from their seconds (`Event.civilTime`), not by the ISO 8601 formatter: the same text.
@Suite("Event times")
struct EventTimeTests {
    /// What the formatter writes for `seconds` since 1970 and `millis`.
    static func formatted(seconds: Int64, millis: Int) -> String {
        let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(.iso8601.year().month().day()
            .dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
        return whole.dropLast() + "." + String(1000 + millis).dropFirst() + "Z"
    }

    @Test("the text computed from the seconds is the formatter's, for random times of years 1600–9999 and the edge days")
    func sameAsTheFormatter() {
        var random = SplitMix64(seed: 2026)
        func next() -> UInt64 { random.next() }
        let first: Int64 = -11_676_096_000, last: Int64 = 253_402_300_799  // 1600-01-01T00:00:00, 9999-12-31T23:59:59
        var seconds: [Int64] = [first, last, 0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, 1_790_000_000,
                                -2_208_988_800, -5_364_662_400, 1_798_761_599, 1_798_761_600]
        seconds += (0..<3000).map { _ in first + Int64(next() % UInt64(last - first + 1)) }
        for second in seconds {
            let millis = Int(next() % 1000)
            #expect(Event.civilTime(seconds: second, millis: millis) == Self.formatted(seconds: second, millis: millis), "\(second)")
        }
        #expect(Event.civilTime(seconds: first - 1, millis: 0) == nil)
        #expect(Event.civilTime(seconds: last + 1, millis: 0) == nil)
        #expect(Event.formatTime(Date(timeIntervalSince1970: 1_790_000_000.002)) == "2026-09-21T14:13:20.002Z")
    }
}
