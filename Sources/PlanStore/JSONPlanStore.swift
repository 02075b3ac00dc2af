import FoundationEssentials
import PlanModel
#if canImport(Glibc)
import Glibc
#endif

/// The store as a directory of plain JSON files:
///
///     store.json            manifest: format and schema
///     plans/<plan-id>.json  one imported plan each
///     journal.jsonl         every event, one per line, append-only
///     snapshot.json         the ledger folded up to a point of the journal
///     snapshot.json.bak     the previous snapshot, to fall back to
///     index/<plan-id>.jsonl measure ids → task ids, units, deadline, per plan
///     lock                  the flock file
///
/// Problems that lose nothing (a torn last line moved aside, a damaged
/// snapshot skipped) are reported through `warn`, one line each.
public struct JSONPlanStore: PlanStoring {
    public let directory: URL
    let warn: @Sendable (String) -> Void

    /// A load that folds at least this many journal events past the snapshot writes a new one.
    public static let compactionThreshold = 1_000

    var root: String { directory.path }
    var manifestPath: String { root + "/store.json" }
    var plansPath: String { root + "/plans" }
    var snapshotPath: String { root + "/snapshot.json" }
    var backupPath: String { root + "/snapshot.json.bak" }
    var indexesPath: String { root + "/index" }
    var journal: Journal { Journal(path: root + "/journal.jsonl") }
    var lock: FileLock { FileLock(path: root + "/lock") }

    /// True when this process may not write the store (a read-only mount, `chmod a-w`, someone
    /// else's directory): it is read without writing anything, caches included.
    public var isReadOnly: Bool { !Disk.isWritable(root) || !Disk.isWritable(journal.path) }

    private init(directory: URL, warn: @escaping @Sendable (String) -> Void) {
        self.directory = directory.standardizedFileURL
        self.warn = warn
    }

