import PlanModel
import Testing

@Suite("Days as officers type them")
struct DayTypedTests {
    let today = Day(year: 2026, month: 2, day: 10)!

    @Test("every written form of 31 December names the same day", arguments: [
        "2026-12-31", "2026/12/31", "2026.12.31", "2026年12月31日", "2026年12月31号", "2026年12月31",
        "12月31日", "12-31", "12/31", "年底", "２０２６－１２－３１", " 2026-12-31 ", "2026-12-31".replacingOccurrences(of: "-", with: "/"),
    ])
    func forms(text: String) {
        #expect(Day(typed: text, today: today) == Day(year: 2026, month: 12, day: 31))
    }

    @Test("short and unpadded forms, the end of this month")
    func shortForms() {
        #expect(Day(typed: "2026-3-5", today: today) == Day(year: 2026, month: 3, day: 5))
        #expect(Day(typed: "3月5日", today: today) == Day(year: 2026, month: 3, day: 5))
        #expect(Day(typed: "月底", today: today) == Day(year: 2026, month: 2, day: 28))
        #expect(Day(typed: "2027年1月1日", today: today) == Day(year: 2027, month: 1, day: 1))
    }

    @Test("a day is written YYYY-MM-DD, zero-padded, and reads back as itself, for every day of the years tried")
    func written() {
        for year in [1, 9, 99, 999, 2024, 2026, 9999] {
            var day = Day(year: year, month: 1, day: 1)
            while let current = day, current.year == year {
                let text = current.description
                let padded = String(repeating: "0", count: 4 - String(year).count) + String(year)
                    + "-" + (current.month < 10 ? "0" : "") + String(current.month) + "-" + (current.day < 10 ? "0" : "") + String(current.day)
                #expect(text == padded && Day(text) == current, "\(text)")
                day = Day(year: year, month: current.month, day: current.day + 1)
                    ?? Day(year: year, month: current.month + 1, day: 1) ?? Day(year: year + 1, month: 1, day: 1)
            }
        }
        var odd = Day(year: 2026, month: 1, day: 1)!
        odd.year = 12_026
        #expect(odd.description == "12026-01-01")
    }

    @Test("anything else is no day", arguments: [
        "", "31日", "12月", "2026-12", "2026-12/31", "12--31", "1-2-3", "2026-02-30", "2026年12-31", "明天",
        "2026-12-31x", "20261-12-31", "13-01", "-12-31", "2026年12月31日前",
    ])
    func refused(text: String) {
        #expect(Day(typed: text, today: today) == nil)
    }
}
