import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// What the JSON store does with damaged, rewritten and newer files.
@Suite("JSON store durability")
struct DurabilityTests {
    let directory = TemporaryDirectory()
    let warnings = Warnings()

    /// A store with the sample plan, `count` recorded notes and a snapshot covering the first `compacted`.
    func populated(count: Int = 6, compacted: Int = 4) throws -> (JSONPlanStore, [Event]) {
        let store = try Fixtures.jsonStore(in: directory, warnings: warnings)
        _ = try store.importPlan(Fixtures.plan)
        let events = (0..<count).map { Fixtures.event($0, "p-2026:1.\($0 % 2 + 1)", .note("记录\($0)")) }
        try store.record(Array(events.prefix(compacted)))
        try store.compact()
        try store.record(Array(events.dropFirst(compacted)))
        return (store, events)
    }

    func ledger(of events: [Event]) -> Ledger {
        var ledger = Ledger()
        events.forEach { ledger.apply($0) }
        return ledger
    }

    func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: directory.path(name)) }

    func object(_ name: String) throws -> [String: Any] {
        let data = try #require(bytes(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func write(_ name: String, _ data: Data) throws { try data.write(to: directory.url.appendingPathComponent(name)) }

    @Test("a compacted store opens to the same state as a full refold, and the journal stays whole")
    func snapshotMatchesRefold() throws {
        let (store, events) = try populated()
        #expect(try store.load().ledger == ledger(of: events))
        let journal = try #require(bytes("journal.jsonl"))
        #expect(journal.split(separator: 0x0A).count == events.count)
        try store.compact()
        try store.compact()
        #expect(bytes("journal.jsonl") == journal)
        #expect(bytes("snapshot.json.bak") != nil)
        #expect(try store.load().ledger == ledger(of: events))
        #expect(warnings.all.isEmpty)
    }

    @Test("a journal rewritten under the snapshot (a merge) is refolded, not trusted")
    func rewrittenJournal() throws {
        let (store, events) = try populated()
        // A union merge puts another officer's line in the middle.
        let other = Fixtures.event(50, "p-2026:2.1", .status(.blocked, previous: nil, force: false), by: "li")
        var lines = try #require(bytes("journal.jsonl")).split(separator: 0x0A).map { Data($0) }
        lines.insert(try StoreCoding.encoder().encode(other), at: 2)
        try write("journal.jsonl", Data(lines.joined(separator: [0x0A])) + [0x0A])
        var expected = events
        expected.insert(other, at: 2)
        #expect(try store.load().ledger == ledger(of: expected))
        #expect(warnings.all.contains { $0.contains("folding the whole journal") })
    }

    @Test("a torn last line is reported, moved to journal.jsonl.rejected, and nothing else is lost")
    func tornLastLine() throws {
        let (store, events) = try populated()
        let clean = try #require(bytes("journal.jsonl"))
        let torn = Data(#"{"id":"2026","kind":"no"#.utf8)
        try write("journal.jsonl", clean + torn)
        #expect(try store.load().ledger == ledger(of: events))
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("torn last line at byte \(clean.count)") == true)
        #expect(bytes("journal.jsonl") == clean)
        #expect(bytes("journal.jsonl.rejected") == torn + [0x0A])
        let next = Fixtures.event(9, "p-2026:2.1", .note("之后"))
        try store.record([next])
        #expect(try store.load().ledger == ledger(of: events + [next]))
    }

    @Test("an append after a crash mid-line first moves the torn bytes aside")
    func appendAfterTornLine() throws {
        let (store, events) = try populated()
        let clean = try #require(bytes("journal.jsonl"))
        try write("journal.jsonl", clean + Data(#"{"id":"x"#.utf8))
        let next = Fixtures.event(9, "p-2026:2.1", .note("之后"))
        try store.record([next])
        #expect(try store.history(of: nil, since: nil) == events + [next])
        #expect(bytes("journal.jsonl.rejected") == Data(#"{"id":"x"#.utf8) + [0x0A])
    }

    @Test("an unreadable line inside the journal is reported with its byte and kept; the others count")
    func corruptMiddleLine() throws {
        let (store, events) = try populated(compacted: 0)
        var lines = try #require(bytes("journal.jsonl")).split(separator: 0x0A).map { Data($0) }
        lines[1] = Data(#"{"id":"broken","kind":}"#.utf8)
        let journal = Data(lines.joined(separator: [0x0A])) + [0x0A]
        try write("journal.jsonl", journal)
        var expected = events
        expected.remove(at: 1)
        #expect(try store.load().ledger == ledger(of: expected))
        let offset = lines[0].count + 1 + #"{"id":"broken","kind":"#.utf8.count
        #expect(warnings.all.contains { $0.contains("journal.jsonl") && $0.contains("byte \(offset)") })
        #expect(bytes("journal.jsonl") == journal)
    }

    @Test("a damaged snapshot names the file and byte, falls back to the backup, and is not rewritten",
          arguments: ["truncated", "corrupted"])
    func damagedSnapshot(damage: String) throws {
        let (store, events) = try populated()
        try store.compact() // the first snapshot becomes the backup
        let good = try #require(bytes("snapshot.json"))
        // Truncated: cut in half; corrupted: the first ':' after byte 30 overwritten.
        let colon = try #require(good.dropFirst(30).firstIndex(of: UInt8(ascii: ":")))
        let bad = damage == "truncated" ? good.prefix(good.count / 2) : good.prefix(colon) + Data("@".utf8) + good.dropFirst(colon + 1)
        try write("snapshot.json", bad)
        #expect(try store.load().ledger == ledger(of: events))
        let offset = damage == "truncated" ? bad.count : colon
        #expect(warnings.all.contains { $0.contains("snapshot.json: unreadable at byte \(offset)") && $0.contains("snapshot.json.bak") })
        #expect(throws: StoreError.self) { try store.compact() }
        #expect(bytes("snapshot.json") == bad)
    }

    @Test("with both snapshots damaged the whole journal is folded")
    func bothSnapshotsDamaged() throws {
        let (store, events) = try populated()
        try store.compact()
        try write("snapshot.json", Data("{".utf8))
        try write("snapshot.json.bak", Data())
        #expect(try store.load().ledger == ledger(of: events))
        #expect(warnings.all.count == 2)
    }

    @Test("files of a newer schema are refused and left as they are", arguments: ["store.json", "snapshot.json", "plans/p-2026.json"])
    func newerSchema(file: String) throws {
        let (store, _) = try populated()
        let path = directory.path(file)
        var object = try self.object(file)
        object["schema"] = 2
        object["ledger"] = "a shape this build cannot read"
        let newer = try JSONSerialization.data(withJSONObject: object)
        try newer.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(file: path, schema: 2)) {
            _ = try JSONPlanStore.open(at: directory.url) { _ in }.load()
        }
        if file == "snapshot.json" {
            #expect(throws: StoreError.newerSchema(file: path, schema: 2)) { try store.compact() }
        } else if file.hasPrefix("plans/") {
            #expect(throws: StoreError.newerSchema(file: path, schema: 2)) { try store.importPlan(Fixtures.plan) }
        }
        #expect(bytes(file) == newer)
    }

    @Test("fields a newer duban added to a plan file survive a re-import")
    func unknownFieldsKept() throws {
        let store = try Fixtures.jsonStore(in: directory, warnings: warnings)
        _ = try store.importPlan(Fixtures.plan)
        var object = try self.object("plans/p-2026.json")
        object["source"] = ["file": "jiading.txt", "sha256": "ab12"]
        try JSONSerialization.data(withJSONObject: object).write(to: directory.url.appendingPathComponent("plans/p-2026.json"))
        var revised = Fixtures.plan
        revised.title = "新标题"
        _ = try store.importPlan(revised)
        let after = try self.object("plans/p-2026.json")
        #expect(after["source"] as? [String: String] == ["file": "jiading.txt", "sha256": "ab12"])
        #expect(after["title"] as? String == "新标题")
        #expect(after["schema"] as? Int == 1)
    }

    @Test("a plan file replaced behind the store's back is re-indexed before ids are resolved")
    func staleIndex() throws {
        let store = try Fixtures.jsonStore(in: directory, warnings: warnings)
        _ = try store.importPlan(Fixtures.plan)
        var revised = Fixtures.plan
        revised.pillars[1].measures.append(Fixtures.measure("p-2026:2.2"))
        try PlanFile.encode(revised, keepingFieldsOf: nil).write(to: directory.url.appendingPathComponent("plans/p-2026.json"))
        #expect(try store.workspace(for: ["p-2026:2.2"]).measure("p-2026:2.2") != nil)
    }

    // A full disk itself is CrashTests' "a full disk (a small tmpfs filled up)…"; a link to /dev/full is refused first.
    @Test("a journal that is a symlink (here to /dev/full) is refused naming it, and nothing is acknowledged")
    func diskFull() throws {
        let (store, _) = try populated()
        let journal = directory.path("journal.jsonl")
        try FileManager.default.removeItem(atPath: journal)
        try FileManager.default.createSymbolicLink(atPath: journal, withDestinationPath: "/dev/full")
        #expect(throws: StoreError.notAFile(file: journal, kind: "a symbolic link")) {
            try store.record([Fixtures.event(9, "p-2026:2.1", .note("满"))])
        }
    }
}

@Suite("Event times")
struct EventTimeTests {
    @Test("millisecond times survive decoding and re-encoding (snapshots re-encode them at every compaction)")
    func millisecondsKept() throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.jsonStore(in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let time = try #require(Event.parseTime("2026-11-21T09:31:05.002Z"))
        try store.record([Event(id: "e1", time: time, officer: "wang", target: "p-2026:1.2", change: .note("a"))])
        for _ in 0..<3 { try store.compact() }
        let note = try #require(try store.load().ledger.notes["p-2026:1.2"]?.first)
        #expect(Event.formatTime(note.time) == "2026-11-21T09:31:05.002Z")
    }
}
