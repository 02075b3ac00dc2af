import Foundation
import PlanModel
import PlanStore
import Synthetic
import Testing
@testable import StoreSync

@Suite("Sync through git: local bare repositories, no network")
struct StoreSyncTests {
    @Test("the first store starts the remote, an empty store joins it and gets every plan and event")
    func startAndJoin() throws {
        let place = try SyncPlace()
        var a = try Desk(place.root, "张三")
        _ = try a.store.importPlan(SyncPlace.plan())
        try a.mark("t-2026:1.1", .done)
        let started = try a.sync.sync(remote: place.remote)
        #expect(started.created && started.sent == 1)

        let b = try Desk(place.root, "李四")
        let joined = try b.sync.sync(remote: place.remote)
        #expect(joined.joined)
        #expect(joined.received.map(\.officer) == ["张三"])
        #expect(joined.plansChanged == ["t-2026"])
        #expect(try b.store.load() == a.store.load())
        #expect(try b.store.load().statusOf("t-2026:1.1") == .done)
    }

    @Test("a sync without a remote, before any, says how to give one")
    func noRemote() throws {
        let place = try SyncPlace()
        let a = try Desk(place.root, "张三")
        #expect { try a.sync.sync() } throws: { "\($0)".contains("duban sync --remote URL") }
    }

    @Test("changes made meanwhile on two desks meet: each gets the other's, and the summary counts them")
    func exchange() throws {
        let place = try SyncPlace()
        var (a, b) = try place.twoDesks()

        try a.mark("t-2026:1.1", .doing)
        try b.mark("t-2026:1.2", .blocked)
        try b.record({ try $0.note("等数据", on: "t-2026:1.2", in: $1) }, on: "t-2026:1.2")
        let fromB = try b.sync.sync()
        #expect(fromB.sent == 2 && fromB.received.isEmpty)
        let atA = try a.sync.sync()
        #expect(atA.received.count == 2 && atA.sent == 1 && atA.conflicts.isEmpty)
        #expect(atA.line(in: .en) == "received 2 events (李四 2), sent 1, plans changed 0, conflicts 0")
        let atB = try b.sync.sync()
        #expect(atB.received.count == 1)
        #expect(try a.store.load() == b.store.load())
    }

    @Test("two officers changing one status on the same state: a conflict with both sides, the later stands, a new change settles it")
    func conflict() throws {
        let place = try SyncPlace()
        var (a, b) = try place.twoDesks()

        try a.mark("t-2026:1.3", .done)
        b.time = a.time + 5
        try b.mark("t-2026:1.3", .blocked)
        _ = try a.sync.sync()
        let atB = try b.sync.sync()
        let conflict = try #require(atB.conflicts.first)
        #expect(atB.conflicts.count == 1)
        #expect(conflict.overridden.officer == "张三" && conflict.standing.officer == "李四")
        #expect(conflict.line(in: .en) == "t-2026:1.3 status: 张三 done, 李四 blocked; 李四's stands")
        _ = try a.sync.sync()
        #expect(try a.store.load().statusOf("t-2026:1.3") == .blocked)
        #expect(try StoreSync.conflicts(in: a.store).count == 1)

        a.time = b.time + 1
        try a.mark("t-2026:1.3", .doing)
        #expect(try StoreSync.conflicts(in: a.store).isEmpty)
    }

    @Test("marks, notes, due dates, unit changes, undos and syncs in random order on three desks: all end with the same events, once each, and the same state",
          arguments: [1, 2, 3] as [UInt64])
    func randomInterleavings(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let place = try SyncPlace()
        var desks = try ["张三", "李四", "王五"].map { try Desk(place.root, $0) }
        _ = try desks[0].store.importPlan(SyncPlace.plan())
        _ = try desks[0].sync.sync(remote: place.remote)
        for n in 1..<desks.count { _ = try desks[n].sync.sync(remote: place.remote) }
        for step in 0..<45 {
            let n = Int.random(in: 0..<desks.count, using: &random)
            desks[n].time += Double(Int.random(in: 0...3, using: &random))
            let id = SyncPlace.ids.randomElement(using: &random)!
            switch Int.random(in: 0..<7, using: &random) {
            case 0: try desks[n].mark(id, Status.allCases.randomElement(using: &random)!)
            case 1: try desks[n].record({ try $0.note("第\(step)步", on: id, in: $1) }, on: id)
            case 2: try desks[n].record({ try $0.due(Day(year: 2026, month: 12, day: 1 + step % 28), of: id, in: $1) }, on: id)
            case 3:
                let measure = String(id.split(separator: ".").prefix(2).joined(separator: "."))
                try desks[n].record({ try $0.assign("区财政局", role: .support, to: measure, in: $1, directory: UnitDirectory()) }, on: measure)
            case 4:
                let desk = desks[n]
                _ = try desk.store.undo(steps: 1, as: EventFactory(officer: desk.officer, time: desk.time))
            default: _ = try desks[n].sync.sync()
            }
        }
        for _ in 0..<2 { for desk in desks { _ = try desk.sync.sync() } }
        let first = try desks[0].store.load()
        let ids = Set(try desks[0].eventIds())
        for desk in desks {
            let events = try desk.eventIds()
            #expect(events.count == Set(events).count, "\(desk.officer) has a line twice")
            #expect(Set(events) == ids)
            #expect(try desk.store.load() == first, "\(desk.officer) folds to another state")
        }
    }

