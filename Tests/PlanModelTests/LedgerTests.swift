import Foundation
import Testing
@testable import PlanModel

@Suite("Ledger: the fold of events")
struct LedgerTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    let measure = Measure(id: "p-2026:1.1", label: "1", title: "开店一件事", text: "深化。提升。",
                          units: [UnitRef(name: "区发改委", role: .lead)],
                          deadline: Deadline(text: "6月底前", date: Day(year: 2026, month: 6, day: 30)),
                          tasks: [PlanTask(id: "p-2026:1.1.1", title: "深化", text: "深化。"),
                                  PlanTask(id: "p-2026:1.1.2", title: "提升", text: "提升。")])

    func event(_ n: Int, _ target: String, _ change: Change, by officer: String = "wang") -> Event {
        Event(id: "e\(n)", time: t0.addingTimeInterval(Double(n)), officer: officer, target: target, change: change)
    }

    var workspace: Workspace {
        Workspace(plans: [Plan(id: "p-2026", title: "方案", pillars: [Pillar(number: "一", title: "政务", measures: [measure])])])
    }

    static let changes: [Change] = [
        .status(.done, previous: nil, force: true),
        .status(nil, previous: .blocked, force: false),
        .note("证据：会议纪要"),
        .assign(unit: "区经委", role: .support, previous: nil),
        .unassign(unit: "区发改委", previous: .lead),
        .due(Day(year: 2026, month: 12, day: 31), previous: nil),
        .due(nil, previous: Day(year: 2026, month: 6, day: 30)),
        .undo(event: "e1", inverse: .status(.todo, previous: .done, force: false)),
        .undo(event: "e2", inverse: nil),
    ]

    @Test("every event kind survives a JSON round trip", arguments: changes)
    func roundTrip(change: Change) throws {
        let original = event(1, "p-2026:1.1", change)
        let data = try JSONEncoder().encode(original)
        #expect(try JSONDecoder().decode(Event.self, from: data) == original)
    }

    @Test("a measure's status is derived from its tasks until it is marked")
    func derivedStatus() {
        var w = workspace
        #expect(w.status(of: measure) == .todo)
        w.apply(event(1, "p-2026:1.1.1", .status(.done, previous: nil, force: false)))
        #expect(w.status(of: measure) == .doing)
        #expect(w.taskProgress(of: measure) == Progress(done: 1, total: 2))
        w.apply(event(2, "p-2026:1.1.2", .status(.done, previous: nil, force: false)))
        #expect(w.status(of: measure) == .done)
        w.apply(event(3, "p-2026:1.1", .status(.blocked, previous: nil, force: false)))
        #expect(w.status(of: measure) == .blocked)
    }

    @Test("undo reverts each kind of change and is itself recorded")
    func undoEachKind() throws {
        var w = workspace
        let before = w
        let changes: [(String, Change)] = [
            ("p-2026:1.1", .status(.done, previous: nil, force: true)),
            ("p-2026:1.1", .note("纪要")),
            ("p-2026:1.1", .assign(unit: "区经委", role: .support, previous: nil)),
            ("p-2026:1.1", .unassign(unit: "区发改委", previous: .lead)),
            ("p-2026:1.1", .due(Day(year: 2026, month: 3, day: 1), previous: Day(year: 2026, month: 6, day: 30))),
        ]
        for (n, (target, change)) in changes.enumerated() { w.apply(event(n, target, change)) }
        #expect(w.status(of: measure) == .done)
        #expect(w.units(of: measure) == [UnitRef(name: "区经委", role: .support)])
        for n in 0..<changes.count {
            let undo = try #require(w.ledger.undo(by: "wang", id: "u\(n)", time: t0))
            w.apply(undo)
        }
        #expect(w.ledger.undo(by: "wang", id: "none", time: t0) == nil)
        #expect(w.status(of: measure) == before.status(of: measure))
        #expect(w.units(of: measure) == measure.units)
        #expect(w.dueDate(of: measure) == Day(year: 2026, month: 6, day: 30))
        #expect(w.ledger.notes["p-2026:1.1"] ?? [] == [])
        #expect(w.ledger.undone.count == changes.count)
    }

    @Test("undo reaches only the officer's own changes")
    func undoIsPerOfficer() {
        var w = workspace
        w.apply(event(1, "p-2026:1.1", .status(.done, previous: nil, force: false), by: "li"))
        #expect(w.ledger.undo(by: "wang", id: "u", time: t0) == nil)
        #expect(w.ledger.undo(by: "li", id: "u", time: t0)?.target == "p-2026:1.1")
    }

    @Test("overdue means a past due date and not done")
    func overdue() {
        var w = workspace
        let july = Day(year: 2026, month: 7, day: 1)!
        #expect(w.isOverdue(measure, today: july))
        #expect(!w.isOverdue(measure, today: Day(year: 2026, month: 6, day: 30)!))
        w.apply(event(1, "p-2026:1.1", .status(.done, previous: nil, force: false)))
        #expect(!w.isOverdue(measure, today: july))
    }

    @Test("days parse exactly and count the days between them")
    func days() {
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2028-02-29")?.description == "2028-02-29")
        #expect(Day("2026-1-5") == nil)
        #expect(Day("2026-01-01")!.days(until: Day("2027-01-01")!) == 365)
    }
}

@Suite("Plan ids")
struct PlanIdTests {
    @Test("a plan under another id renames its measure and task ids")
    func withId() {
        let plan = Plan(id: "jiading-2026", title: "方案", pillars: [Pillar(number: "一", title: "政务", measures: [
            Measure(id: "jiading-2026:1.1", label: "1", title: "开店", text: "深化。",
                    tasks: [PlanTask(id: "jiading-2026:1.1.1", title: "深化", text: "深化。")]),
        ])])
        let renamed = plan.withId("jiading-2026b")
        #expect(renamed.id == "jiading-2026b")
        #expect(renamed.measures.map(\.id) == ["jiading-2026b:1.1"])
        #expect(renamed.measures[0].tasks.map(\.id) == ["jiading-2026b:1.1.1"])
        #expect(renamed.withId("jiading-2026") == plan)
    }
}
