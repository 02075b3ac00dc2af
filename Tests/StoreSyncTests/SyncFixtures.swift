import Foundation
import PlanModel
import PlanStore
@testable import StoreSync

/// One officer's desk: a store of its own in a temporary directory, synced through `remote`.
struct Desk {
    let store: JSONPlanStore
    let officer: String
    var sync: StoreSync { StoreSync(store: store, officer: officer) }
    var time = Date(timeIntervalSince1970: 1_790_000_000)

    init(_ root: URL, _ officer: String) throws {
        store = try JSONPlanStore.create(at: root.appendingPathComponent(officer), now: time, warn: { _ in })
        self.officer = officer
    }

    /// Records one change decided on the desk's current state, a millisecond after the last.
    @discardableResult
    mutating func record(_ decide: (EventFactory, Workspace) throws -> Event?, on id: String) throws -> Event? {
        time += 0.001
        let factory = EventFactory(officer: officer, time: time)
        return try store.update([id]) { workspace throws(StoreError) in
            do { return try decide(factory, workspace).map { [$0] } ?? [] } catch { return [] }
        }.first
    }

    mutating func mark(_ id: String, _ status: Status) throws {
        try record({ try $0.status(status, of: id, in: $1, force: true) }, on: id)
    }

    /// Every event id in the journal (duplicates included), and the folded ledger.
    func eventIds() throws -> [String] {
        JSONPlanStore.eventIds(inJournal: try Data(contentsOf: store.directory.appendingPathComponent("journal.jsonl")))
    }
}

/// A temporary directory with a bare repository `remote.git`, removed at the end.
final class SyncPlace {
    let root: URL
    var remote: String { root.appendingPathComponent("remote.git").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("duban-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Git(directory: root).check(["init", "-q", "--bare", "remote.git"])
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// 张三's desk, which imports the small plan and starts the remote, and 李四's, which joins it.
    func twoDesks() throws -> (Desk, Desk) {
        let a = try Desk(root, "张三")
        _ = try a.store.importPlan(SyncPlace.plan())
        _ = try a.sync.sync(remote: remote)
        let b = try Desk(root, "李四")
        _ = try b.sync.sync(remote: remote)
        return (a, b)
    }

    /// A small plan; `version` changes its date and its last measure.
    static func plan(date: Day? = Day(year: 2026, month: 3, day: 1), lastTitle: String = "优化监管") -> Plan {
        func measure(_ n: Int, _ title: String) -> Measure {
            Measure(id: "t-2026:1.\(n)", label: "\(n)", title: title, text: title + "。",
                    units: [UnitRef(name: "区发改委", role: .lead)],
                    tasks: [PlanTask(id: "t-2026:1.\(n).1", title: "任务", text: "任务。")])
        }
        return Plan(id: "t-2026", title: "测试方案", date: date,
                    pillars: [Pillar(number: "一", title: "政务服务", measures: [measure(1, "一件事"), measure(2, "政策服务"), measure(3, lastTitle)])])
    }

    static let ids = ["t-2026:1.1", "t-2026:1.2", "t-2026:1.3", "t-2026:1.1.1", "t-2026:1.2.1", "t-2026:1.3.1"]
}

extension Workspace {
    /// The status of the measure `id` (nil if there is none).
    func statusOf(_ id: String) -> Status? { measure(id).map { status(of: $0) } }
}
