import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// A journal line that appears twice (a union merge or a file sync repeats it)
/// is folded once, wherever the copy sits: beside the original, or past the
/// point a snapshot already covers.
@Suite("Repeated journal lines")
struct DuplicateLineTests {
    let directory = TemporaryDirectory()
    let warnings = Warnings()

    func journal() throws -> Data { try #require(FileManager.default.contents(atPath: directory.path("journal.jsonl"))) }

    /// Appends a copy of the journal's `index`th line, as `head -1 journal.jsonl >> journal.jsonl` does.
    func repeatLine(_ index: Int) throws {
        let line = try journal().split(separator: 0x0A)[index]
        let handle = try FileHandle(forWritingTo: directory.url.appendingPathComponent("journal.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line) + [0x0A])
        try handle.close()
    }

    func setUp() throws -> JSONPlanStore {
        let store = try Fixtures.jsonStore(in: directory, warnings: warnings)
        _ = try store.importPlan(Fixtures.plan)
        return store
    }

    @Test("a line repeated within the journal is folded once: one note, one history entry")
    func withinJournal() throws {
        let store = try setUp()
        let note = Fixtures.event(1, "p-2026:1.2", .note("会议纪要"))
        let start = Fixtures.event(2, "p-2026:1.2", .status(.doing, previous: nil, force: false))
        try store.record([note, start])
        try repeatLine(0)
        try repeatLine(1)
        let workspace = try store.load()
        #expect(workspace.ledger.notes["p-2026:1.2"]?.map(\.text) == ["会议纪要"])
        #expect(workspace.ledger.eventCount == 2)
        #expect(try store.history(of: nil, since: nil) == [note, start])
        #expect(try store.workspace(for: ["p-2026:1.2"]).ledger.notes["p-2026:1.2"]?.count == 1)
    }

    @Test("a line the snapshot covers, repeated after it, is not folded again: done, doing, then the old done repeated still reads doing")
    func acrossSnapshot() throws {
        let store = try setUp()
        let done = Fixtures.event(1, "p-2026:1.2", .status(.done, previous: nil, force: true))
        let note = Fixtures.event(2, "p-2026:1.2", .note("证据：验收报告"))
        let start = Fixtures.event(3, "p-2026:1.2", .status(.doing, previous: .done, force: false))
        try store.record([done, note, start])
        try store.compact()
        try repeatLine(0)
        try repeatLine(1)
        let workspace = try store.load()
        let measure = try #require(workspace.measure("p-2026:1.2"))
        #expect(workspace.status(of: measure) == .doing)
        #expect(workspace.ledger.notes["p-2026:1.2"]?.map(\.text) == ["证据：验收报告"])
        #expect(workspace.ledger.eventCount == 3)
        #expect(try store.history(of: ["p-2026:1.2"], since: nil) == [done, note, start])
        // The next snapshot folds the repeated lines once too.
        try store.compact()
        #expect(try store.load().ledger == workspace.ledger)
        #expect(warnings.all.isEmpty)
    }

    @Test("a repeated line not in the store's own form is recognised by its id too")
    func declinedLineAcrossSnapshot() throws {
        let store = try setUp()
        let done = Fixtures.event(1, "p-2026:2.1", .status(.done, previous: nil, force: false))
        // Written by hand: spaces and keys out of order, so the fast reader declines it.
        let line = "{ \"time\": \"\(Event.formatTime(done.time))\", \"officer\": \"wang\", \"target\": \"p-2026:2.1\", "
            + "\"kind\": \"status\", \"payload\": {\"status\": \"done\", \"force\": false}, \"id\": \"\(done.id)\" }\n"
        try (try journal() + Data(line.utf8)).write(to: directory.url.appendingPathComponent("journal.jsonl"))
        try store.record([Fixtures.event(2, "p-2026:2.1", .status(.blocked, previous: .done, force: false))])
        try store.compact()
        try repeatLine(0)
        let workspace = try store.load()
        #expect(workspace.ledger.marks["p-2026:2.1"]?.status == .blocked)
        #expect(workspace.ledger.eventCount == 2)
    }
}
