import Foundation
import PlanModel
import PlanStore
import Testing

/// Crashes at chosen system calls (strace's fault injection kills `duban` as it
/// enters the call) and the temporary files such crashes leave.
@Suite("Crashes mid-write")
final class CrashTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-crash-\(UUID().uuidString)")
    var store: URL { directory.appendingPathComponent("store") }
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    deinit { try? FileManager.default.removeItem(at: directory) }

    init() throws {
        let store = try JSONPlanStore.create(at: store, now: Date(timeIntervalSince1970: 1_790_000_000)) { _ in }
        _ = try store.importPlan(Plan(id: "c-2026", title: "t", pillars: [Pillar(number: "一", title: "p", measures: [
            Measure(id: "c-2026:1.1", label: "", title: "m", text: "m"), Measure(id: "c-2026:1.2", label: "", title: "m", text: "m"),
        ])]))
    }

    func duban(_ arguments: String..., wrapper: [String] = []) throws -> DubanProcess.Run {
        try DubanProcess.run(arguments + ["--store", store.path, "--as", "wang"], wrapper: wrapper)
    }

    @Test("compaction killed at each of its link and renames leaves a whole snapshot.json, read without a warning",
          .enabled(if: strace != nil, "needs strace (apt-get install strace) to kill duban at a chosen system call"),
          arguments: [("link", 1), ("rename", 1), ("rename", 2)])
    func compactionCrash(syscall: String, call: Int) throws {
        #expect(try duban("done", "c-2026:1.1").status == 0)
        #expect(try duban("compact").status == 0)
        #expect(try duban("start", "c-2026:1.2").status == 0)
        let crashed = try duban("compact", wrapper: [try #require(Self.strace), "-f", "-qq", "-o", "/dev/null", "-e", "trace=\(syscall)",
                                                     "-e", "inject=\(syscall):signal=KILL:when=\(call)"])
        #expect(crashed.status != 0, "compact was not killed at \(syscall) \(call)")
        var info = stat()
        #expect(lstat(store.appendingPathComponent("snapshot.json").path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG,
                "no snapshot.json after a crash at \(syscall) \(call)")
        let list = try duban("list")
        #expect(list.error.isEmpty, "\(list.error)")
        #expect(list.output.contains("c-2026:1.1  done") && list.output.contains("c-2026:1.2  doing"))
    }

    @Test("a full disk (a small tmpfs filled up): the note is refused in one line, exit 1, the journal cut back to its bytes before, nothing acknowledged",
          .enabled(if: SharedStoreTests.canMount, "needs root that may mount a small tmpfs; the strace test below fails a write instead"))
    func diskFull() throws {
        // In a mount namespace of its own: $0 the mount point, $1 duban, $2 the store to copy there
        // (where `done` builds the index, whose fingerprint has the inode, before the disk fills).
        let script = """
            mount -t tmpfs -o size=256k tmpfs "$0" && cp -a "$2" "$0/s" || exit 99
            "$1" done c-2026:1.2 --store "$0/s" --as wang >/dev/null || exit 98
            before=$(md5sum < "$0/s/journal.jsonl")
            dd if=/dev/zero of="$0/fill" bs=4096 2>/dev/null
            "$1" note c-2026:1.1 "$(head -c 20000 /dev/zero | tr '\\0' x)" --store "$0/s" --as wang
            echo "status=$?"
            [ "$before" = "$(md5sum < "$0/s/journal.jsonl")" ] && echo "journal unchanged"
            rm "$0/fill"
            "$1" list --store "$0/s" 2>&1
            "$1" history --store "$0/s" | grep -c xxxx
            """
        let mountPoint = directory.appendingPathComponent("tmpfs")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let run = try DubanProcess.run([store.path], wrapper: ["/usr/bin/unshare", "-m", "/bin/sh", "-c", script, mountPoint.path])
        #expect(run.status != 99, "could not mount a tmpfs: \(run.error)")
        #expect(run.error.hasPrefix("duban: ") && run.error.contains("journal.jsonl: write failed: No space left on device")
                && run.error.split(separator: "\n").count == 1, "\(run.error) | \(run.output)")
        #expect(run.output.hasPrefix("status=1\njournal unchanged\n"), "\(run.output)")
        #expect(run.output.contains("c-2026:1.2  done") && run.output.hasSuffix("\n0\n"), "\(run.output)")
    }

    @Test("a journal write refused with ENOSPC (strace's fault injection, no root needed): one line, exit 1, the journal as it was, nothing acknowledged",
          .enabled(if: strace != nil, "needs strace (apt-get install strace) to fail a write"))
    func writeRefused() throws {
        let journal = store.appendingPathComponent("journal.jsonl")
        #expect(try duban("done", "c-2026:1.2").status == 0)
        let before = try Data(contentsOf: journal)
        let run = try duban("note", "c-2026:1.1", "满", wrapper: [try #require(Self.strace), "-f", "-qq", "-o", "/dev/null", "-P", journal.path,
                                                                 "-e", "trace=write", "-e", "inject=write:error=ENOSPC"])
        #expect(run.status == 1 && run.error == "duban: \(journal.path): write failed: No space left on device\n", "\(run.error)")
        #expect(try Data(contentsOf: journal) == before)
        #expect(try duban("history").output.split(separator: "\n").count == 1)
    }

    @Test("temporary files of dead processes older than an hour are removed when the store opens; a live process's and a fresh one are kept")
    func staleTemporaries() throws {
        let dead = pid_t(Int32.max - 7) // beyond any pid_max
        let old = Date(timeIntervalSinceNow: -7_200)
        let files = ["snapshot.json.tmp-\(dead)-1a2b": old, "plans/c-2026.json.tmp-\(dead)-3c": old, "index/c-2026.jsonl.tmp-\(dead)-4d": old,
                     "store.json.tmp-\(getpid())-5e": old, "journal.jsonl.tmp-\(dead)-6f": Date()]
        _ = try duban("list") // builds the index directory
        for (name, time) in files {
            let path = store.appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
            try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: path)
        }
        #expect(try duban("list").status == 0)
        for (name, time) in files {
            let stale = name.contains("\(dead)") && time == old
            #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent(name).path) != stale, "\(name)")
        }
    }
}
