import Foundation
import PlanModel
import PlanStore
import Testing

/// Stores on a read-only mount, with files no one may write, and shared by a
/// group of officers: reads never create or write a file, and files are made
/// with the umask's modes so a group-shared directory works.
@Suite("Shared and read-only stores")
final class SharedStoreTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-shared-\(UUID().uuidString)")
    var store: URL { directory.appendingPathComponent("store") }
    static let isRoot = getuid() == 0
    static let canSwitchUser = isRoot && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    /// Root in a container without CAP_SYS_ADMIN cannot mount: those tests are skipped, saying so.
    static let canMount: Bool = {
        guard isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("duban-mount-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: point) }
        let run = try? DubanProcess.run([], wrapper: ["/usr/bin/unshare", "-m", "/bin/sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$0\"",
                                                     point.path])
        return run?.status == 0
    }()

    deinit {
        _ = try? DubanProcess.run([], wrapper: ["/bin/chmod", "-R", "u+w", directory.path])
        try? FileManager.default.removeItem(at: directory)
    }

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Other uids (below) must reach the store and the plan file.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        let plan = Plan(id: "s-2026", title: "共享", pillars: [Pillar(number: "一", title: "p", measures: [
            Measure(id: "s-2026:1.1", label: "1", title: "开店", text: "开店"),
            Measure(id: "s-2026:1.2", label: "2", title: "办事", text: "办事"),
        ])])
        try JSONEncoder().encode(plan).write(to: planFile)
    }

    var planFile: URL { directory.appendingPathComponent("s-2026.json") }

    /// `duban` as uid (and gid) `uid` with the supplementary `groups`, under `umask`.
    func duban(_ arguments: [String], uid: Int? = nil, groups: [Int] = [], umask: String = "022", officer: String = "wang") throws -> DubanProcess.Run {
        var wrapper: [String] = []
        if let uid {
            wrapper = ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)"]
                + (groups.isEmpty ? ["--clear-groups"] : ["--groups=" + groups.map(String.init).joined(separator: ",")])
        }
        wrapper += ["/bin/sh", "-c", "umask \(umask); exec \"$0\" \"$@\""]
        return try DubanProcess.run(arguments + ["--store", store.path, "--as", officer], wrapper: wrapper)
    }

    /// Every file and directory under the store with its mode, owner and bytes.
    func contents() throws -> [String: String] {
        var all: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: store.path) {
            var info = stat()
            lstat(store.appendingPathComponent(path).path, &info)
            let data = (try? Data(contentsOf: store.appendingPathComponent(path))) ?? Data()
            all[path] = "\(String(info.st_mode, radix: 8)) \(info.st_uid):\(info.st_gid) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(data.hashValue)"
        }
        return all
    }

    /// A store with a change past its snapshot, a torn last line, no index and no lock
    /// file: a read that wanted to tidy, index or lock would have to write.
    func makeStoreToRead() throws {
        #expect(try duban(["import", planFile.path]).status == 0)
        #expect(try duban(["done", "s-2026:1.1"]).status == 0)
        #expect(try duban(["compact"]).status == 0)
        #expect(try duban(["start", "s-2026:1.2"]).status == 0)
        for file in ["index", "lock"] { try FileManager.default.removeItem(at: store.appendingPathComponent(file)) }
        let journal = try FileHandle(forWritingTo: store.appendingPathComponent("journal.jsonl"))
        journal.seekToEndOfFile()
        journal.write(Data("{\"torn".utf8))
        try journal.close()
    }

    func expectReadable(_ run: ([String]) throws -> DubanProcess.Run) throws {
        let before = try contents()
        let list = try run(["list"])
        #expect(list.status == 0 && list.output.contains("s-2026:1.1  done") && list.output.contains("s-2026:1.2  doing"), "\(list.error)")
        #expect(try run(["show", "s-2026:1.2"]).status == 0)
        let history = try run(["history", "s-2026:1.2"])
        #expect(history.status == 0 && history.output.contains("doing"), "\(history.error)")
        let frame = try run(["--render-once", "100x30", "--lang", "en"])
        #expect(frame.status == 0 && frame.output.split(separator: "\n").first?.contains("read-only") == true, "\(frame.output.prefix(200)) \(frame.error)")
        let change = try run(["done", "s-2026:1.2"])
        #expect(change.status == 1 && change.error.split(separator: "\n").count == 1, "\(change.error)")
        #expect(try contents() == before, "a read wrote into the store")
    }

    @Test("a store no one may write here (chmod -R a-w; as root, owned by and read as an unprivileged uid) is listed, shown and drawn with read-only in the title bar, and nothing in it is written",
          .enabled(if: !isRoot || canSwitchUser, "as root, needs setpriv (util-linux) to read as a uid the modes bind"))
    func readOnlyByModes() throws {
        try makeStoreToRead()
        var uid: Int?
        if Self.isRoot {
            uid = 65534 // root may write whatever the modes say: read as nobody, the store being nobody's
            _ = try DubanProcess.run([], wrapper: ["/bin/chown", "-R", "65534:65534", store.path])
        }
        _ = try DubanProcess.run([], wrapper: ["/bin/chmod", "-R", "a-w", store.path])
        try expectReadable { try duban($0, uid: uid) }
    }

    @Test("a store of another user's that this one may read but not write (root's, read as nobody) is read, not refused",
          .enabled(if: canSwitchUser, "needs root and setpriv (util-linux) to read as another uid"))
    func someoneElses() throws {
        try makeStoreToRead()
        try expectReadable { try duban($0, uid: 65534) }
    }

    @Test("a store on a read-only bind mount is listed, and nothing in it is written",
          .enabled(if: canMount, "needs root that may mount (unshare -m); the read-only case is covered by chmod -R a-w"))
    func readOnlyMount() throws {
        try makeStoreToRead()
        let mount = "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\""
        try expectReadable { arguments in
            try DubanProcess.run(arguments + ["--store", store.path, "--as", "wang"],
                                 wrapper: ["/usr/bin/unshare", "-m", "/bin/sh", "-c", mount, store.path])
        }
    }

    @Test("two officers with their own uids in one group share a store in a setgid directory: both record, list and compact; files are group-writable",
          .enabled(if: canSwitchUser, "needs root and setpriv (util-linux) to switch uids"))
    func twoUidsOneGroup() throws {
        let shared = directory.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        _ = try DubanProcess.run([], wrapper: ["/bin/chown", "root:4242", shared.path])
        try FileManager.default.setAttributes([.posixPermissions: 0o2770], ofItemAtPath: shared.path)
        let store = shared.appendingPathComponent("store").path
        func officer(_ uid: Int, _ arguments: [String]) throws -> DubanProcess.Run {
            try DubanProcess.run(arguments + ["--store", store, "--as", "u\(uid)"], wrapper: [
                "/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--groups=4242", "/bin/sh", "-c", "umask 002; exec \"$0\" \"$@\""])
        }
        for (uid, arguments) in [(4001, ["import", planFile.path]), (4002, ["done", "s-2026:1.1"]), (4001, ["start", "s-2026:1.2"]),
                                 (4002, ["compact"]), (4001, ["note", "s-2026:1.1", "纪要"]), (4001, ["compact"]), (4001, ["undo"])] {
            let run = try officer(uid, arguments)
            #expect(run.status == 0, "u\(uid) \(arguments): \(run.error)", sourceLocation: .__here())
        }
        let list = try officer(4001, ["list", "--plan", "s-2026"])
        #expect(list.output.contains("s-2026:1.1  done") && list.output.contains("s-2026:1.2  doing"), "\(list.output) \(list.error)")
        for path in try FileManager.default.subpathsOfDirectory(atPath: store) + [""] {
            var info = stat()
            lstat(store + "/" + path, &info)
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            #expect(info.st_gid == 4242, "\(path): group \(info.st_gid)")
            #expect(info.st_mode & 0o7777 == (isDirectory ? 0o2775 : 0o664), "\(path): \(String(info.st_mode & 0o7777, radix: 8))")
        }
    }

    @Test("--store at a directory that holds other files (a stray journal.jsonl) and no store is refused in one line, exit 1, until --init")
    func nonEmptyDirectory() throws {
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let journal = Data("{\"not\":\"duban's\"}\n".utf8)
        try journal.write(to: store.appendingPathComponent("journal.jsonl"))
        for arguments in [["import", planFile.path], ["--render-once", "80x24"]] {
            let run = try duban(arguments)
            #expect(run.status == 1 && run.error.contains(store.path) && run.error.contains("--init")
                    && run.error.split(separator: "\n").count == 1, "\(arguments): \(run.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: store.appendingPathComponent("store.json").path))
        #expect(try Data(contentsOf: store.appendingPathComponent("journal.jsonl")) == journal)
        #expect(try duban(["import", planFile.path, "--init"]).status == 0)
        #expect(try duban(["list"]).output.contains("s-2026:1.1"))
    }

    @Test("files are created 0666 and directories 0777 less the umask, and a directory never writable by everyone",
          arguments: [("027", 0o640, 0o750), ("002", 0o664, 0o775), ("000", 0o666, 0o775), ("077", 0o600, 0o700)])
    func umaskModes(umask: String, file: Int, folder: Int) throws {
        #expect(try duban(["import", planFile.path], umask: umask).status == 0)
        #expect(try duban(["done", "s-2026:1.1"], umask: umask).status == 0)
        #expect(try duban(["compact"], umask: umask).status == 0)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: store.path) + [""]
        #expect(paths.contains("snapshot.json") && paths.contains("index/s-2026.jsonl") && paths.contains("lock"))
        for path in paths {
            var info = stat()
            lstat(store.appendingPathComponent(path).path, &info)
            let expected = info.st_mode & S_IFMT == S_IFDIR ? folder : file
            #expect(Int(info.st_mode & 0o7777) == expected, "\(path): \(String(info.st_mode & 0o7777, radix: 8)) under umask \(umask)")
        }
        #expect(try duban(["list"], umask: umask).status == 0)
    }
}
