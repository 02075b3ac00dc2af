import Foundation
import PlanModel
import Synthetic
import Testing
@testable import PlanStore

/// `loadOutline` (a listing of plans reads the indexes, not the plan files) against `load`.
@Suite("Store outline")
struct OutlineTests {
    static let today = Day(year: 2026, month: 9, day: 15)!
    /// A store of synthetic plans (pillars of many measures, tasks, units, deadlines with and without a day) and their events.
    static func store(in directory: TemporaryDirectory) throws -> (JSONPlanStore, [Plan]) {
        let store = try Fixtures.jsonStore(in: directory)
        let plans = Synthetic.plans(measures: 2_100, seed: 15)
        _ = try store.importPlans(plans)
        try store.record(Synthetic.events(for: plans, count: 400, seed: 15, start: Fixtures.t0))
        return (store, plans)
    }

    /// What a listing reads of a workspace: every plan's id, title, district, year, date and pillar numbers, every
    /// measure's place, title, tasks, units, deadline day, status, due date and schedule, and the ids the plans hold.
    static func expectSameOutline(_ outline: Workspace, _ whole: Workspace, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outline.plans.map(\.id) == whole.plans.map(\.id), sourceLocation: sourceLocation)
        #expect(outline.plans.map(\.title) == whole.plans.map(\.title), sourceLocation: sourceLocation)
        #expect(outline.plans.map(\.district) == whole.plans.map(\.district), sourceLocation: sourceLocation)
        #expect(outline.plans.map(\.year) == whole.plans.map(\.year), sourceLocation: sourceLocation)
        #expect(outline.plans.map(\.date) == whole.plans.map(\.date), sourceLocation: sourceLocation)
        #expect(outline.plans.map { $0.pillars.map(\.number) } == whole.plans.map { $0.pillars.map(\.number) }, sourceLocation: sourceLocation)
        for (short, full) in zip(outline.plans, whole.plans) {
            #expect(short.pillars.map { $0.measures.map(\.id) } == full.pillars.map { $0.measures.map(\.id) }, sourceLocation: sourceLocation)
            for (a, b) in zip(short.measures, full.measures) {
                #expect(a.title == b.title && a.tasks.map(\.id) == b.tasks.map(\.id) && a.units == b.units && a.deadline?.date == b.deadline?.date,
                        "\(a.id)", sourceLocation: sourceLocation)
                #expect(outline.schedule(of: a, today: Self.today) == whole.schedule(of: b, today: Self.today),
                        "\(a.id)", sourceLocation: sourceLocation)
                #expect(outline.status(of: a) == whole.status(of: b) && outline.dueDate(of: a) == whole.dueDate(of: b),
                        "\(a.id)", sourceLocation: sourceLocation)
            }
        }
        #expect(ImportReport.orphans(in: outline) == ImportReport.orphans(in: whole), sourceLocation: sourceLocation)
        #expect(outline.isSlice && !whole.isSlice, sourceLocation: sourceLocation)
    }

    @Test("the outline holds what a listing of plans needs, as the whole store does, and reads no plan file")
    func sameAsLoad() throws {
        let directory = TemporaryDirectory()
        let (store, plans) = try Self.store(in: directory)
        #expect(plans.contains { plan in plan.measures.contains { $0.deadline != nil && $0.deadline?.date == nil } })
        Self.expectSameOutline(try store.loadOutline(measureTitles: true), try store.load())
        // Without the measures' titles (the plans' counts need none), the same plans but for them.
        let untitled = try store.loadOutline()
        #expect(untitled.plans.allSatisfy { $0.measures.allSatisfy(\.title.isEmpty) })
        #expect(untitled.plans.map { $0.measures.map(\.id) } == plans.map { $0.measures.map(\.id) })
        #expect(untitled.plans.map(\.title) == plans.map(\.title))
        // The hand-written reader reads what JSONDecoder reads.
        for plan in plans {
            let index = try #require(try store.currentIndex(of: plan.id))
            let outline = try #require(index.outline())
            let decoded = try index.entries()
            #expect(outline.outline == IdIndex.Outline(plan) && outline.measures == decoded.map(\.measure))
            #expect(try index.header()?.outline == outline.outline)
        }
        // With every plan file's bytes spoilt in place (same size, inode and modification time, so the indexes
        // stay current), the whole store no longer reads and the outline still does: it comes from the indexes.
        for plan in plans { try Self.spoil(store.planPath(plan.id)) }
        #expect(throws: StoreError.self) { try store.load() }
        #expect(try store.loadOutline().plans.map(\.title) == plans.map(\.title))
    }

    @Test("an index read in runs of lines gives what one run gives; a bad line in any run declines the whole read")
    func indexInRuns() throws {
        let directory = TemporaryDirectory()
        let (store, plans) = try Self.store(in: directory)
        for plan in plans {
            let index = try #require(try store.currentIndex(of: plan.id))
            let whole = try #require(index.outline())
            #expect(whole.measures.count == plan.measures.count)
            for runs in [2, 3, 5] {
                let cut = try #require(index.outline(runs: runs), "\(runs) runs")
                #expect(cut.outline == whole.outline && cut.measures == whole.measures, "\(runs) runs")
            }
            // The last entry spoilt (an array where its object was): in the last run, which alone would read.
            var spoilt = index.data
            let last = try #require(spoilt.dropLast().lastIndex(of: 0x0A)) + 1
            spoilt[last] = UInt8(ascii: "[")
            let damaged = IdIndex(path: index.path, data: spoilt)
            #expect(damaged.outline() == nil && damaged.outline(runs: 3) == nil)
        }
    }

    @Test("a listing leaves the snapshot's undo stacks unread; a snapshot written after it still holds them whole")
    func withoutRecent() throws {
        /// A store with a snapshot, then enough events after it for the next read to write a new one (compaction).
        func store(in directory: TemporaryDirectory) throws -> JSONPlanStore {
            let (store, plans) = try Self.store(in: directory)
            // An officer with no change after the snapshot: their undo stack is in the snapshot only.
            try store.record([Event(id: "solo-1", time: Fixtures.t0, officer: "独立督办", target: plans[0].measures[0].id, change: .note("快照之前"))])
            try store.compact()
            try store.record(Synthetic.events(for: plans, count: JSONPlanStore.compactionThreshold, seed: 16,
                                              start: Fixtures.t0.addingTimeInterval(86_400 * 400)))
            return store
        }
        let (listedDirectory, loadedDirectory) = (TemporaryDirectory(), TemporaryDirectory())
        let (listing, loading) = (try store(in: listedDirectory), try store(in: loadedDirectory))
        let listed = try listing.loadOutline(recent: false).ledger
        let whole = try loading.load().ledger
        #expect(listed.marks == whole.marks && listed.notes == whole.notes && listed.unitChanges == whole.unitChanges)
        #expect(listed.dueDates == whole.dueDates && listed.undone == whole.undone && listed.eventCount == whole.eventCount)
        #expect(listed.recent["独立督办"] == nil && whole.recent["独立督办"]?.count == 1, "the snapshot's undo stacks were not read")
        // Each read compacted its journal: the listing's snapshot holds every officer's undo stack, as the full read's does.
        func snapshot(_ store: JSONPlanStore) throws -> Snapshot {
            try Snapshot.read(try #require(FileManager.default.contents(atPath: store.snapshotPath)), file: "snapshot.json")
        }
        #expect(try snapshot(listing).journal.events == whole.eventCount)
        #expect(try snapshot(listing) == (try snapshot(loading)))
        #expect(try listing.load().ledger == whole)
    }

    /// Overwrites the file's bytes with `x`s in place and puts its modification time back.
    static func spoil(_ path: String) throws {
        var info = stat()
        #expect(stat(path, &info) == 0)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: Int(info.st_size)))
        try handle.close()
        let times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        #expect(Disk.fingerprint(path) == "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)")
    }

    @Test("a plan file replaced behind the store (a sync, a hand edit) is read from the file, and its index made again")
    func staleIndex() throws {
        let directory = TemporaryDirectory()
        let (store, plans) = try Self.store(in: directory)
        var replaced = plans[0]
        replaced.title = "改过的标题"
        replaced.pillars[0].measures.removeLast()
        let other = TemporaryDirectory()
        let writer = try Fixtures.jsonStore(in: other)
        _ = try writer.importPlan(replaced)
        try FileManager.default.removeItem(atPath: store.planPath(replaced.id))
        try FileManager.default.copyItem(atPath: writer.planPath(replaced.id), toPath: store.planPath(replaced.id))
        #expect(try store.currentIndex(of: replaced.id) == nil)
        let outline = try store.loadOutline(measureTitles: true)
        Self.expectSameOutline(outline, try store.load())
        #expect(outline.plans[0].title == "改过的标题")
        #expect(outline.plans[0].measures.count == plans[0].measures.count - 1)
        #expect(try store.currentIndex(of: replaced.id) != nil)
    }

    @Test("an index made before it kept the plan's outline, or its year, date or pillars, or its measures' titles, is made again with them",
          arguments: ["outline", "year", "date", "pillars", "title"])
    func olderIndex(without key: String) throws {
        let directory = TemporaryDirectory()
        let (store, plans) = try Self.store(in: directory)
        #expect(plans[1].year != nil && plans[1].date != nil)
        let path = store.indexPath(plans[1].id)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        func without(_ line: Substring, _ key: String, in object: String? = nil) throws -> String {
            var json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let object { json[object] = (json[object] as? [String: Any])?.filter { $0.key != key } } else { json[key] = nil }
            return String(decoding: try JSONSerialization.data(withJSONObject: json, options: .sortedKeys), as: UTF8.self)
        }
        let older = key == "title" ? [String(lines[0])] + (try lines.dropFirst().map { $0.isEmpty ? "" : try without($0, "title") })
            : [try without(lines[0], key, in: key == "outline" ? nil : "outline")] + lines.dropFirst().map(String.init)
        try older.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        // A change still finds the measure in it (`done`).
        #expect(try store.currentIndex(of: plans[1].id)?.entry(for: plans[1].measures[0].id)?.id == (key == "title" ? plans[1].measures[0].id : nil))
        Self.expectSameOutline(try store.loadOutline(measureTitles: true), try store.load())
        let remade = try #require(try store.currentIndex(of: plans[1].id))
        #expect(try remade.outline()?.measures.map(\.title) == plans[1].measures.map(\.title))
        #expect(try remade.header()?.outline == IdIndex.Outline(plans[1]))
    }
}
