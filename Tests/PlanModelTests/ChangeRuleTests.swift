import Foundation
import Testing
import PlanModel

/// The rules shared by the CLI and the dashboard: what each change records, and what is refused.
@Suite("Change rules")
struct ChangeRuleTests {
    static let measure = Measure(id: "p-2026:1.1", label: "1", title: "开店一件事", text: "深化。提升。",
                                 units: [UnitRef(name: "区发改委", role: .lead)],
                                 deadline: Deadline(text: "6月底前", date: Day(year: 2026, month: 6, day: 30)),
                                 tasks: [PlanTask(id: "p-2026:1.1.1", title: "深化", text: "深化。"),
                                         PlanTask(id: "p-2026:1.1.2", title: "提升", text: "提升。")])
    static let plain = Measure(id: "p-2026:1.2", label: "2", title: "办好一件事", text: "办好。")

    var workspace = Workspace(plans: [Plan(id: "p-2026", title: "方案", pillars: [
        Pillar(number: "一", title: "政务", measures: [ChangeRuleTests.measure, ChangeRuleTests.plain]),
    ])])
    let directory = UnitDirectory()

    mutating func record(_ target: String, _ change: Change?) {
        guard let change else { return }
        workspace.apply(Event(id: UUID().uuidString, time: Date(timeIntervalSince1970: 0), officer: "wang",
                              target: target, change: change))
    }

    @Test("done on a measure with open tasks is refused unless forced, and the force is recorded")
    func doneNeedsForce() throws {
        #expect(throws: ChangeRefusal.openTasks(measure: "p-2026:1.1", open: ["p-2026:1.1.1", "p-2026:1.1.2"])) {
            try workspace.change(marking: "p-2026:1.1", as: .done)
        }
        #expect(try workspace.change(marking: "p-2026:1.1", as: .done, force: true) == .status(.done, previous: nil, force: true))
        #expect(try workspace.change(marking: "p-2026:1.2", as: .done) == .status(.done, previous: nil, force: false))
    }

    @Test("a change that changes nothing records nothing")
    mutating func noOps() throws {
        record("p-2026:1.2", try workspace.change(marking: "p-2026:1.2", as: .doing))
        #expect(try workspace.change(marking: "p-2026:1.2", as: .doing) == nil)
        #expect(try workspace.change(assigning: "区发改委", role: .lead, to: "p-2026:1.1", directory: directory) == nil)
        #expect(try workspace.change(settingDue: Day(year: 2026, month: 6, day: 30), of: "p-2026:1.1") == nil)
        #expect(try workspace.change(reopening: "p-2026:1.1") == nil)
    }

    @Test("reopen clears the mark, except when every task is done: then it records todo")
    mutating func reopen() throws {
        record("p-2026:1.2", try workspace.change(marking: "p-2026:1.2", as: .done))
        #expect(try workspace.change(reopening: "p-2026:1.2") == .status(nil, previous: .done, force: false))
        record("p-2026:1.1.1", try workspace.change(marking: "p-2026:1.1.1", as: .done))
        record("p-2026:1.1.2", try workspace.change(marking: "p-2026:1.1.2", as: .done))
        #expect(workspace.status(of: Self.measure) == .done)
        #expect(try workspace.change(reopening: "p-2026:1.1") == .status(.todo, previous: nil, force: false))
    }

    @Test("another name of an assigned unit changes its role instead of adding it twice; unassign takes any name")
    mutating func aliases() throws {
        let change = try workspace.change(assigning: "区发展和改革委员会", role: .support, to: "p-2026:1.1", directory: directory)
        #expect(change == .assign(unit: "区发改委", role: .support, previous: .lead))
        record("p-2026:1.1", change)
        #expect(workspace.units(of: Self.measure) == [UnitRef(name: "区发改委", role: .support)])
        #expect(try workspace.change(unassigning: "區發改委", from: "p-2026:1.1", directory: directory)
                == .unassign(unit: "区发改委", previous: .support))
    }

    @Test("refusals name what is wrong")
    func refusals() {
        #expect(throws: ChangeRefusal.unknownId("p-2026:9.9")) { try workspace.change(marking: "p-2026:9.9", as: .done) }
        #expect(throws: ChangeRefusal.notAMeasure("p-2026:1.1.1")) {
            try workspace.change(settingDue: nil, of: "p-2026:1.1.1")
        }
        #expect(throws: ChangeRefusal.emptyNote("p-2026:1.1")) { try workspace.change(noting: "  ", on: "p-2026:1.1") }
        #expect(throws: ChangeRefusal.compositeUnitName("区经委、区科委")) {
            try workspace.change(assigning: "区经委、区科委", role: .lead, to: "p-2026:1.1", directory: directory)
        }
        #expect(throws: ChangeRefusal.notAssigned(unit: "区经委", measure: "p-2026:1.1", assigned: ["区发改委"])) {
            try workspace.change(unassigning: "区经委", from: "p-2026:1.1", directory: directory)
        }
    }
}

@Suite("Stale changes")
struct StaleChangeTests {
    @Test("a change decided on an old state is no longer current once someone else changed the target")
    func staleness() throws {
        var rules = ChangeRuleTests()
        let mine = try #require(try rules.workspace.change(marking: "p-2026:1.2", as: .done))
        #expect(rules.workspace.isCurrent(mine, on: "p-2026:1.2"))
        rules.record("p-2026:1.2", try rules.workspace.change(marking: "p-2026:1.2", as: .blocked))
        #expect(!rules.workspace.isCurrent(mine, on: "p-2026:1.2"))
        let due = try #require(try rules.workspace.change(settingDue: Day(year: 2026, month: 9, day: 1), of: "p-2026:1.1"))
        #expect(rules.workspace.isCurrent(due, on: "p-2026:1.1"))
        rules.record("p-2026:1.1", .due(nil, previous: Day(year: 2026, month: 6, day: 30)))
        #expect(!rules.workspace.isCurrent(due, on: "p-2026:1.1"))
        #expect(rules.workspace.isCurrent(.note("纪要"), on: "p-2026:1.1"))
        #expect(!rules.workspace.isCurrent(.undo(event: "gone", inverse: .status(nil, previous: .done, force: false)),
                                          on: "p-2026:1.2"))
    }
}
