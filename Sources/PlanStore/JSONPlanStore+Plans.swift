import FoundationEssentials
import PlanModel
#if canImport(Glibc)
import Glibc
#endif

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

    /// Every plan, decoded in parallel (plan files dominate the time to open a big
    /// store) with its measure and task texts left in the file, and `alongside`'s
    /// result, computed on one more worker meanwhile. As an `outline`, a plan is read
    /// from its index where that is current (`Plan(outline:)`), else from its file; its measures' titles only if asked.
    func readPlans(outline: Bool = false, measureTitles: Bool = false, alongside other: @Sendable () throws(StoreError) -> Fold)
        throws(StoreError) -> (plans: [Plan], fold: Fold, notOutlined: [String]) {
        let names = try planFileNames()
        // A plan's file stays open until its texts are read. Past the files this process may
        // have open (1,024 by default, far fewer than the hard limit), texts keep the bytes instead.
        let openable = Disk.raiseOpenFileLimit(toAtLeast: names.count + Self.spareFiles) - Self.spareFiles
        // The other job first: it is the longest single one (the snapshot and journal fold). With fewer plans
        // than processors, each plan's index is read in runs of its own (`IdIndex.outline(runs:)`).
        let runs = max(1, Processors.count / max(1, names.count))
        let parts = Array(0...names.count).concurrentMap { n -> ReadPart in
            guard n > 0 else { return .other(Result(catching: other)) }
            let path = plansPath + "/" + names[n - 1]
            return .plan(Result { () throws(StoreError) -> (Plan, outlined: Bool) in
                let id = String(names[n - 1].dropLast(".json".count))
                if outline, let index = try currentIndex(of: id), let (outline, measures) = index.outline(measureTitles: measureTitles, runs: runs) {
                    return (Plan(outline: outline, id: id, measures: measures), true)
                }
                guard let fd = try Disk.openExisting(path) else { throw StoreError.io(file: path, operation: "read", code: ENOENT) }
                guard n - 1 < openable else {
                    defer { close(fd) }
                    let data = try Disk.read(fd, path: path)
                    return (try PlanFile.read(data, file: path, texts: PlanFile.Texts(contents: data)), false)
                }
                // The texts keep the file open and read measure and task texts from it when asked.
                let texts = PlanFile.Texts(fd: fd)
                return (try PlanFile.read(try Disk.read(fd, path: path), file: path, texts: texts), false)
            })
        }
        var plans: [Plan] = [], result: Fold?, notOutlined: [String] = []
        for part in parts {
            switch part {
            case .plan(let read):
                let (plan, outlined) = try read.get()
                plans.append(plan)
                if outline, !outlined { notOutlined.append(plan.id) }
            case .other(let other): result = try other.get()
            }
        }
        guard let result else { throw StoreError.badInput("a parallel read did not finish") }
        return (plans, result, notOutlined)
    }

    /// Files left for everything else (the journal, the lock, a terminal, git's pipes).
    static let spareFiles = 64

    public func importPlans(_ plans: [Plan]) throws(StoreError) -> [ImportReport] {
        try ImportReport.validate(plans)
        return try lock.withLock(exclusive: true) { () throws(StoreError) in
            var reports: [ImportReport] = []
            // A processor's worth of plans at a time (none twice) have their files made side by side, then
            // written in order: making a plan's file is most of an import, and one at a time used one processor.
            var rest = plans[...]
            while !rest.isEmpty {
                var ids = Set<String>()
                let batch = Array(rest.prefix { ids.insert($0.id).inserted }.prefix(Processors.count))
                rest = rest.dropFirst(batch.count)
                let previous = try batch.map { plan throws(StoreError) in try Disk.read(planPath(plan.id)) }
                for (plan, data) in zip(batch, previous) { reports.append(try report(importing: plan, over: data)) }
                // Each plan's index lines too: only its header waits for the written file's fingerprint.
                let files = Array(zip(batch, previous)).concurrentMap { plan, data in
                    Result { () throws(StoreError) in
                        (try PlanFile.encode(plan, keepingFieldsOf: data), try IdIndex.entryLines(of: plan))
                    }
                }
                for (plan, file) in zip(batch, files) {
                    let (contents, entries) = try file.get()
                    try Disk.replace(planPath(plan.id), with: contents, syncingDirectory: false)
                    try writeIndex(of: plan, entries: entries, syncingDirectory: false)
                }
            }
            // Each file was synced as it was written; the new names are made durable once per directory
            // before the import is acknowledged (two fsyncs a plan were a seventh of importing 100 plans).
            if !plans.isEmpty {
                try Disk.syncDirectory(plansPath)
                try Disk.syncDirectory(indexesPath)
            }
            // The single index of earlier versions is replaced by one index per plan.
            unlink(root + "/index.jsonl")
            return reports
        }
    }

    /// What importing `plan` over the plan file `previous` (nil: none) changes.
    private func report(importing plan: Plan, over previous: Data?) throws(StoreError) -> ImportReport {
        guard let previous else { return ImportReport(old: nil, new: plan, recorded: []) }
        let old = try PlanFile.read(previous, file: planPath(plan.id))
        let newIds = Set(plan.measures.flatMap { [$0.id] + $0.tasks.map(\.id) })
        let gone = old.measures.flatMap { [$0.id] + $0.tasks.map(\.id) }.filter { !newIds.contains($0) }
        var recorded = Set<String>()
        if !gone.isEmpty {
            // Many needles cost a pass each; past a few dozen, decoding everything is cheaper.
            let needles = gone.count <= 64 ? Journal.needles(field: "target", values: gone) : nil
            recorded = Set(journal.read(try journal.contents(), from: 0, matching: needles).events.map(\.target))
        }
        return ImportReport(old: old, new: plan, recorded: recorded)
    }

    /// The ids of the plans in the store, sorted, without reading them.
    public func planIds() throws(StoreError) -> [String] {
        try planFileNames().map { String($0.dropLast(".json".count)) }
    }

    public func removePlan(_ id: String) throws(StoreError) {
        try lock.withLock(exclusive: true) { () throws(StoreError) in
            let names = try planIds()
            guard names.contains(id) else {
                throw StoreError.unknownPlan(id, closest: IdSuggestions.closest(to: id, among: names))
            }
            // The index first: an index without its plan file would still resolve the plan's ids.
            guard unlink(indexPath(id)) == 0 || errno == ENOENT else {
                throw StoreError.io(file: indexPath(id), operation: "unlink", code: errno)
            }
            guard unlink(planPath(id)) == 0 else { throw StoreError.io(file: planPath(id), operation: "unlink", code: errno) }
            try Disk.syncDirectory(plansPath)
        }
    }

    // MARK: Index

    func indexPath(_ plan: String) -> String { indexesPath + "/" + plan + ".jsonl" }

    /// The index of `plan`, rebuilt first if it is missing or its plan file changed
    /// behind the store's back (a sync, a hand edit); nil if there is no such plan.
    func index(of plan: String, remaking: Bool = false) throws(StoreError) -> IdIndex? {
        if !remaking, let index = try lock.withLock(exclusive: false, { () throws(StoreError) in try currentIndex(of: plan) }) {
            return index
        }
        if isReadOnly {
            // Built in memory: a store this process may not write keeps its files as they are.
            return try lock.withLock(exclusive: false) { () throws(StoreError) -> IdIndex? in
                let path = planPath(plan)
                guard let data = try Disk.read(path), let fingerprint = Disk.fingerprint(path) else { return nil }
                return IdIndex(path: indexPath(plan), data: try IdIndex.encode(try PlanFile.read(data, file: path), fingerprint: fingerprint))
            }
        }
        return try lock.withLock(exclusive: true) { () throws(StoreError) -> IdIndex? in
            if !remaking, let index = try currentIndex(of: plan) { return index }
            let path = planPath(plan)
            guard let data = try Disk.read(path) else { return nil }
            try writeIndex(of: try PlanFile.read(data, file: path))
            return try currentIndex(of: plan)
        }
    }

    /// The index entry of the measure holding `id`: first in the plans its
    /// prefix names (`PLAN:…`), then in every other plan.
    func indexEntry(for id: String, plans: [String]) throws(StoreError) -> IdIndex.Entry? {
        let named = plans.filter { id.hasPrefix($0 + ":") }
        for plan in named + plans.filter({ !named.contains($0) }) {
            if let entry = try index(of: plan)?.entry(for: id) { return entry }
        }
        return nil
    }

    /// The index of `plan` if it matches the plan file, else nil.
    func currentIndex(of plan: String) throws(StoreError) -> IdIndex? {
        // An index that is not a plain file is rebuilt (the rename replaces it, never writes through it).
        guard let fingerprint = Disk.fingerprint(planPath(plan)), let data = try? Disk.read(indexPath(plan)) else { return nil }
        let index = IdIndex(path: indexPath(plan), data: data)
        guard let header = try? index.header(), header.plan == fingerprint, header.outline != nil else { return nil }
        return index
    }

    /// Call under the exclusive lock, after the plan file was written; `entries`: the index's lines, if made already.
    private func writeIndex(of plan: Plan, entries: [UInt8]? = nil, syncingDirectory: Bool = true) throws(StoreError) {
        guard let fingerprint = Disk.fingerprint(planPath(plan.id)) else {
            throw StoreError.io(file: planPath(plan.id), operation: "stat", code: ENOENT)
        }
        try Disk.makeDirectory(indexesPath)
        try Disk.replace(indexPath(plan.id), with: try IdIndex.encode(plan, fingerprint: fingerprint, entries: entries),
                         syncingDirectory: syncingDirectory)
    }
}

/// One job of `readPlans`: a plan file, or the fold read alongside.
private enum ReadPart: Sendable {
    case plan(Result<(Plan, outlined: Bool), StoreError>)
    case other(Result<JSONPlanStore.Fold, StoreError>)
}
