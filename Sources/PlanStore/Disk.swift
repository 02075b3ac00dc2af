import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's few system calls, each failing with the file and the errno.
enum Disk {
    static func openFile(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(StoreError) -> Int32 {
        let fd = Foundation.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StoreError.io(file: path, operation: "open", code: errno) }
        return fd
    }

    /// Writes every byte (a write may be partial), then fsyncs.
    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(StoreError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var base = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = write(fd, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                base += n
                left -= n
            }
        }
        guard failure == 0 else { throw StoreError.io(file: path, operation: "write", code: failure) }
        try sync(fd, path: path)
    }

    static func sync(_ fd: Int32, path: String) throws(StoreError) {
        guard fsync(fd) == 0 else { throw StoreError.io(file: path, operation: "fsync", code: errno) }
    }

    /// Makes a rename or a new file in `directory` durable.
    static func syncDirectory(_ directory: String) throws(StoreError) {
        let fd = try openFile(directory, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try sync(fd, path: directory)
    }

    /// Creates (or truncates) `path` with `data`, fsynced.
    static func writeFile(_ path: String, _ data: Data) throws(StoreError) {
        let fd = try openFile(path, O_WRONLY | O_CREAT | O_TRUNC)
        defer { close(fd) }
        try writeAll(fd, data, path: path)
    }

    /// Writes `data` to a temporary file beside `path`, fsyncs it, renames it
    /// over `path` and fsyncs the directory: a reader sees the old file or the
    /// new one, never a mix, even after a crash. `before` runs just before the rename.
    static func replace(_ path: String, with data: Data,
                        before: () throws(StoreError) -> Void = {}) throws(StoreError) {
        let temporary = path + ".tmp-\(getpid())"
        do throws(StoreError) {
            try writeFile(temporary, data)
            try before()
            try move(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory((path as NSString).deletingLastPathComponent)
    }

    static func move(_ from: String, to: String) throws(StoreError) {
        guard Foundation.rename(from, to) == 0 else { throw StoreError.io(file: from, operation: "rename", code: errno) }
    }

    static func size(_ fd: Int32, path: String) throws(StoreError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io(file: path, operation: "stat", code: errno) }
        return Int(info.st_size)
    }

    /// Size, modification time and inode: enough to tell that a file was replaced.
    static func fingerprint(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)"
    }

    /// The whole file, or nil if it does not exist.
    static func read(_ path: String) throws(StoreError) -> Data? {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return nil
        } catch {
            throw StoreError.io(file: path, operation: "read", code: (error as NSError).underlyingErrorCode ?? EIO)
        }
    }

    /// Bytes from `offset` to the end, or nil if the file does not exist.
    static func read(_ path: String, from offset: Int) throws(StoreError) -> Data? {
        let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw StoreError.io(file: path, operation: "open", code: errno)
        }
        defer { close(fd) }
        let end = try size(fd, path: path)
        guard end > offset else { return Data() }
        var data = Data(count: end - offset)
        var failure: Int32 = 0
        var done = 0
        data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            while done < buffer.count {
                let n = pread(fd, base + done, buffer.count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }
                done += n
            }
        }
        guard failure == 0 else { throw StoreError.io(file: path, operation: "read", code: failure) }
        if done < data.count { data.count = done }
        return data
    }
}

extension NSError {
    /// The POSIX error under a Foundation file error, if it names one.
    var underlyingErrorCode: Int32? {
        (userInfo[NSUnderlyingErrorKey] as? NSError).map { Int32($0.code) }
    }
}
