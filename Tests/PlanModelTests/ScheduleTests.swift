import Foundation
import Testing
@testable import PlanModel

@Suite("Schedule: 序时进度, actual progress and the light on fixed days")
struct ScheduleTests {
    static func day(_ text: String) -> Day { Day(text)! }

    /// A plan dated 2026-01-01 with one measure due 2026-12-31 (four tasks) and one without a deadline.
    static func workspace(_ events: [(String, Change, String)] = []) -> Workspace {
        let plan = Plan(id: "p-2026", title: "方案", district: "金山区", year: 2026, date: day("2026-01-01"), pillars: [
            Pillar(number: "一", title: "政务", measures: [
                Measure(id: "p-2026:1.1", label: "（一）", title: "一件事", text: "", units: [],
                        deadline: Deadline(text: "年底前", date: day("2026-12-31")),
                        tasks: (1...4).map { PlanTask(id: "p-2026:1.1.\($0)", title: "任务\($0)", text: "") }),
                Measure(id: "p-2026:1.2", label: "（二）", title: "无期限", text: ""),
            ]),
        ])
        var workspace = Workspace(plans: [plan])
        for (index, (target, change, time)) in events.enumerated() {
            workspace.apply(Event(id: "e\(index)", time: Event.parseTime(time)!, officer: "wang", target: target, change: change))
        }
        return workspace
    }

    func schedule(_ workspace: Workspace, _ id: String = "p-2026:1.1", on today: String) -> Schedule {
        workspace.schedule(of: workspace.measure(id)!, today: Self.day(today), utcOffset: 8 * 3600)
    }

    @Test("on the start day nothing is expected yet: green, the days left counted")
    func start() {
        let s = schedule(Self.workspace(), on: "2026-01-01")
        #expect(s.expected == 0 && s.actual == 0)
        #expect(s.light == .green)
        #expect(s.daysLeft == 364 && s.daysLate == nil)
        #expect(s.remaining(in: .zh) == "剩 364 天" && s.remaining(in: .en) == "364 days left")
    }

    @Test("in the middle, one task of four done is more than 25 points behind: yellow; two done: green")
    func middle() {
        let one = Self.workspace([("p-2026:1.1.1", .status(.done, previous: nil, force: false), "2026-03-01T02:00:00Z")])
        let behind = schedule(one, on: "2026-07-15")
        #expect(abs((behind.expected ?? 0) - 195.0 / 364.0) < 1e-9)
        #expect(behind.actual == 0.25)
        #expect(behind.light == .yellow)
        let two = Self.workspace([("p-2026:1.1.1", .status(.done, previous: nil, force: false), "2026-03-01T02:00:00Z"),
                                  ("p-2026:1.1.2", .status(.done, previous: nil, force: false), "2026-03-02T02:00:00Z")])
        #expect(schedule(two, on: "2026-07-15").light == .green)
    }

    @Test("the yellow threshold is a rule: at 0.5 a 33-point gap is on track")
    func threshold() {
        let workspace = Self.workspace([("p-2026:1.1.1", .status(.done, previous: nil, force: false), "2026-03-01T02:00:00Z")])
        let measure = workspace.measure("p-2026:1.1")!
        let today = Self.day("2026-08-01")
        #expect(workspace.schedule(of: measure, today: today).light == .yellow)
        #expect(workspace.schedule(of: measure, today: today, rules: .init(yellowGap: 0.5)).light == .green)
    }

    @Test("due within 14 days and not done is yellow whatever the progress; on the day, 0 days left")
    func dueSoon() {
        let done3 = Self.workspace((1...3).map { ("p-2026:1.1.\($0)", .status(.done, previous: nil, force: false), "2026-03-01T02:00:00Z") })
        #expect(schedule(done3, on: "2026-12-16").light == .green)
        #expect(schedule(done3, on: "2026-12-17").light == .yellow)
        #expect(schedule(done3, on: "2026-12-31").daysLeft == 0)
    }

    @Test("after the deadline and not done: red, days late counted, 100% expected")
    func afterDeadline() {
        let s = schedule(Self.workspace(), on: "2027-01-11")
        #expect(s.light == .red && s.isOverdue)
        #expect(s.expected == 1 && s.daysLate == 11 && s.daysLeft == nil)
        #expect(s.remaining(in: .zh) == "逾期 11 天")
    }