    /// Whether `directory` holds a store (its manifest).
    public static func exists(at directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("store.json").path)
    }

    /// Opens the store at `directory`; throws `missing` if there is none and
    /// `newerSchema` if a newer duban wrote it.
    public static func open(at directory: URL, warn: @escaping @Sendable (String) -> Void) throws(StoreError) -> JSONPlanStore {
        let store = JSONPlanStore(directory: directory, warn: warn)
        if FileManager.default.fileExists(atPath: store.root) { try Disk.checkStoreDirectory(store.root) }
        try Disk.checkDirectory(store.plansPath)
        try Disk.checkDirectory(store.indexesPath)
        guard let data = try Disk.read(store.manifestPath) else { throw StoreError.missing(directory: store.root) }
        let manifest = try StoreCoding.decodeVersioned(Manifest.self, from: data, file: store.manifestPath, fast: Manifest.read)
        guard manifest.format == Manifest.format else {
            throw StoreError.corrupt(file: store.manifestPath, offset: 0, reason: "format is \(manifest.format), not \(Manifest.format)")
        }
        if !store.isReadOnly {
            for path in [store.root, store.plansPath, store.indexesPath] { Disk.removeStaleTemporaries(in: path) }
        }
        return store
    }

    /// Creates an empty store at `directory` (and the directories above it),
    /// or opens the one already there. A directory holding other files is taken
    /// only when `intoNonEmpty` (a mistyped `--store` must not adopt a stray journal.jsonl).
    public static func create(at directory: URL, now: Date, intoNonEmpty: Bool = false,
                              warn: @escaping @Sendable (String) -> Void) throws(StoreError) -> JSONPlanStore {
        let store = JSONPlanStore(directory: directory, warn: warn)
        if exists(at: directory) { return try open(at: directory, warn: warn) }
        if !intoNonEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: store.root), !names.isEmpty {
            throw StoreError.notEmpty(directory: store.root)
        }
        try Disk.makeDirectory(store.plansPath)
        try store.lock.withLock(exclusive: true) { () throws(StoreError) in
            guard !exists(at: directory) else { return }
            let fd = try Disk.openFile(store.journal.path, O_WRONLY | O_CREAT)
            close(fd)
            let manifest = Manifest(schema: Schema.current, format: Manifest.format, created: now)
            guard let data = try? StoreCoding.encode(manifest) else {
                throw StoreError.badInput("manifest cannot be encoded")
            }
            try Disk.replace(store.manifestPath, with: data)
        }
        return store
    }

    // MARK: Reading

    public func load() throws(StoreError) -> Workspace {
        let (workspace, fold) = try lock.withLock(exclusive: false) { () throws(StoreError) in
            let (plans, fold, _) = try readPlans(alongside: { () throws(StoreError) in try self.fold() })
            return (Workspace(plans: plans, ledger: fold.ledger), fold)
        }
        try tidy(after: fold)
        return workspace
    }

    /// The store as its indexes outline it, for listings: each plan's title, district, year, date and pillar
    /// numbers and its measures' titles, ids, tasks, units and deadline days, no texts, labels or pillar names
    /// (`isSlice`), with the whole ledger. A plan whose index is not current, or that its reader declines, is
    /// read from its file. Measures' titles are left empty unless asked for (`list`): the plans' counts need none,
    /// and making them a string each was a tenth of `plans`. Without `recent`, the ledger's `recent` (what undo
    /// reaches) holds only the events after the snapshot: a listing never undoes.
    public func loadOutline(measureTitles: Bool = false, recent: Bool = true) throws(StoreError) -> Workspace {
        let (workspace, fold, notOutlined) = try lock.withLock(exclusive: false) { () throws(StoreError) in
            let (plans, fold, notOutlined) = try readPlans(outline: true, measureTitles: measureTitles,
                                                           alongside: { () throws(StoreError) in try self.fold(recent: recent) })
            return (Workspace(plans: plans, ledger: fold.ledger, isSlice: true), fold, notOutlined)
        }
        try tidy(after: fold)
        // Indexes made stale by a sync or made before they kept the outline are made again, for the next listing.
        if !isReadOnly { for plan in notOutlined { _ = try index(of: plan, remaking: true) } }
        return workspace
    }

    public func workspace(for ids: [String]) throws(StoreError) -> Workspace {
        let entries = try indexEntries(for: ids)
        return try lock.withLock(exclusive: false) { () throws(StoreError) in try workspace(of: entries).0 }
    }

    public func update(_ ids: [String], _ build: (Workspace) throws(StoreError) -> [Event]) throws(StoreError) -> [Event] {
        // The indexes take their own locks, so entries are found first; the state
        // the events are decided on and their append then share one exclusive lock.
        let entries = try indexEntries(for: ids)
        let (events, repaired) = try lock.withLock(exclusive: true) { () throws(StoreError) -> ([Event], String?) in
            let (current, seen) = try workspace(of: entries)
            let events = try build(current).stamped(after: seen)
            return (events, events.isEmpty ? nil : try journal.append(events))
        }
        repaired.map(warn)
        return events
    }

    private func indexEntries(for ids: [String]) throws(StoreError) -> [IdIndex.Entry] {
        let plans = try planIds()
        var entries: [IdIndex.Entry] = []
        for id in ids {
            guard let entry = try indexEntry(for: id, plans: plans) else {
                var known: [String] = []
                for plan in plans { known += try index(of: plan)?.entries().flatMap { [$0.id] + $0.tasks } ?? [] }
                throw StoreError.unknownId(id, closest: IdSuggestions.closest(to: id, among: known))
            }
            if !entries.contains(where: { $0.id == entry.id }) { entries.append(entry) }
        }
        return entries
    }

    /// The measures of `entries` with every event about them, and the time of the latest of those
    /// events; the caller holds the lock.
    private func workspace(of entries: [IdIndex.Entry]) throws(StoreError) -> (Workspace, seen: Date?) {
        let targets = Set(entries.flatMap { [$0.id] + $0.tasks })
        // One pass per measure: its tasks' ids extend its own (`P:1.1` → `P:1.1.2`).
        let needles = entries.flatMap { entry in
            entry.tasks.allSatisfy { $0.hasPrefix(entry.id + ".") }
                ? [Journal.prefixNeedle(field: "target", value: entry.id)]
                : Journal.needles(field: "target", values: [entry.id] + entry.tasks)
        }
        let reading = journal.read(try journal.contents(), from: 0, matching: needles)
        reading.problems.forEach(warn)
        let events = reading.events.filter { targets.contains($0.target) }
        var ledger = Ledger(tracksStanding: true)
        ledger.fold(events)
        let byPlan = Dictionary(grouping: entries, by: \.plan).sorted { $0.key < $1.key }.map { plan, entries in
            Plan(id: plan, title: "", pillars: [Pillar(number: "", title: "", measures: entries.map(\.measure))])
        }
        return (Workspace(plans: byPlan, ledger: ledger, isSlice: true), events.map(\.time).max())
    }

    public func ledger(of officer: String) throws(StoreError) -> Ledger {
        try lock.withLock(exclusive: false) { () throws(StoreError) in
            let reading = journal.read(try journal.contents(), from: 0,
                                       matching: Journal.needles(field: "officer", values: [officer]))
            reading.problems.forEach(warn)
            var ledger = Ledger()
            ledger.fold(reading.events.filter { $0.officer == officer })
            return ledger
        }
    }

    public func history(of targets: Set<String>?, since: Date?) throws(StoreError) -> [Event] {
        try lock.withLock(exclusive: false) { () throws(StoreError) in
            let data = try journal.contents()
            let reading = journal.read(data, from: 0, matching: targets.map { Journal.needles(field: "target", values: $0) })
            reading.problems.forEach(warn)
            return reading.events.inFoldOrder().filter { event in
                (targets?.contains(event.target) ?? true) && since.map { event.time >= $0 } ?? true
            }
        }
    }

    // MARK: Writing

    public func record(_ events: [Event]) throws(StoreError) {
        guard !events.isEmpty else { return }
        let repaired = try lock.withLock(exclusive: true) { () throws(StoreError) in try journal.append(events) }
        repaired.map(warn)
    }

    public func compact() throws(StoreError) {
        try lock.withLock(exclusive: true) { () throws(StoreError) in
            let fold = try self.fold()
            if let damage = fold.damagedSnapshot { throw damage }
            try writeSnapshot(fold)
        }
    }
}
