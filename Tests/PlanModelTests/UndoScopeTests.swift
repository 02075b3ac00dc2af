import Foundation
import PlanModel
import Testing

@Suite("Undo scope and steps")
struct UndoScopeTests {
    @Test("a scope holds its ids and what lies under them, never a sibling that shares a prefix")
    func contains() {
        let measure = UndoScope(ids: ["p-2026:1.2"])
        #expect(measure.contains("p-2026:1.2") && measure.contains("p-2026:1.2.3"))
        #expect(!measure.contains("p-2026:1.20") && !measure.contains("p-2026:1.1") && !measure.contains("q-2026:1.2"))
        let plan = UndoScope(ids: ["p-2026"])
        #expect(plan.contains("p-2026:3.1.4") && !plan.contains("p-2026x:1.1"))
        #expect(UndoScope.everything.contains("anything") && !UndoScope(ids: []).contains("p-2026:1.1"))
    }

    @Test("one officer's events at one time are one step; another time or officer starts the next")
    func steps() {
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        func event(_ id: String, _ officer: String, _ seconds: Double) -> Event {
            Event(id: id, time: t0 + seconds, officer: officer, target: "p-2026:1.1", change: .note(id))
        }
        let events = [event("a", "wang", 0), event("b", "wang", 0), event("c", "wang", 1), event("d", "li", 1), event("e", "li", 1)]
        #expect(events.steps().map { $0.map(\.id) } == [["a", "b"], ["c"], ["d", "e"]])
    }
}
