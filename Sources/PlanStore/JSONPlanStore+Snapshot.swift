import FoundationEssentials
import PlanModel
#if canImport(Glibc)
import Glibc
#endif

/// Folding snapshot + journal, and writing snapshots.
extension JSONPlanStore {
    /// The ledger as of the journal's last complete line, and what was found on the way.
    struct Fold {
        var ledger: Ledger
        /// The offset just past the journal's last complete line.
        var end: Int
        /// The digest of the journal up to `end`, for a snapshot of this fold
        /// (kept instead of the journal's bytes, which can be tens of megabytes).
        var digest: String
        /// Events folded on top of the snapshot.
        var tailEvents: Int
        /// The last event folded, in fold order.
        var last: Snapshot.Position?
        var tornAt: Int?
        /// Set when `snapshot.json` itself is unreadable: then it is never overwritten automatically.
        var damagedSnapshot: StoreError?
        /// False when the snapshot's undo stacks were left unread (`fold(recent: false)`): the ledger's
        /// `recent` then holds only the events folded after it, and no snapshot may be written of it.
        var hasRecent = true
    }

    /// Call under the lock (shared or exclusive). `recent: false` leaves the snapshot's undo stacks
    /// (`Ledger.recent`) unread, for a listing, which never undoes: they were a tenth of `plans` at 1,000 measures.
    func fold(recent: Bool = true) throws(StoreError) -> Fold {
        let (snapshot, damage) = try readSnapshot(recent: recent)
        var ledger = Ledger()
        var start = 0
        // The digest's state after the whole blocks of the prefix the snapshot covers.
        var blocks = Digest()
        if let snapshot {
            let covered = snapshot.journal.bytes
            if let (digest, state) = try journal.digest(ofFirst: covered), digest == snapshot.journal.digest {
                ledger = snapshot.ledger
                start = covered
                blocks = state
            } else {
                warn("\(journal.path): the first \(covered) bytes differ from what the snapshot covers (rewritten or merged); folding the whole journal")
            }
        }
        // Under the lock the journal only grows: when the snapshot covers all of it, its bytes are not read.
        if let snapshot, start > 0, try journal.size() == start {
            return Fold(ledger: ledger, end: start, digest: snapshot.journal.digest, tailEvents: 0,
                        last: snapshot.journal.last, tornAt: nil, damagedSnapshot: damage, hasRecent: recent)
        }
        let data = try journal.contents()
        var reading = journal.read(data, from: start)
        reading.problems.forEach(warn)
        if start > 0 {
            // A line the snapshot folded may come again after it (a union merge, a file sync): folded once.
            reading.events = data.withUnsafeBytes { journal.dropping(reading.events, foldedBefore: start, in: $0) }
        }
        var last = start > 0 ? snapshot?.journal.last : nil
        if let position = last, reading.events.contains(where: position.isAfter) {
            // Events merged in that fold before the snapshot's last one: the order changed, so fold everything again.
            ledger = Ledger()
            reading = journal.read(data, from: 0)
            last = nil
        }
        let events = reading.events.inFoldOrder()
        ledger.fold(events)
        if let newest = events.last { last = Snapshot.Position(of: newest) }
        let digest = data.withUnsafeBytes { bytes in
            _ = blocks.take(UnsafeRawBufferPointer(rebasing: bytes[blocks.count..<reading.end]))
            return blocks.finished(UnsafeRawBufferPointer(rebasing: bytes[blocks.count..<reading.end]))
        }
        return Fold(ledger: ledger, end: reading.end, digest: digest, tailEvents: reading.events.count,
                    last: last, tornAt: reading.tornAt, damagedSnapshot: damage, hasRecent: recent || start == 0)
    }

    /// The snapshot, else its backup, else nil; a damaged one is reported and skipped.
    private func readSnapshot(recent: Bool) throws(StoreError) -> (Snapshot?, damage: StoreError?) {
        var damage: StoreError?
        for path in [snapshotPath, backupPath] {
            let read: Data?
            do throws(StoreError) {
                read = try Disk.read(path)
            } catch {
                // A symlink planted as a cache is not read; the journal is folded instead.
                guard case .notAFile = error else { throw error }
                warn("\(error); folding the journal without it")
                continue
            }
            guard let data = read else { continue }
            do throws(StoreError) {
                return (try Snapshot.read(data, file: path, recent: recent), damage)
            } catch {
                guard case .corrupt = error else { throw error }
                if path == snapshotPath { damage = error }
                let backupExists = FileManager.default.fileExists(atPath: backupPath)
                let next = path == snapshotPath && backupExists ? "using \(backupPath)" : "folding the whole journal"
                warn("\(error) (left as it is; \(next))")
            }
        }
        return (nil, damage)
    }

    /// Writes a snapshot of `fold`, keeping the current one as the backup.
    /// Call under the exclusive lock.
    func writeSnapshot(_ fold: Fold) throws(StoreError) {
        let snapshot = Snapshot(schema: Schema.current,
                                journal: .init(bytes: fold.end, events: fold.ledger.eventCount, digest: fold.digest, last: fold.last),
                                ledger: fold.ledger)
        let data: Data
        do {
            data = try StoreCoding.encode(snapshot)
        } catch {
            throw StoreError.badInput("snapshot cannot be encoded: \(error)")
        }
        // The current snapshot gets its second name first, then the new one replaces it:
        // a crash at any point leaves a whole snapshot.json, the old one or the new.
        try Disk.replace(snapshotPath, with: data) { () throws(StoreError) in try Disk.keep(snapshotPath, asBackup: backupPath) }
    }

    /// After a read: moves a torn last line aside, and compacts when the
    /// journal has grown well past the snapshot (unless the snapshot is damaged).
    func tidy(after fold: Fold) throws(StoreError) {
        // A store this process may not write is read as it is (the torn line was reported and skipped).
        guard !isReadOnly else { return }
        if fold.tornAt != nil {
            let repaired = try lock.withLock(exclusive: true) { () throws(StoreError) in try journal.repairTornTail() }
            repaired.map(warn)
        }
        guard fold.tailEvents >= Self.compactionThreshold, fold.damagedSnapshot == nil else { return }
        try lock.withLock(exclusive: true) { () throws(StoreError) in
            // Only if nothing was appended meanwhile: the fold must cover the whole journal.
            let fd = try Disk.openFile(journal.path, O_RDONLY)
            defer { close(fd) }
            guard try Disk.size(fd, path: journal.path) == fold.end else { return }
            // A listing's fold lacks the snapshot's undo stacks: folded again, whole, for the snapshot.
            try writeSnapshot(fold.hasRecent ? fold : try self.fold())
        }
    }
}