    @Test("an unreachable remote and a refused push: one clear error, nothing lost, the next sync completes the work")
    func failures() throws {
        let place = try SyncPlace()
        var a = try Desk(place.root, "张三")
        _ = try a.store.importPlan(SyncPlace.plan())
        _ = try a.sync.sync(remote: place.remote)
        try a.mark("t-2026:1.1", .done)

        let nowhere = place.root.appendingPathComponent("nowhere.git").path
        #expect { try a.sync.sync(remote: nowhere) } throws: { "\($0)".contains("fetch failed") }
        #expect(try a.store.load().statusOf("t-2026:1.1") == .done)

        let hook = place.root.appendingPathComponent("remote.git/hooks/pre-receive")
        try Data("#!/bin/sh\necho 'closed for the night' >&2\nexit 1\n".utf8).write(to: hook)
        chmod(hook.path, 0o755)
        #expect { try a.sync.sync(remote: place.remote) } throws: { "\($0)".contains("push failed: remote: closed for the night") }
        try FileManager.default.removeItem(at: hook)

        let done = try a.sync.sync()
        #expect(done.sent == 1)
        let b = try Desk(place.root, "李四")
        _ = try b.sync.sync(remote: place.remote)
        #expect(try b.store.load().statusOf("t-2026:1.1") == .done)
    }

    @Test("a push that loses a race with another officer's fetches, merges and pushes again")
    func pushRace() throws {
        let place = try SyncPlace()
        var (a, b) = try place.twoDesks()
        // A commits a change; B's pre-push hook pushes it just before B's own push goes out.
        try a.mark("t-2026:1.1", .doing)
        let gitA = Git(directory: a.store.directory)
        try gitA.check(["add", "-A"])
        try gitA.check(["commit", "-q", "-m", "张三: 1 event"])
        let marker = place.root.appendingPathComponent("raced").path
        let hook = b.store.directory.appendingPathComponent(".git/hooks/pre-push")
        try Data("""
            #!/bin/sh
            [ -e '\(marker)' ] && exit 0
            touch '\(marker)'
            unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
            git -C '\(a.store.directory.path)' push -q origin HEAD:refs/heads/main
            """.utf8).write(to: hook)
        chmod(hook.path, 0o755)
        try b.mark("t-2026:1.2", .done)
        let summary = try b.sync.sync()
        #expect(FileManager.default.fileExists(atPath: marker))
        #expect(summary.received.map(\.officer) == ["张三"] && summary.sent == 1)
        _ = try a.sync.sync()
        #expect(try a.store.load() == b.store.load())
    }

    @Test("two versions of one plan imported on two desks: the newer document is kept, progress on its measures stays")
    func planVersions() throws {
        let place = try SyncPlace()
        var (a, b) = try place.twoDesks()

        try a.mark("t-2026:1.1", .done)
        _ = try a.store.importPlan(SyncPlace.plan(date: Day(year: 2026, month: 5, day: 1), lastTitle: "修订后的监管"))
        _ = try b.store.importPlan(SyncPlace.plan(date: Day(year: 2026, month: 4, day: 1), lastTitle: "较旧的修订"))
        _ = try a.sync.sync()
        let atB = try b.sync.sync()
        #expect(atB.notes == ["t-2026: kept the newer document (dated 2026-05-01, from the remote)"])
        let workspace = try b.store.load()
        #expect(workspace.plans.first?.measures.last?.title == "修订后的监管")
        #expect(workspace.statusOf("t-2026:1.1") == .done)
        _ = try a.sync.sync()
        #expect(try a.store.load() == workspace)
    }

    @Test("a merge left half done (the sync was killed) is finished by the next sync")
    func interruptedMerge() throws {
        let place = try SyncPlace()
        var (a, b) = try place.twoDesks()
        _ = try a.store.importPlan(SyncPlace.plan(date: Day(year: 2026, month: 5, day: 1)))
        try a.mark("t-2026:1.2", .doing)
        _ = try a.sync.sync()
        _ = try b.store.importPlan(SyncPlace.plan(date: Day(year: 2026, month: 4, day: 1)))
        try b.mark("t-2026:1.3", .doing)
        // What a sync killed after git's merge and before settling it leaves: a merge in progress, a lock file.
        let git = Git(directory: b.store.directory)
        try git.check(["add", "-A"])
        try git.check(["commit", "-q", "-m", "李四: 1 event"])
        try git.check(["fetch", "-q", "origin"])
        #expect(try git.run(["merge", "-q", "--no-edit", "refs/remotes/origin/main"]).status != 0)
        FileManager.default.createFile(atPath: b.store.directory.appendingPathComponent(".git/index.lock").path, contents: nil)
        #expect(try b.store.load().statusOf("t-2026:1.2") == .doing) // the store opens meanwhile

        _ = try b.sync.sync()
        _ = try a.sync.sync()
        #expect(try a.store.load() == b.store.load())
        #expect(try b.store.load().plans.first?.date == Day(year: 2026, month: 5, day: 1))
    }
}
