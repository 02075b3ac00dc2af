import Foundation
import PlanModel

/// Plan files, import and the id index.
extension JSONPlanStore {
    func planPath(_ id: String) -> String { plansPath + "/" + id + ".json" }

    /// The plan files' names, sorted (so plans load in id order).
    func planFileNames() throws(StoreError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: plansPath)
                .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        } catch {
            throw StoreError.io(file: plansPath, operation: "list", code: ENOENT)
        }
    }

    /// Every plan, decoded in parallel (plan bodies dominate the time to open a big store).
    func readPlans() throws(StoreError) -> [Plan] {
        let names = try planFileNames()
        let results = Results<Plan>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { n in
            let path = plansPath + "/" + names[n]
            results.set(n, Result { () throws(StoreError) -> Plan in
                guard let data = try Disk.read(path) else { throw StoreError.io(file: path, operation: "read", code: ENOENT) }
                return try StoreCoding.decodeVersioned(PlanFile.self, from: data, file: path).plan
            })
        }
        return try results.values()
    }

    public func importPlan(_ plan: Plan) throws(StoreError) -> ImportReport {
        try ImportReport.validate(plan)
        return try lock.withLock(exclusive: true) { () throws(StoreError) in
            let path = planPath(plan.id)
            let previous = try Disk.read(path)
            let old = try previous.map { data throws(StoreError) in
                try StoreCoding.decodeVersioned(PlanFile.self, from: data, file: path).plan
            }
            let newIds = Set(plan.measures.flatMap { [$0.id] + $0.tasks.map(\.id) })
            let gone = old?.measures.flatMap { [$0.id] + $0.tasks.map(\.id) }.filter { !newIds.contains($0) } ?? []
            var recorded = Set<String>()
            if !gone.isEmpty {
                // Many needles cost a pass each; past a few dozen, decoding everything is cheaper.
                let needles = gone.count <= 64 ? Journal.needles(field: "target", values: gone) : nil
                recorded = Set(journal.read(try journal.contents(), from: 0, matching: needles).events.map(\.target))
            }
            let report = ImportReport(old: old, new: plan, recorded: recorded)
            let entries = try currentIndexEntries()?.filter { $0.plan != plan.id }
            try Disk.replace(path, with: try PlanFile.encode(plan, keepingFieldsOf: previous))
            if let entries {
                try writeIndex(entries + plan.measures.map { IdIndex.Entry(plan: plan.id, measure: $0) })
            } else {
                try rebuildIndex()
            }
            return report
        }
    }

    // MARK: Index

    /// Each plan file's fingerprint, keyed by file name.
    private func fingerprints() throws(StoreError) -> [String: String] {
        var result: [String: String] = [:]
        for name in try planFileNames() { result[name] = Disk.fingerprint(plansPath + "/" + name) ?? "" }
        return result
    }

    /// The index's entries if it matches the plan files, else nil.
    private func currentIndexEntries() throws(StoreError) -> [IdIndex.Entry]? {
        guard let data = try Disk.read(indexPath) else { return nil }
        let index = IdIndex(path: indexPath, data: data)
        guard let header = try? index.header(), header.plans == (try fingerprints()) else { return nil }
        return try? index.entries()
    }

    private func writeIndex(_ entries: [IdIndex.Entry]) throws(StoreError) {
        try Disk.replace(indexPath, with: try IdIndex.encode(entries: entries, fingerprints: try fingerprints()))
    }

    private func rebuildIndex() throws(StoreError) {
        try writeIndex(try readPlans().flatMap { plan in plan.measures.map { IdIndex.Entry(plan: plan.id, measure: $0) } })
    }

    /// Rebuilds the index if a plan file changed behind the store's back (a
    /// sync, a hand edit) or the index is missing.
    func ensureIndex() throws(StoreError) {
        let stale = try lock.withLock(exclusive: false) { () throws(StoreError) -> Bool in
            guard let data = try Disk.read(indexPath) else { return true }
            return (try? IdIndex(path: indexPath, data: data).header()?.plans) != (try fingerprints())
        }
        guard stale else { return }
        try lock.withLock(exclusive: true) { () throws(StoreError) in
            if try currentIndexEntries() == nil { try rebuildIndex() }
        }
    }
}

/// Results of a parallel loop, one slot per iteration.
private final class Results<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, StoreError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, StoreError>) {
        lock.withLock { slots[index] = result }
    }

    func values() throws(StoreError) -> [Value] {
        try lock.withLock { slots }.map { slot throws(StoreError) in
            guard let slot else { throw StoreError.badInput("a parallel read did not finish") }
            return try slot.get()
        }
    }
}
