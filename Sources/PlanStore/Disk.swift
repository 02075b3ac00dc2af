import FoundationEssentials
import PlanModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's few system calls, each failing with the file and the errno.
/// Anyone who can write into a shared store directory could plant a symlink
/// there, so no store file is opened through one: every open is `O_NOFOLLOW`,
/// non-blocking (a FIFO cannot hang it) and accepts a regular file only.
enum Disk {
    /// Opens a store file; a symlink, directory, device or FIFO at `path` is
    /// refused (`StoreError.notAFile`). New files get `0666` less the umask.
    static func openFile(_ path: String, _ flags: Int32, mode: mode_t = 0o666) throws(StoreError) -> Int32 {
        let fd = open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, mode)
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            if code == ELOOP || code == EISDIR || code == ENXIO, lstat(path, &info) == 0 {
                throw StoreError.notAFile(file: path, kind: kind(of: info.st_mode))
            }
            throw StoreError.io(file: path, operation: "open", code: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw StoreError.io(file: path, operation: "stat", code: code)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw StoreError.notAFile(file: path, kind: kind(of: info.st_mode))
        }
        return fd
    }

    /// The store directory, checked once when the store opens: a real directory
    /// (not a link), not world-writable, and owned by the user or a group they are
    /// in, unless they may not write it (an archive of someone else's is only read).
    static func checkStoreDirectory(_ path: String) throws(StoreError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw StoreError.io(file: path, operation: "stat", code: errno) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw StoreError.notAFile(file: path, kind: kind(of: info.st_mode)) }
        var groups = [gid_t](repeating: 0, count: Int(max(0, getgroups(0, nil))))
        let count = Int(max(0, getgroups(Int32(groups.count), &groups)))
        groups = Array(groups.prefix(count))
        let ours = info.st_uid == getuid() || info.st_gid == getgid() || groups.contains(info.st_gid)
        guard ours || !isWritable(path), info.st_mode & S_IWOTH == 0 else { throw StoreError.unsafeDirectory(path) }
    }

    /// A directory inside the store (`plans/`, `index/`), if it exists: a real one, since
    /// `O_NOFOLLOW` guards only the last part of a path and a linked directory would
    /// take the store's writes elsewhere.
    static func checkDirectory(_ path: String) throws(StoreError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw StoreError.notADirectory(file: path, kind: kind(of: info.st_mode)) }
    }

    /// Whether this process may write `path` (false on a read-only mount, and for a
    /// file or directory of someone else's not shared with us); a missing file may be created.
    static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 || errno == ENOENT }

    /// Creates a store directory, and its parents as needed: `0777` less the umask (a
    /// setgid parent's group and bit are inherited), never writable by everyone, since
    /// the store refuses such a directory.
    static func makeDirectory(_ path: String) throws(StoreError) {
        var info = stat()
        if lstat(path, &info) == 0 { return try checkDirectory(path) }
        let parent = Path.parent(of: path)
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        // The kernel takes the umask off.
        guard mkdir(path, 0o775) == 0 || errno == EEXIST else {
            throw StoreError.io(file: path, operation: "create directory", code: errno)
        }
    }

    /// What a file that is not a regular file is, in a word or two.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a directory"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// Opens `path` for reading; nil if it does not exist.
    static func openExisting(_ path: String) throws(StoreError) -> Int32? {
        do {
            return try openFile(path, O_RDONLY)
        } catch {
            if case let .io(_, _, code) = error, code == ENOENT { return nil }
            throw error
        }
    }

    /// Raises this process's limit of open files to `count` if the hard limit allows
    /// (never lowers it), and returns the limit now in force.
    static func raiseOpenFileLimit(toAtLeast count: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return count }
        let wanted = rlim_t(count)
        if limit.rlim_cur < wanted, limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(wanted, limit.rlim_max)
            if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
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
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(file: directory, operation: "open", code: errno) }
        defer { close(fd) }
        try sync(fd, path: directory)
    }

    /// Creates a new file beside `path` under a name no one can predict
    /// (`<file>.tmp-<pid>-<random>`), exclusively: a file or symlink planted
    /// there is never written through.
    static func createTemporary(beside path: String) throws(StoreError) -> (fd: Int32, path: String) {
        let temporary = temporaryName(beside: path)
        return (try openFile(temporary, O_WRONLY | O_CREAT | O_EXCL), temporary)
    }

    static let temporaryMarker = ".tmp-"

    /// `<file>.tmp-<pid>-<random>`: the pid tells whose it is (`removeStaleTemporaries`).
    static func temporaryName(beside path: String) -> String {
        path + temporaryMarker + "\(getpid())-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// Makes `backup` a second name of the file at `path` (a hard link, renamed into place),
    /// so `path` itself is never missing; nothing when `path` is not a regular file.
    static func keep(_ path: String, asBackup backup: String) throws(StoreError) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        let temporary = temporaryName(beside: backup)
        guard link(path, temporary) == 0 else { throw StoreError.io(file: path, operation: "link", code: errno) }
        do throws(StoreError) {
            try move(temporary, to: backup)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Removes the temporary files in `directory` that a process which has died left
    /// behind (a crash mid-write), once they are an hour old: a store on a shared
    /// drive may hold a live temporary of another machine's process of the same pid.
    static func removeStaleTemporaries(in directory: String, now: time_t = time(nil)) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            guard let marker = name.ranges(of: temporaryMarker).last,
                  let pid = name[marker.upperBound...].split(separator: "-").first.flatMap({ pid_t($0) }), pid > 0 else { continue }
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, now - info.st_mtim.tv_sec > 3_600,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(path)
        }
    }

    /// Writes `data` to a new temporary file beside `path`, fsyncs it, renames
    /// it over `path` and fsyncs the directory: a reader sees the old file or the
    /// new one, never a mix, even after a crash. A symlink at `path` is replaced,
    /// not followed. `before` runs just before the rename. `syncingDirectory: false`
    /// leaves the directory's fsync to the caller, who replaces several files there.
    static func replace(_ path: String, with data: Data, syncingDirectory: Bool = true,
                        before: () throws(StoreError) -> Void = {}) throws(StoreError) {
        let (fd, temporary) = try createTemporary(beside: path)
        do throws(StoreError) {
            defer { close(fd) }
            try writeAll(fd, data, path: temporary)
            try before()
            try move(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
        if syncingDirectory { try syncDirectory(Path.parent(of: path)) }
    }

    static func move(_ from: String, to: String) throws(StoreError) {
        guard rename(from, to) == 0 else { throw StoreError.io(file: from, operation: "rename", code: errno) }
    }

    static func size(_ fd: Int32, path: String) throws(StoreError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io(file: path, operation: "stat", code: errno) }
        return Int(info.st_size)
    }

    /// Size, modification time and inode: enough to tell that a file was replaced.
    static func fingerprint(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)"
    }

    /// The whole file, or nil if it does not exist.
    static func read(_ path: String) throws(StoreError) -> Data? {
        try read(path, from: 0)
    }

    /// Bytes from `offset` to the end, or nil if the file does not exist.
    static func read(_ path: String, from offset: Int) throws(StoreError) -> Data? {
        guard let fd = try openExisting(path) else { return nil }
        defer { close(fd) }
        return try read(fd, path: path, from: offset)
    }

    /// Bytes of the open file `fd` from `offset` to the end.
    static func read(_ fd: Int32, path: String, from offset: Int = 0) throws(StoreError) -> Data {
        let end = try size(fd, path: path)
        guard end > offset else { return Data() }
        // Not zeroed first: clearing 190 MB of plan files that are read over at once took 3% of an open.
        let count = end - offset
        guard let base = malloc(count) else { throw StoreError.io(file: path, operation: "read", code: ENOMEM) }
        do {
            let done = try read(fd, path: path, from: offset, into: UnsafeMutableRawBufferPointer(start: base, count: count))
            return Data(bytesNoCopy: base, count: done, deallocator: .free)
        } catch {
            free(base)
            throw error
        }
    }

    /// Fills `buffer` with the bytes of `fd` from `offset`; returns how many there were (fewer at the file's end).
    static func read(_ fd: Int32, path: String, from offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(StoreError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = pread(fd, base + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(file: path, operation: "read", code: errno)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }
}
