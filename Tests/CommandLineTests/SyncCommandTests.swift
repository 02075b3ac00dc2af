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
        try JSONOutputTests.expectEncoderBytes(try duban("李四", "conflicts", "--json"), "conflicts --json")
        try duban("李四", "start", "jinshan-2026:1.4")
        #expect(try duban("李四", "conflicts").output == "no conflicts\n")
    }
}

/// `duban --unit`: the officer's home screen on the real sample.
@Suite("Unit home from the command line")
struct UnitHomeCommandTests {
    @Test("--unit 金山区发改委 opens its 16 measures of jinshan-2026 grouped by pillar; an unknown unit is one line naming the closest, exit 1")
    func unitHome() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("duban-home-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: store) }
        #expect(try DubanProcess.run(["import", SyncCommandTests.sample, "--store", store]).status == 0)
        for size in ["80x24", "100x30"] {
            let frame = try DubanProcess.run(["--render-once", size, "--store", store, "--unit", "金山区发改委", "--lang", "zh"],
                                             environment: ["DUBAN_TODAY": "2026-12-01"])
            #expect(frame.status == 0, "\(frame.error)")
            #expect(frame.output.contains("区发改委 · 16 项措施"), "\(frame.output)")
            #expect(frame.output.contains("一 打造高效便捷的政务服务环境") && frame.output.contains("四 打造多元协同的社会共治环境"))
        }
        let viaEnvironment = try DubanProcess.run(["--render-once", "100x30", "--store", store],
                                                  environment: ["DUBAN_UNIT": "发改委", "DUBAN_TODAY": "2026-12-01", "LANG": "C"])
        #expect(viaEnvironment.output.contains("区发改委 · 16 measures"))
        let unknown = try DubanProcess.run(["--render-once", "100x30", "--store", store, "--unit", "发展改革局"])
        #expect(unknown.status == 1 && unknown.error.contains("closest: 区发改委"), "\(unknown.error)")
    }
}

/// The command line in Chinese under a Chinese locale: headers, status words, labels and errors.
@Suite("Chinese command line")
struct ChineseCommandLineTests {
    @Test("LANG=zh_CN.UTF-8: list and plans have Chinese headers and status words, show its labels, errors are Chinese; status words are taken in Chinese")
    func chinese() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("duban-zh-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: store) }
        let zh = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "DUBAN_TODAY": "2026-12-01"]
        func duban(_ arguments: String...) throws -> DubanProcess.Run {
            try DubanProcess.run(arguments + ["--store", store, "--as", "王科长"], environment: zh)
        }
        #expect(try DubanProcess.run(["import", SyncCommandTests.sample, "--store", store]).status == 0)
        #expect(try duban("block", "jinshan-2026:1.4", "--note", "等数据").status == 0)
        let list = try duban("list", "--status", "受阻").output.split(separator: "\n")
        #expect(list.count == 2 && list[0].hasPrefix("编号") && list[0].contains("状态") && list[1].contains("受阻"), "\(list)")
        let plans = try duban("plans").output.split(separator: "\n")
        #expect(plans.first?.hasPrefix("编号") == true && plans.count == 2)
        let show = try duban("show", "jinshan-2026:1.4").output
        #expect(show.contains("受阻（王科长") && show.contains("责任单位：区人才工作局、") && show.contains("备注：") && show.contains("历史："), "\(show)")
        #expect(!show.contains("responsible"))
        let history = try duban("history", "jinshan-2026:1.4").output
        #expect(history.contains("受阻") && history.contains("备注：等数据"), "\(history)")
        let unknown = try duban("done", "jinshan-2026:9.9")
        #expect(unknown.status == 1 && unknown.error.hasPrefix("duban: 没有编号 jinshan-2026:9.9；最接近的："), "\(unknown.error)")
        let open = try duban("done", "jinshan-2026:1.1")
        #expect(open.status == 1 && open.error.contains("还有 4 项任务未完成") && open.error.contains("--force"))
        #expect(try duban("undo").status == 0)
        let nothing = try duban("undo", "--id", "jinshan-2026:1.2")
        #expect(nothing.status == 1 && nothing.error == "duban: 王科长 没有可撤销的操作（jinshan-2026:1.2）\n", "\(nothing.error)")
    }
}
