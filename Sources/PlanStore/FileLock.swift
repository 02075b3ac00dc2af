import FoundationEssentials
import PlanModel
#if canImport(Glibc)
import Glibc
#endif

/// An advisory `flock` on the store's `lock` file: exclusive around every
/// append, import and compaction, shared around reads, so no reader sees a
/// half-written line or a plan without its index.
struct FileLock: Sendable {
    let path: String

    func withLock<T>(exclusive: Bool, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        // A store no one may write here (a read-only mount, an archive) changes under no one: read without the lock.
        guard let fd = try open(exclusive: exclusive) else { return try body() }
        defer { close(fd) } // closing the descriptor releases the lock
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else { throw StoreError.io(file: path, operation: "flock", code: errno) }
        }
        return try body()
    }

    /// A reader opens the lock read-only, so a store it may not write (a read-only
    /// mount, a colleague's files) can still be listed; nil when there is no lock
    /// to take on a store that is not writable.
    private func open(exclusive: Bool) throws(StoreError) -> Int32? {
        if exclusive { return try Disk.openFile(path, O_RDWR | O_CREAT) }
        do {
            return try Disk.openFile(path, O_RDONLY)
        } catch {
            guard case let .io(_, _, code) = error, code == ENOENT || code == EACCES else { throw error }
            if !Disk.isWritable(Path.parent(of: path)) { return nil }
            // A store made before it had a lock file.
            if code == ENOENT { return try Disk.openFile(path, O_RDWR | O_CREAT) }
            throw error
        }
    }
}
