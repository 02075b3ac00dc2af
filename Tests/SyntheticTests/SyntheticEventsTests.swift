import Foundation
import Testing
import PlanModel
import Synthetic

@Suite("Synthetic history")
struct SyntheticEventsTests {
    let start = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z
    let plans = Synthetic.plans(measures: 1_200, seed: 11)

    @Test("the same seed gives the same events; exactly the requested count")
    func deterministic() {
        let events = Synthetic.events(for: plans, count: 3_000, seed: 2, start: start)
        #expect(events.count == 3_000)
        #expect(events == Synthetic.events(for: plans, count: 3_000, seed: 2, start: start))
        #expect(events != Synthetic.events(for: plans, count: 3_000, seed: 3, start: start))
        #expect(Synthetic.events(for: [], count: 10, seed: 2, start: start).isEmpty)
    }

    @Test("times increase after the start, ids are unique, several officers take part")
    func shape() {
        let events = Synthetic.events(for: plans, count: 3_000, seed: 2, start: start)
        #expect(events.first.map { $0.time > start } == true)
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.time < $1.time })
        #expect(Set(events.map(\.id)).count == events.count)
        #expect(Set(events.map(\.officer)).count >= 5)
        #expect(Set(events.map(\.kind)) == Set(Change.Kind.allCases))
        let ids = Set(plans.flatMap(\.measures).flatMap { [$0.id] + $0.tasks.map(\.id) })
        #expect(events.allSatisfy { ids.contains($0.target) })
    }

    @Test("every previous value is what the store held just before, and undos invert their event")
    func previousValues() {
        var workspace = Workspace(plans: plans)
        var byId: [String: Event] = [:]
        for event in Synthetic.events(for: plans, count: 5_000, seed: 4, start: start) {
            let measure = workspace.measure(event.target)
            switch event.change {
            case let .status(_, previous, _):
                #expect(previous == workspace.ledger.marks[event.target]?.status)
            case let .due(_, previous):
                #expect(measure.map { workspace.dueDate(of: $0) } == previous)
            case let .assign(unit, _, previous):
                #expect(measure.map { workspace.units(of: $0).first { $0.name == unit }?.role } == previous)
            case let .unassign(unit, previous):
                #expect(measure.map { workspace.units(of: $0).first { $0.name == unit }?.role } == previous)
            case let .undo(undone, inverse):
                #expect(byId[undone]?.change.inverse == inverse)
                #expect(byId[undone]?.officer == event.officer)
                #expect(!workspace.ledger.undone.contains(undone))
            case let .editNote(note, _, previous):
                #expect(workspace.ledger.notes[event.target]?.first { $0.id == note }?.text == previous)
            case .note:
                break
            }
            byId[event.id] = event
            workspace.apply(event)
        }
    }

    @Test("events survive the journal's JSON encoding unchanged")
    func roundTrip() throws {
        let events = Synthetic.events(for: plans, count: 2_000, seed: 5, start: start)
        let decoded = try events.map { try JSONDecoder().decode(Event.self, from: JSONEncoder().encode($0)) }
        #expect(decoded == events)
    }
}
