import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// The state never depends on where lines sit in the journal: a merge puts
/// another officer's older events after ours, and the fold still orders them by time.
@Suite("Fold order")
struct FoldOrderTests {
    let directory = TemporaryDirectory()
    let warnings = Warnings()

    func journalURL() -> URL { directory.url.appendingPathComponent("journal.jsonl") }

    func lines(_ events: [Event]) throws -> Data {
        var data = Data()
        for event in events { data += try StoreCoding.encoder().encode(event) + [0x0A] }
        return data
    }

    @Test("the journal's lines in any order fold to the same state: the later event by time wins")
    func anyLineOrder() throws {
        let store = try Fixtures.jsonStore(in: directory, warnings: warnings)
        _ = try store.importPlan(Fixtures.plan)
        let events = [
            Fixtures.event(1, "p-2026:1.2", .status(.done, previous: nil, force: true), by: "zhang"),
            Fixtures.event(2, "p-2026:1.2", .status(.blocked, previous: nil, force: false), by: "li"),
            Fixtures.event(3, "p-2026:1.2", .note("第一条"), by: "zhang"),
            Fixtures.event(3, "p-2026:1.2", .note("第二条"), by: "li"),
            Fixtures.event(4, "p-2026:1.1", .due(Day(year: 2026, month: 9, day: 1), previous: nil), by: "li"),
        ]
        try lines(events).write(to: journalURL())
        let expected = try store.load().ledger
        #expect(expected.marks["p-2026:1.2"]?.status == .blocked)
        // At one instant, officers fold in name order: li before zhang.
        #expect(expected.notes["p-2026:1.2"]?.map(\.text) == ["第二条", "第一条"])
        for order in [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 0, 3, 2, 4]] {
            try lines(order.map { events[$0] }).write(to: journalURL())
            #expect(try store.load().ledger == expected, "order \(order)")
        }
    }

    @Test("events merged in after a snapshot that are older than its last event: the journal is folded again in order")
    func olderEventsAfterSnapshot() throws {
        let store = try Fixtures.jsonStore(in: directory, warnings: warnings)
        _ = try store.importPlan(Fixtures.plan)
        let late = Fixtures.event(10, "p-2026:1.2", .status(.done, previous: nil, force: true), by: "zhang")
        try store.record([late])
        try store.compact()
        // Another officer's earlier mark arrives with a merge, after the snapshot's point.
        let early = Fixtures.event(5, "p-2026:1.2", .status(.blocked, previous: nil, force: false), by: "li")
        try (try Data(contentsOf: journalURL()) + lines([early])).write(to: journalURL())
        let workspace = try store.load()
        #expect(workspace.ledger.marks["p-2026:1.2"]?.status == .done)
        #expect(workspace.ledger.marks["p-2026:1.2"]?.officer == "zhang")
        #expect(workspace.ledger.eventCount == 2)
        try store.compact()
        #expect(try store.load().ledger == workspace.ledger)
        #expect(try store.history(of: nil, since: nil).map(\.officer) == ["li", "zhang"])
    }
}