    @Test("done after the deadline: green, and the record says done 11 days late (in the officer's zone)")
    func doneLate() {
        // 2027-01-10T20:00Z is 2027-01-11 04:00 in Shanghai.
        let workspace = Self.workspace([("p-2026:1.1", .status(.done, previous: nil, force: true), "2027-01-10T20:00:00Z")])
        let s = schedule(workspace, on: "2027-02-01")
        #expect(s.light == .green && !s.isOverdue && s.actual == 1)
        #expect(s.daysLate == 11)
        #expect(s.remaining(in: .zh) == "逾期 11 天完成" && s.remaining(in: .en) == "done 11 days late")
        let early = Self.workspace([("p-2026:1.1", .status(.done, previous: nil, force: true), "2026-05-01T02:00:00Z")])
        #expect(schedule(early, on: "2027-02-01").daysLate == nil)
    }

    @Test("without a deadline: no light, no expected progress; doing counts half")
    func noDeadline() {
        let workspace = Self.workspace([("p-2026:1.2", .status(.doing, previous: nil, force: false), "2026-03-01T02:00:00Z")])
        let s = schedule(workspace, "p-2026:1.2", on: "2026-07-01")
        #expect(s.light == .none && s.expected == nil && s.end == nil)
        #expect(s.actual == 0.5)
        #expect(s.remaining(in: .zh) == "")
    }

    @Test("blocked is red, with or without a deadline")
    func blocked() {
        let workspace = Self.workspace([("p-2026:1.1", .status(.blocked, previous: nil, force: false), "2026-03-01T02:00:00Z"),
                                        ("p-2026:1.2", .status(.blocked, previous: nil, force: false), "2026-03-01T02:00:00Z")])
        #expect(schedule(workspace, on: "2026-02-01").light == .red)
        #expect(schedule(workspace, "p-2026:1.2", on: "2026-02-01").light == .red)
    }

    @Test("a plan without a date starts on 1 January of its year")
    func startOfYear() {
        let s = Schedule(status: .todo, tasks: Progress(done: 0, total: 0), start: Day(year: 2026, month: 1, day: 1),
                         end: Self.day("2026-12-31"), today: Self.day("2026-12-31"))
        #expect(s.expected == 1)
        let plan = Plan(id: "q-2026", title: "", year: 2026, pillars: [Pillar(number: "一", title: "", measures: [
            Measure(id: "q-2026:1.1", label: "", title: "", text: "", deadline: Deadline(text: "", date: Self.day("2026-07-02")))])])
        let workspace = Workspace(plans: [plan])
        #expect(workspace.schedule(of: workspace.measure("q-2026:1.1")!, today: Self.day("2026-04-02")).start
                == Self.day("2026-01-01"))
    }

    @Test("a measure's schedule starts at its own plan's date, whether the caller hands its plan or it is looked up")
    func planHanded() {
        let plans = ["2026-01-01", "2026-03-15"].enumerated().map { n, date in
            Plan(id: "p\(n)-2026", title: "", year: 2026, date: Self.day(date), pillars: [Pillar(number: "一", title: "", measures: [
                Measure(id: "p\(n)-2026:1.1", label: "", title: "", text: "", deadline: Deadline(text: "", date: Self.day("2026-12-31")))])])
        }
        let workspace = Workspace(plans: plans)
        for plan in plans {
            let measure = plan.pillars[0].measures[0]
            let looked = workspace.schedule(of: measure, today: Self.day("2026-06-01"))
            #expect(looked.start == plan.date)
            #expect(workspace.schedule(of: measure, in: plan, today: Self.day("2026-06-01")) == looked)
        }
    }

    @Test("days and event times: ordinal round trip, and the zone decides the day")
    func days() {
        for text in ["0001-01-01", "1970-01-01", "2000-02-29", "2026-03-01", "2026-12-31", "9999-12-31"] {
            #expect(Day(ordinal: Self.day(text).ordinal) == Self.day(text))
        }
        let time = Event.parseTime("2026-06-30T17:30:00Z")!
        #expect(Day(time, utcOffset: 0) == Self.day("2026-06-30"))
        #expect(Day(time, utcOffset: 8 * 3600) == Self.day("2026-07-01"))
        #expect(Day(Date(timeIntervalSince1970: -1), utcOffset: 0) == Self.day("1969-12-31"))
    }
}
