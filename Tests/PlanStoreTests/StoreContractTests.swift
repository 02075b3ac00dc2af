import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// The contract every `PlanStoring` keeps, run against the JSON store and the in-memory twin.
@Suite("Store contract")
struct StoreContractTests {
    static let changes: [(String, Change)] = [
        ("p-2026:1.1", .status(.done, previous: nil, force: true)),
        ("p-2026:1.1.1", .status(.doing, previous: nil, force: false)),
        ("p-2026:1.1", .status(nil, previous: .blocked, force: false)),
        ("p-2026:1.2", .note("证据：会议纪要 2026/11/21 \"第3次\"\n附件")),
        ("p-2026:1.2", .editNote(note: "e0", text: "纪要（改）\n附件", previous: "纪要")),
        ("p-2026:1.2", .assign(unit: "区经委", role: .support, previous: nil)),
        ("p-2026:1.2", .unassign(unit: "区发改委", previous: .lead)),
        ("p-2026:2.1", .due(Day(year: 2026, month: 12, day: 31), previous: nil)),
        ("p-2026:2.1", .due(nil, previous: Day(year: 2026, month: 6, day: 30))),
        ("p-2026:1.1", .undo(event: "e1", inverse: .status(.todo, previous: .done, force: false))),
        ("p-2026:1.2", .undo(event: "e2", inverse: nil)),
    ]

    static var kindsAndChanges: [(StoreKind, Int)] {
        StoreKind.allCases.flatMap { kind in changes.indices.map { (kind, $0) } }
    }

