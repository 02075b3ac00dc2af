import Foundation
import Testing

/// `duban sync` and `duban conflicts` end to end: the built binary, stores and a bare repository in a temporary directory.
@Suite("Sync commands")
final class SyncCommandTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("duban-sync-cli-\(UUID().uuidString)")
    var remote: String { root.appendingPathComponent("remote.git").path }
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/duban/Samples/jinshan-2026.txt").standardizedFileURL.path

    init() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "-q", "--bare", remote]
        try git.run()
        git.waitUntilExit()
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func duban(_ desk: String, _ arguments: String...) throws -> DubanProcess.Run {
        try DubanProcess.run(arguments + ["--store", root.appendingPathComponent(desk).path, "--as", desk],
                             environment: ["DUBAN_TODAY": "2026-12-01", "LANG": "C"])
    }

    @Test("without a remote, and with an unreachable one: one line, exit 1, the store as it was")
    func failures() throws {
        try duban("张三", "import", Self.sample)
        try duban("张三", "done", "jinshan-2026:1.2", "--force")
        let none = try duban("张三", "sync")
        #expect(none.status == 1 && none.error.contains("run duban sync --remote URL once"))
        #expect(none.error.split(separator: "\n").count == 1)
        let away = try duban("张三", "sync", "--remote", root.appendingPathComponent("nowhere.git").path)
        #expect(away.status == 1 && away.error.contains("fetch failed") && away.error.split(separator: "\n").count == 1)
        #expect(try duban("张三", "list", "--status", "done").output.contains("jinshan-2026:1.2"))
        let later = try duban("张三", "sync", "--remote", remote)
        #expect(later.status == 0 && later.output.hasPrefix("started \(remote): received 0 events, sent 1"))
    }

    @Test("syncs killed at random moments: every store still opens, and syncing again converges with nothing acknowledged lost")
    func killedSyncs() throws {
        try duban("张三", "import", Self.sample)
        #expect(try duban("张三", "sync", "--remote", remote).status == 0)
        #expect(try duban("李四", "sync", "--remote", remote).status == 0)
        var acknowledged: [String] = []
        for round in 0..<8 {
            for desk in ["张三", "李四"] {
                let id = "jinshan-2026:\(1 + round % 4).\(1 + round % 3)"
                if try duban(desk, "note", id, "\(desk) 第\(round)轮").status == 0 { acknowledged.append("\(desk) 第\(round)轮") }
            }
            let desk = round % 2 == 0 ? "李四" : "张三"
            let process = Process()
            process.executableURL = DubanProcess.binary
            process.arguments = ["sync", "--store", root.appendingPathComponent(desk).path, "--as", desk]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...150_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try duban(desk, "list").status == 0, "round \(round): \(desk)'s store does not open")
        }
        for _ in 0..<2 {
            for desk in ["张三", "李四"] {
                let run = try duban(desk, "sync")
                #expect(run.status == 0, "\(run.error)")
            }
        }
        let first = try duban("张三", "history", "--json").output, second = try duban("李四", "history", "--json").output
        #expect(first == second)
        for note in acknowledged { #expect(first.contains(note), "\(note) was lost") }
        #expect(try duban("张三", "list", "--json").output == duban("李四", "list", "--json").output)
    }

    @Test("conflicts: listed by both officers until one of them records a new change")
    func conflicts() throws {
        try duban("张三", "import", Self.sample)
        try duban("张三", "sync", "--remote", remote)
        try duban("李四", "sync", "--remote", remote)
        try duban("李四", "block", "jinshan-2026:1.4", "--note", "等数据")
        try duban("张三", "done", "jinshan-2026:1.4", "--force")
        try duban("李四", "sync")
        let sync = try duban("张三", "sync")
        #expect(sync.output.contains("conflicts 1"))
        #expect(sync.output.contains("conflict: jinshan-2026:1.4 status: 李四 blocked, 张三 done; 张三's stands"))
        try duban("李四", "sync")
        #expect(try duban("李四", "conflicts").output == "jinshan-2026:1.4 status: 李四 blocked, 张三 done; 张三's stands\n")
        try duban("李四", "start", "jinshan-2026:1.4")
        #expect(try duban("李四", "conflicts").output == "no conflicts\n")
    }
}
