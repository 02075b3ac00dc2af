import FoundationEssentials
import PlanModel

/// What a sync (`StoreSync`, which runs git) needs from the store: which files
/// are shared, its lock, and reading journals and plan files of other stores.
extension JSONPlanStore {
    /// The files officers share; every other file of the store is a local cache.
    public static let sharedFiles = ["store.json", "plans/", "journal.jsonl", "aliases.json"]
    /// The local caches and locks, never shared (they are rebuilt from the shared files).
    public static let localFiles = ["snapshot.json", "snapshot.json.bak", "index/", "lock", "sync.lock",
                                    "*.rejected", "*.tmp-*"]

    /// Runs `body` under the store's exclusive lock, after moving a torn last
    /// journal line aside, so no command writes while git touches the files.
    public func withExclusiveLock<T>(_ body: () throws -> T) throws -> T {
        var outcome: Result<T, any Error>?
        try lock.withLock(exclusive: true) { () throws(StoreError) in
            try journal.repairTornTail().map(warn)
            outcome = Result { try body() }
        }
        return try outcome!.get()
    }

    /// Replaces the store file at `relativePath` (e.g. `plans/x-2026.json`) with `data` as the store writes
    /// its own files: a fresh exclusive temp file, fsync, rename, directory fsync, never through a symlink.
    public func replaceFile(_ relativePath: String, with data: Data) throws {
        try Disk.replace(root + "/" + relativePath, with: data)
    }

    /// The ids of the events on the complete lines of a journal, in written order.
    public static func eventIds(inJournal data: Data) -> [String] {
        let journal = Journal(path: "")
        return data.withUnsafeBytes { bytes in
            let typed = bytes.assumingMemoryBound(to: UInt8.self)
            var ids: [String] = []
            var start = 0
            let end = Journal.endOfLastLine(bytes)
            while start < end {
                var stop = start
                while typed[stop] != 0x0A { stop += 1 }
                if stop > start {
                    let line = UnsafeBufferPointer(rebasing: typed[start..<stop])
                    if let id = EventReader.id(line) ?? journal.read(Data(line) + [0x0A], from: 0).events.first?.id {
                        ids.append(id)
                    }
                }
                start = stop + 1
            }
            return ids
        }
    }

    /// The plan in a plan file's bytes (another store's version of it), or nil if it cannot be read.
    public static func plan(inFile data: Data) -> Plan? {
        try? PlanFile.read(data, file: "")
    }
}

extension JSONPlanStore {
    /// Runs `body` holding the store's sync lock: one sync at a time, so git's own
    /// lock files found meanwhile were left by a killed git.
    public func withSyncLock<T>(_ body: () throws -> T) throws -> T {
        var outcome: Result<T, any Error>?
        try FileLock(path: root + "/sync.lock").withLock(exclusive: true) { () throws(StoreError) in
            outcome = Result { try body() }
        }
        return try outcome!.get()
    }
}