    @Test("every event kind is recorded and read back unchanged", arguments: kindsAndChanges)
    func roundTrip(kind: StoreKind, index: Int) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let (target, change) = Self.changes[index]
        let event = Fixtures.event(1, target, change)
        try store.record([event])
        #expect(try store.history(of: nil, since: nil) == [event])
        #expect(try store.history(of: [target], since: nil) == [event])
        var expected = Ledger()
        expected.apply(event)
        #expect(try store.load().ledger == expected)
    }

    @Test("undo of each kind restores the state before, and is itself recorded", arguments: StoreKind.allCases)
    func undoEachKind(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let before = try store.load()
        let wang = EventFactory(officer: "wang", time: Fixtures.t0)
        var w = before
        let steps: [(Workspace) throws -> Event?] = [
            { try wang.status(.done, of: "p-2026:1.1", in: $0, force: true) },
            { try wang.status(.done, of: "p-2026:1.1.2", in: $0) },
            { try wang.note("纪要", on: "p-2026:1.1", in: $0) },
            { try wang.assign("区经委", role: .support, to: "p-2026:1.1", in: $0, directory: UnitDirectory()) },
            { try wang.unassign("区发改委", from: "p-2026:1.1", in: $0, directory: UnitDirectory()) },
            { try wang.due(Day(year: 2026, month: 3, day: 1), of: "p-2026:1.1", in: $0) },
        ]
        for step in steps {
            let event = try #require(try step(w))
            try store.record([event])
            w = try store.load()
        }
        let measure = try #require(w.measure("p-2026:1.1"))
        #expect(w.status(of: measure) == .done)
        #expect(w.units(of: measure) == [UnitRef(name: "区经委", role: .support)])
        let undone = try store.undo(steps: 10, as: wang)
        #expect(undone.undone.count == steps.count && undone.skipped.isEmpty)
        let after = try store.load()
        #expect(after.status(of: measure) == before.status(of: measure))
        #expect(after.status(ofTask: "p-2026:1.1.2") == .todo)
        #expect(after.units(of: measure) == measure.units)
        #expect(after.dueDate(of: measure) == Day(year: 2026, month: 6, day: 30))
        #expect(after.ledger.notes["p-2026:1.1"] ?? [] == [])
        #expect(try store.undo(steps: 1, as: wang) == UndoOutcome())
        #expect(try store.history(of: nil, since: nil).count == steps.count * 2)
    }

    @Test("undo passes over a change another officer superseded (by event, not value) and undoes the one before it",
          arguments: StoreKind.allCases)
    func undoSkipsSuperseded(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        // li acts a second later: events fold by time, then officer.
        let wang = EventFactory(officer: "wang", time: Fixtures.t0), li = EventFactory(officer: "li", time: Fixtures.t0 + 1)
        func change(_ factory: EventFactory, _ build: (Workspace) throws -> Event?) throws -> Event {
            let event = try #require(try build(try store.workspace(for: ["p-2026:1.2", "p-2026:2.1"])))
            try store.record([event])
            return event
        }
        let due = try change(wang) { try wang.due(Day(year: 2026, month: 3, day: 1), of: "p-2026:2.1", in: $0) }
        let done = try change(wang) { try wang.status(.done, of: "p-2026:1.2", in: $0) }
        _ = try change(li) { try li.reopen("p-2026:1.2", in: $0) }
        let lisDone = try change(li) { try li.status(.done, of: "p-2026:1.2", in: $0) }
        let outcome = try store.undo(steps: 1, as: wang)
        #expect(outcome.skipped == [UndoOutcome.Skip(event: done, reason: .superseded(by: lisDone))])
        #expect(outcome.undone.map(\.change) == [.undo(event: due.id, inverse: due.change.inverse)])
        let after = try store.load()
        #expect(after.ledger.marks["p-2026:1.2"]?.officer == "li" && after.ledger.marks["p-2026:1.2"]?.status == .done)
        #expect(try store.undo(steps: 1, as: wang).undone.isEmpty)
    }

    @Test("a step (events recorded together: one officer, one time) is undone whole, and only within the scope asked",
          arguments: StoreKind.allCases)
    func undoTakesWholeStepsInScope(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let first = EventFactory(officer: "wang", time: Fixtures.t0), then = EventFactory(officer: "wang", time: Fixtures.t0 + 1)
        let slice = try store.workspace(for: ["p-2026:1.1", "p-2026:2.1"])
        let block = [try #require(try first.status(.blocked, of: "p-2026:1.1.1", in: slice)), try first.note("等待会签", on: "p-2026:1.1.1", in: slice)]
        try store.record(block)
        let due = try #require(try then.due(Day(year: 2026, month: 3, day: 1), of: "p-2026:2.1", in: slice))
        try store.record([due])
        // The measure reaches its task; the later due date elsewhere is passed over, not undone.
        let undo = EventFactory(officer: "wang", time: Fixtures.t0 + 2)
        let outcome = try store.undo(steps: 1, in: UndoScope(ids: ["p-2026:1.1"]), as: undo)
        #expect(outcome.reverted == block.reversed() && outcome.skipped.isEmpty)
        #expect(outcome.undone.map(\.change) == [.undo(event: block[1].id, inverse: nil), .undo(event: block[0].id, inverse: block[0].change.inverse)])
        #expect(Set(outcome.undone.map(\.time)) == [undo.time])
        var after = try store.load()
        #expect(after.ledger.marks["p-2026:1.1.1"] == nil && after.ledger.notes["p-2026:1.1.1"] ?? [] == [])
        #expect(after.dueDate(of: try #require(after.measure("p-2026:2.1"))) == Day(year: 2026, month: 3, day: 1))
        #expect(try store.undo(steps: 1, in: UndoScope(ids: ["p-2026:1.2"]), as: undo) == UndoOutcome())
        #expect(try store.undo(steps: 1, as: undo).reverted == [due])
        after = try store.load()
        #expect(after.dueDate(of: try #require(after.measure("p-2026:2.1"))) == Day(year: 2026, month: 6, day: 30))
    }

    @Test("marking a measure done with open tasks is refused unless forced", arguments: StoreKind.allCases)
    func doneWithOpenTasks(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let wang = EventFactory(officer: "wang", time: Fixtures.t0)
        let slice = try store.workspace(for: ["p-2026:1.1"])
        #expect(throws: StoreError.refused(.openTasks(measure: "p-2026:1.1", open: ["p-2026:1.1.1", "p-2026:1.1.2"]))) {
            try wang.status(.done, of: "p-2026:1.1", in: slice)
        }
        let forced = try #require(try wang.status(.done, of: "p-2026:1.1", in: slice, force: true))
        #expect(forced.change == .status(.done, previous: nil, force: true))
        try store.record([forced])
        #expect(try wang.status(.done, of: "p-2026:1.1", in: store.workspace(for: ["p-2026:1.1"])) == nil)
    }

    @Test("a change decided on a stale state is refused by update; decided inside it, it is recorded",
          arguments: StoreKind.allCases)
    func staleChangesAreRefused(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let wang = EventFactory(officer: "wang", time: Fixtures.t0)
        let li = EventFactory(officer: "li", time: Fixtures.t0)
        // wang's screen shows 1.2 unmarked; meanwhile li marks it blocked.
        let stale = try #require(try wang.status(.done, of: "p-2026:1.2", in: store.workspace(for: ["p-2026:1.2"])))
        _ = try store.update(["p-2026:1.2"]) { current throws(StoreError) in
            try li.status(.blocked, of: "p-2026:1.2", in: current).map { [$0] } ?? []
        }
        #expect(throws: StoreError.self) {
            try store.update(["p-2026:1.2"]) { current throws(StoreError) in
                try EventFactory.requireCurrent([stale], in: current)
                return [stale]
            }
        }
        #expect(try store.load().ledger.marks["p-2026:1.2"]?.status == .blocked)
        let fresh = try store.update(["p-2026:1.2"]) { current throws(StoreError) in
            try wang.status(.done, of: "p-2026:1.2", in: current).map { [$0] } ?? []
        }
        #expect(fresh.map(\.change) == [.status(.done, previous: .blocked, force: false)])
        #expect(try store.load().ledger.marks["p-2026:1.2"]?.status == .done)
    }

    @Test("a change made after a desk with a clock running ahead marked the same measure still takes effect, stamped after it",
          arguments: StoreKind.allCases)
    func changeAfterAClockAhead(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let ahead = Fixtures.t0.addingTimeInterval(400 * 86_400)
        let sun = EventFactory(officer: "sun", time: ahead)
        let bench = EventFactory(officer: "bench", time: Fixtures.t0)
        _ = try store.update(["p-2026:1.2"]) { current throws(StoreError) in
            try sun.status(.doing, of: "p-2026:1.2", in: current).map { [$0] } ?? []
        }
        let done = try store.update(["p-2026:1.2"]) { current throws(StoreError) in
            try bench.status(.done, of: "p-2026:1.2", in: current).map { [$0] } ?? []
        }
        #expect(done.map(\.change) == [.status(.done, previous: .doing, force: false)])
        #expect(done.allSatisfy { $0.time > ahead })
        #expect(try store.load().ledger.marks["p-2026:1.2"]?.status == .done)
    }

    @Test("an unassign decided before another officer changed the unit's role is refused; the other change stands",
          arguments: StoreKind.allCases)
    func staleUnassignIsRefused(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let wang = EventFactory(officer: "wang", time: Fixtures.t0)
        let li = EventFactory(officer: "li", time: Fixtures.t0)
        let units = UnitDirectory()
        // wang's screen shows 区发改委 leading 1.2; meanwhile li makes it a supporting unit.
        let stale = try wang.unassign("区发改委", from: "p-2026:1.2", in: store.workspace(for: ["p-2026:1.2"]), directory: units)
        _ = try store.update(["p-2026:1.2"]) { current throws(StoreError) in
            try li.assign("区发改委", role: .support, to: "p-2026:1.2", in: current, directory: units).map { [$0] } ?? []
        }
        #expect(throws: StoreError.changedMeanwhile(target: "p-2026:1.2")) {
            try store.update(["p-2026:1.2"]) { current throws(StoreError) in
                try EventFactory.requireCurrent([stale], in: current)
                return [stale]
            }
        }
        let workspace = try store.load()
        #expect(workspace.units(of: try #require(workspace.measure("p-2026:1.2"))) == [UnitRef(name: "区发改委", role: .support)])
    }

    @Test("a slice for some ids agrees with the whole workspace on them", arguments: StoreKind.allCases)
    func sliceAgrees(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        try store.record([
            Fixtures.event(1, "p-2026:1.1.1", .status(.done, previous: nil, force: false)),
            Fixtures.event(2, "p-2026:1.2", .status(.blocked, previous: nil, force: false)),
            Fixtures.event(3, "p-2026:1.1", .assign(unit: "区经委", role: .support, previous: nil)),
            Fixtures.event(4, "p-2026:1.1", .due(Day(year: 2026, month: 9, day: 1), previous: nil)),
        ])
        let whole = try store.load()
        let slice = try store.workspace(for: ["p-2026:1.1.2"])
        // A slice without titles is marked as one; the whole workspace never is.
        #expect(!whole.isSlice)
        #expect(slice.isSlice == slice.plans.contains { $0.title.isEmpty })
        let measure = try #require(slice.measure("p-2026:1.1"))
        let full = try #require(whole.measure("p-2026:1.1"))
        #expect(slice.status(of: measure) == whole.status(of: full))
        #expect(slice.status(of: measure) == .doing)
        #expect(slice.taskProgress(of: measure) == Progress(done: 1, total: 2))
        #expect(slice.units(of: measure) == whole.units(of: full))
        #expect(slice.dueDate(of: measure) == Day(year: 2026, month: 9, day: 1))
    }

    @Test("an unknown id names the closest existing ids", arguments: StoreKind.allCases)
    func unknownId(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        #expect(throws: StoreError.unknownId("p-2026:1.3", closest: ["p-2026:1.1", "p-2026:1.2", "p-2026:2.1"])) {
            try store.workspace(for: ["p-2026:1.3"])
        }
        #expect(throws: StoreError.unknownId("p-2026:1", closest: ["p-2026:1.1", "p-2026:1.2", "p-2026:1.1.1"])) {
            try store.workspace(for: ["p-2026:1"])
        }
    }

    @Test("re-import keeps progress by id and reports changed, added, vanished and orphaned measures",
          arguments: StoreKind.allCases)
    func reimport(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        let first = try store.importPlan(Fixtures.plan)
        #expect(first.isNew && first.added.count == 3 && first.measures == 3)
        try store.record([
            Fixtures.event(1, "p-2026:1.1.1", .status(.done, previous: nil, force: false)),
            Fixtures.event(2, "p-2026:1.2", .note("已完成")),
            Fixtures.event(3, "p-2026:2.1", .status(.done, previous: nil, force: false)),
        ])
        var revised = Fixtures.plan
        revised.pillars[0].measures[0].text = "深化服务，扩大范围。"
        revised.pillars[0].measures.remove(at: 1) // 1.2, which has a note
        revised.pillars[1].measures.append(Fixtures.measure("p-2026:2.2", title: "新增措施"))
        let report = try store.importPlan(revised)
        #expect(report == ImportReport(old: Fixtures.plan, new: revised, recorded: ["p-2026:1.2"]))
        #expect(!report.isNew)
        #expect(report.changed == ["p-2026:1.1"])
        #expect(report.added == ["p-2026:2.2"])
        #expect(report.vanished == ["p-2026:1.2"])
        #expect(report.orphaned == ["p-2026:1.2"])
        let w = try store.load()
        #expect(w.plans == [revised])
        #expect(w.status(ofTask: "p-2026:1.1.1") == .done)
        #expect(w.status(of: try #require(w.measure("p-2026:2.1"))) == .done)
        #expect(ImportReport.orphans(in: w) == ["p-2026:1.2"])
        #expect(try store.history(of: ["p-2026:1.2"], since: nil).count == 1)
    }

    @Test("plans imported together (more than one batch, one named twice) give the reports and plans of importing them one by one; a bad one imports none",
          arguments: StoreKind.allCases)
    func importTogether(kind: StoreKind) throws {
        let plans = (1...(2 * ProcessInfo.processInfo.activeProcessorCount + 1)).map { Fixtures.plan.withId("p\($0)-2026") }
        var revised = plans[1]
        revised.pillars[0].measures.removeLast()
        // The revision right after its plan: one batch must not hold both.
        let all = [plans[1], revised] + plans
        let directories = [TemporaryDirectory(), TemporaryDirectory(), TemporaryDirectory()]
        let together = try Fixtures.makeStore(kind, in: directories[0])
        let oneByOne = try Fixtures.makeStore(kind, in: directories[1])
        let reports = try together.importPlans(all)
        #expect(reports == (try all.map { try oneByOne.importPlan($0) }))
        #expect(reports[1].vanished == ["p2-2026:1.2"] && !reports[1].isNew && reports[3].added == ["p2-2026:1.2"])
        #expect(try together.load().plans == (try oneByOne.load().plans))
        var broken = plans[0]
        broken.id = "p0-2026"
        let fresh = try Fixtures.makeStore(kind, in: directories[2])
        #expect(throws: StoreError.self) { try fresh.importPlans([plans[2], broken]) }
        #expect(try fresh.load().plans.isEmpty)
        // Importing no plans into a store that has none yet (no index directory either) changes nothing.
        #expect(try fresh.importPlans([]) == [])
        #expect(try fresh.load().plans.isEmpty)
    }

    @Test("an id one byte off its place (a digit more or less, a zero in front, a trailing dot or space, another plan, a case) is refused naming the place; ids at their places pass")
    func idsAtTheirPlaces() throws {
        try ImportReport.validate(Fixtures.plan)
        var wide = Fixtures.plan
        wide.pillars[1].measures = (1...12).map { Fixtures.measure("p-2026:2.\($0)") }
        try ImportReport.validate(wide)
        for wrong in ["p-2026:2.1", "p-2026:1.10", "p-2026:1.", "p-2026:01.2", "p-2026:1.2 ", "p-2026:1", "p-2026::1.2", "P-2026:1.2",
                      "p-2026:1.2.1", "p-2026-1.2", "p-2027:1.2", "p-2026:12", "p:1.2", ""] {
            var plan = Fixtures.plan
            plan.pillars[0].measures[1].id = wrong
            #expect(throws: StoreError.badInput("plan p-2026: id \"\(wrong)\" must be p-2026:1.2, its place in the plan (pillar.measure.task, counted from 1)")) {
                try ImportReport.validate(plan)
            }
        }
        for wrong in ["p-2026:1.1.3", "p-2026:1.1", "p-2026:1.1.1.1", "p-2026:1.2.2", "p-2026:1.1.2\u{0}"] {
            var plan = Fixtures.plan
            plan.pillars[0].measures[0].tasks[1].id = wrong
            #expect(throws: StoreError.self) { try ImportReport.validate(plan) }
        }
        // Several plans are checked side by side; the error is the first refused plan's, in the order given.
        let refused = (0..<6).map { n in
            var plan = Fixtures.plan.withId("p\(n)-2026")
            if n >= 2 { plan.pillars[0].measures[0].id = "p\(n)-2026:9.9" }
            return plan
        }
        try ImportReport.validate(Array(refused.prefix(2)))
        #expect(throws: StoreError.badInput("plan p2-2026: id \"p2-2026:9.9\" must be p2-2026:1.1, its place in the plan (pillar.measure.task, counted from 1)")) {
            try ImportReport.validate(refused)
        }
    }

    @Test("a removed plan leaves the workspace; its events stay as orphans and come back with a re-import",
          arguments: StoreKind.allCases)
    func removePlan(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let other = Plan(id: "other-2026", title: "其他方案", pillars: [
            Pillar(number: "一", title: "其他", measures: [Fixtures.measure("other-2026:1.1", title: "其他措施")]),
        ])
        _ = try store.importPlan(other)
        let done = Fixtures.event(1, "p-2026:2.1", .status(.done, previous: nil, force: false))
        try store.record([done])
        #expect(throws: StoreError.unknownPlan("p-202", closest: ["p-2026"])) { try store.removePlan("p-202") }
        try store.removePlan("p-2026")
        let w = try store.load()
        #expect(w.plans.map(\.id) == ["other-2026"])
        #expect(ImportReport.orphans(in: w) == ["p-2026:2.1"])
        #expect(try store.history(of: nil, since: nil) == [done])
        #expect(throws: StoreError.unknownId("p-2026:2.1", closest: [])) { try store.workspace(for: ["p-2026:2.1"]) }
        #expect(throws: StoreError.unknownPlan("p-2026", closest: [])) { try store.removePlan("p-2026") }
        _ = try store.importPlan(Fixtures.plan)
        #expect(try store.load().status(of: try #require(Fixtures.plan.measures.last)) == .done)
    }

    @Test("history filters by targets and by time", arguments: StoreKind.allCases)
    func historyFilters(kind: StoreKind) throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.makeStore(kind, in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let events = [
            Fixtures.event(0, "p-2026:1.1", .note("a")),
            Fixtures.event(100, "p-2026:1.10", .note("b")),
            Fixtures.event(200, "p-2026:1.1.1", .note("c"), by: "li"),
        ]
        try store.record(events)
        #expect(try store.history(of: ["p-2026:1.1"], since: nil) == [events[0]])
        #expect(try store.history(of: ["p-2026:1.1", "p-2026:1.1.1"], since: nil) == [events[0], events[2]])
        #expect(try store.history(of: nil, since: Fixtures.t0.addingTimeInterval(100)) == [events[1], events[2]])
        #expect(try store.ledger(of: "li").recent["li"]?.map(\.id) == [events[2].id])
    }
}
