import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory `flock` on the store's `lock` file: exclusive around every
/// append, import and compaction, shared around reads, so no reader sees a
/// half-written line or a plan without its index.
struct FileLock: Sendable {
    let path: String

    func withLock<T>(exclusive: Bool, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let fd = try Disk.openFile(path, O_RDWR | O_CREAT)
        defer { close(fd) } // closing the descriptor releases the lock
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else { throw StoreError.io(file: path, operation: "flock", code: errno) }
        }
        return try body()
    }
}
