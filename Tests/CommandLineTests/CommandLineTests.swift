import Foundation
import PlanModel
import PlanStore
import Testing
@testable import duban

/// `duban`'s commands end to end: the built binary on a temporary store.
@Suite("Command line")
final class CommandLineTests {
    let directory: URL

    deinit { try? FileManager.default.removeItem(at: directory) }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-cli-\(UUID().uuidString)")
        let store = try JSONPlanStore.create(at: directory, now: Date(timeIntervalSince1970: 1_790_000_000)) { _ in }
        func measure(_ id: String, _ title: String, tasks: Int = 0, due: Day? = nil) -> Measure {
            Measure(id: id, label: "", title: title, text: title + "，深化服务。",
                    units: [UnitRef(name: "区发改委", role: .lead), UnitRef(name: "区市场监管局", role: .support)],
                    deadline: due.map { Deadline(text: "年底前", date: $0) },
                    tasks: (0..<tasks).map { PlanTask(id: "\(id).\($0 + 1)", title: "任务\($0 + 1)", text: "任务。") })
        }
        _ = try store.importPlan(Plan(id: "jiading-2026", title: "嘉定区优化营商环境行动方案", pillars: [
            Pillar(number: "一", title: "政务服务", measures: [
                measure("jiading-2026:1.1", "开店一件事", tasks: 2, due: Day(year: 2020, month: 6, day: 30)),
                measure("jiading-2026:1.2", "办好一件事"),
            ]),
            Pillar(number: "二", title: "市场环境", measures: [measure("jiading-2026:2.1", "公平竞争")]),
        ]))
    }

    typealias Run = DubanProcess.Run

    @discardableResult
    func duban(_ arguments: String..., officer: String = "wang", store: String? = nil) throws -> Run {
        try duban(arguments, officer: officer, store: store)
    }

    @discardableResult
    func duban(_ arguments: [String], officer: String = "wang", store: String? = nil) throws -> Run {
        try DubanProcess.run(arguments + ["--store", store ?? directory.path, "--as", officer])
    }

    /// Set while a command runs in this process: if it ends the process instead
    /// of returning, the exit handler turns the test run's status into a failure.
    nonisolated(unsafe) static var commandRunning = false
    static let exitGuard: Void = {
        atexit {
            guard CommandLineTests.commandRunning else { return }
            FileHandle.standardError.write(Data("a command ended the test process instead of returning\n".utf8))
            _exit(1)
        }
    }()

    /// What `arguments` print when run in this process, as `main` runs them.
    func inProcess(_ arguments: [String]) throws -> String {
        Self.exitGuard
        Self.commandRunning = true
        defer { Self.commandRunning = false }
        let capture = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        #expect(FileManager.default.createFile(atPath: capture.path, contents: nil))
        let file = open(capture.path, O_WRONLY), saved = dup(STDOUT_FILENO)
        fflush(nil)
        dup2(file, STDOUT_FILENO)
        defer {
            fflush(nil)
            dup2(saved, STDOUT_FILENO)
            close(saved)
            close(file)
        }
        var command = try Duban.parseAsRoot(arguments + ["--store", directory.path])
        try command.run()
        fflush(nil)
        return try String(contentsOf: capture, encoding: .utf8)
    }

    @Test("read-only commands return to their caller with their output printed, so they run inside a test")
    func readOnlyCommandsReturn() throws {
        try duban("done", "jiading-2026:1.2", "--force")
        #expect(try inProcess(["plans"]) == (try duban("plans")).output)
        #expect(try inProcess(["list", "--status", "done"]).rows.hasPrefix("jiading-2026:1.2  done"))
        #expect(try inProcess(["show", "jiading-2026:1.2", "--json"]) == (try duban("show", "jiading-2026:1.2", "--json")).output)
    }

    @Test("a done line repeated after compaction (a merge) is folded once: 1.2 still reads doing, its history and note once")
    func repeatedLineAfterCompaction() throws {
        try duban("done", "jiading-2026:1.2", "--force")
        try duban("note", "jiading-2026:1.2", "验收报告")
        try duban("start", "jiading-2026:1.2")
        try duban("compact")
        let journal = directory.appendingPathComponent("journal.jsonl")
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((lines[0] + "\n" + lines[1] + "\n").utf8))
        try handle.close()
        #expect(try duban("list", "--status", "doing").output.rows.hasPrefix("jiading-2026:1.2  doing"))
        #expect(try duban("list", "--status", "done").output == "")
        let history = try duban("history", "jiading-2026:1.2").output.split(separator: "\n")
        #expect(history.count == 3)
        // Once among the notes, once in the history.
        #expect(try duban("show", "jiading-2026:1.2").output.split(separator: "\n").filter { $0.contains("验收报告") }.count == 2)
    }

    @Test("undo skips, saying so, a change another officer has since changed and undoes the officer's change before it; with nothing left it exits 1")
    func supersededUndoIsSkipped() throws {
        try duban("due", "jiading-2026:1.2", "2026-12-31", officer: "wang")
        try duban("done", "jiading-2026:2.1", officer: "wang")
        try duban("start", "jiading-2026:2.1", officer: "li")
        let undo = try duban("undo", officer: "wang")
        #expect(undo.status == 0, "\(undo.error)")
        let lines = undo.output.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("jiading-2026:1.2: undo ") && lines[0].hasSuffix(": due cleared (was 2026-12-31)"))
        #expect(lines.last == "skipped jiading-2026:2.1: done — li changed it since (duban history jiading-2026:2.1)")
        #expect(try duban("list", "--status", "doing").output.rows.hasPrefix("jiading-2026:2.1  doing"))
        let again = try duban("undo", officer: "wang")
        #expect(again.status == 1 && again.error == "duban: nothing of wang's to undo\n")
        #expect(again.output.hasPrefix("skipped jiading-2026:2.1: done"))
    }

    @Test("undo checks by event, not by value: A's done, then B's reopen and done; A's undo leaves B's mark")
    func undoChecksTheLatestEvent() throws {
        try duban("done", "jiading-2026:2.1", officer: "wang")
        try duban("reopen", "jiading-2026:2.1", officer: "li")
        try duban("done", "jiading-2026:2.1", officer: "li")
        let undo = try duban("undo", officer: "wang")
        #expect(undo.status == 1 && undo.output.hasPrefix("skipped jiading-2026:2.1: done — li changed it since"), "\(undo.output)")
        #expect(try duban("list", "--status", "done").output.rows.hasPrefix("jiading-2026:2.1  done"))
        // li undoes his own done and reopen: wang's done stands again, and is wang's to undo.
        #expect(try duban("undo", "--steps", "2", officer: "li").status == 0)
        let last = try duban("undo", officer: "wang")
        #expect(last.status == 0 && last.output.hasSuffix(": unmarked (was done)\n") && !last.output.contains("skipped"), "\(last.output)")
    }

    @Test("done on a measure with open tasks is refused (1) until forced, and the force is recorded")
    func doneNeedsForce() throws {
        let refused = try duban("done", "jiading-2026:1.1")
        #expect(refused.status == 1)
        #expect(refused.error == "duban: jiading-2026:1.1 has 2 open tasks (jiading-2026:1.1.1, jiading-2026:1.1.2); use --force to mark it done anyway\n")
        #expect(try duban("done", "jiading-2026:1.1.1", "jiading-2026:1.1.2", "jiading-2026:1.1").status == 0)
        let history = try duban("history", "jiading-2026:1.1", "--json")
        #expect(history.output.components(separatedBy: "\"kind\" : \"status\"").count == 4)
        #expect(try duban("reopen", "jiading-2026:1.1.2").status == 0)
        #expect(try duban("done", "jiading-2026:2.1", "--force").output == "jiading-2026:2.1: done\n")
    }

    @Test("an unknown id exits 1 naming the id and the closest ids; bad input exits 2")
    func exitStatuses() throws {
        let unknown = try duban("done", "jiading-2026:1.3")
        #expect(unknown.status == 1)
        #expect(unknown.error == "duban: unknown id jiading-2026:1.3; closest: jiading-2026:1.1, jiading-2026:1.2, jiading-2026:2.1\n")
        #expect(try duban("due", "jiading-2026:1.2", "2026-13-01").status == 2)
        #expect(try duban("list", "--status", "finished").status == 2)
        #expect(try duban("assign", "jiading-2026:1.1.1", "区经委").status == 2)
        #expect(try duban("unassign", "jiading-2026:1.2", "区经委").status == 1)
        #expect(try duban("undo").status == 1)
        let missing = try duban("plans", store: directory.path + "/nowhere")
        #expect(missing.status == 1 && missing.error.contains("no store at"))
    }

    @Test("list filters by status, unit, pillar and overdue, and prints JSON")
    func list() throws {
        try duban("start", "jiading-2026:1.2")
        try duban("unassign", "jiading-2026:2.1", "区市场监管局")
        #expect(try duban("list", "--status", "doing").output.rows.hasPrefix("jiading-2026:1.2  doing"))
        #expect(try duban("list", "--unit", "市场监管").output.rows.split(separator: "\n").count == 2)
        #expect(try duban("list", "--pillar", "二").output.rows.split(separator: "\n").count == 1)
        #expect(try duban("list", "--pillar", "1").output.rows.split(separator: "\n").count == 2)
        let overdue = try duban("list", "--overdue", "--json")
        let rows = try JSONSerialization.jsonObject(with: Data(overdue.output.utf8)) as? [[String: Any]]
        #expect(rows?.map { $0["id"] as? String } == ["jiading-2026:1.1"])
        let plans = try duban("plans")
        #expect(plans.output == "id            done  overdue  title\njiading-2026   0/3        1  嘉定区优化营商环境行动方案\n")
    }

    @Test("list --unit: an unknown unit is an error naming the closest units (exit 1), never an empty list; a known one lists its measures")
    func listUnknownUnit() throws {
        let unknown = try duban("list", "--unit", "区不存在局")
        #expect(unknown.status == 1 && unknown.output.isEmpty && unknown.error.contains("no unit '区不存在局'"), "\(unknown.error)")
        let known = try duban("list", "--unit", "区发改委")
        #expect(known.status == 0 && known.output.contains("jiading-2026:2.1"))
    }

    @Test("show of a measure lists its tasks' notes with the task's id, and its block reason")
    func showTaskNotes() throws {
        try duban("note", "jiading-2026:1.1.1", "已对接银行")
        try duban("note", "jiading-2026:1.1", "推进中")
        let shown = try duban("show", "jiading-2026:1.1").output
        let notes = shown.split(separator: "\n").drop { $0 != "notes:" }.dropFirst().prefix(2)
        #expect(notes.count == 2 && notes.first?.hasSuffix("wang [jiading-2026:1.1.1]: 已对接银行") == true
                && notes.last?.hasSuffix("wang: 推进中") == true, "\(shown)")
    }

    @Test("due takes the dates officers write: 年底, 12月31日 and 2026/12/31 are this year's last day; a word is refused with exit 2")
    func dueForms() throws {
        for form in ["年底", "12月31日", "2026/12/31"] {
            try duban("due", "jiading-2026:1.2", "none")
            let set = try DubanProcess.run(["due", "jiading-2026:1.2", form, "--store", directory.path, "--as", "wang"],
                                           environment: ["DUBAN_TODAY": "2026-03-01"])
            #expect(set.status == 0, "\(form): \(set.error)")
            #expect(try duban("show", "jiading-2026:1.2").output.contains("due: 2026-12-31"), "\(form)")
        }
        let refused = try duban("due", "jiading-2026:1.2", "下周")
        #expect(refused.status == 2 && refused.error.contains("not a day: 下周"))
    }

    @Test("note, assign, due and undo show up in show and history; undo reverts this officer's changes only")
    func editAndUndo() throws {
        try duban("note", "jiading-2026:1.2", "已召开推进会")
        try duban("assign", "jiading-2026:1.2", "区经委", "--role", "support")
        try duban("due", "jiading-2026:1.2", "2026-12-31")
        try duban("done", "jiading-2026:2.1", officer: "li")
        let shown = try duban("show", "jiading-2026:1.2").output
        #expect(shown.contains("units: 区发改委 (lead), 区市场监管局 (support), 区经委 (support)"))
        #expect(shown.contains("due: 2026-12-31"))
        #expect(shown.contains("wang: 已召开推进会"))
        let undo = try duban("undo", "--steps", "2")
        let lines = undo.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix(": due cleared (was 2026-12-31)") == true)
        #expect(lines.last?.hasSuffix(": unassign 区经委 (was support)") == true)
        let after = try duban("show", "jiading-2026:1.2", "--json").output
        let item = try #require(try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])
        #expect(item["due"] == nil || item["due"] is NSNull)
        #expect((item["units"] as? [[String: String]])?.count == 2)
        #expect((item["notes"] as? [Any])?.count == 1)
        #expect(try duban("list", "--status", "done").output.rows.contains("jiading-2026:2.1"))
        #expect(try duban("history", "--since", "2000-01-01").output.split(separator: "\n").count == 6)
    }

    @Test("search: simplified finds traditional (政务服务 → xuhui-2026's 政務服務) and back, full-width finds ASCII; each row shows its first match in context")
    func searchFolded() throws {
        let xuhui = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/duban/Samples/xuhui-2026.txt")
        try duban("import", xuhui.path)
        let simplified = try duban("search", "政务服务").output
        #expect(simplified.contains("xuhui-2026:1.1"))
        #expect(try duban("search", "開店").output.contains("jiading-2026:1.1"))
        let wide = try duban("search", "１２３４５").output.split(separator: "\n").map(String.init)
        // The snippet line sits under the title column and shows the text as written.
        let row = try #require(wide.firstIndex { $0.hasPrefix("xuhui-2026:1.1 ") })
        let titleColumn = try #require(wide[0].range(of: "title")).lowerBound.utf16Offset(in: wide[0])
        #expect(wide[row + 1] == String(repeating: " ", count: titleColumn) + "…準推送。優化【12345】市民服務熱線…")
        let own = try duban("search", "深化").output.split(separator: "\n").map(String.init)
        let first = try #require(own.firstIndex { $0.hasPrefix("jiading-2026:1.1 ") })
        #expect(own[first + 1].trimmingCharacters(in: .whitespaces) == "开店一件事，【深化】服务。")
        let json = try duban("search", "深化", "--json").output
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        #expect(rows.first == ["id": "jiading-2026:1.1", "title": "开店一件事", "status": "todo", "snippet": "开店一件事，【深化】服务。"])
    }

    static let statusCases: [(arguments: [String], status: Int32, error: String)] = [
        (["plans", "--json"], 0, ""),
        (["list", "--plan", "jiading-2026", "--json"], 0, ""),
        (["show", "jiading-2026:1.1.1", "--json"], 0, ""),
        (["workload", "--json"], 0, ""),
        (["units", "--json"], 0, ""),
        (["search", "一件事", "--json"], 0, ""),
        (["report", "--format", "csv"], 0, ""),
        (["list", "--plan", "jiading-2025"], 1, "duban: no plan jiading-2025; closest: jiading-2026"),
        (["workload", "--plan", "jiading-2025"], 1, "duban: no plan jiading-2025; closest: jiading-2026"),
        (["show", "jiading-2026:9.9"], 1, "duban: unknown id jiading-2026:9.9; closest:"),
        (["search", "不存在的词"], 1, "duban: no measure contains \"不存在的词\""),
        (["list", "--pillar", "3"], 1, "duban: no pillar 3 in any plan"),
        (["workload", "--sort", "size"], 2, "duban: "),
        (["report", "--format", "pdf"], 2, "duban: "),
        (["due", "jiading-2026:1.2", "tomorrow"], 2, "duban: "),
        (["note", "jiading-2026:1.2", " "], 2, "duban: the note for jiading-2026:1.2 is empty"),
        (["assign", "jiading-2026:1.2", "区经委、区科委"], 2, "duban: "),
        (["import", "/nonexistent/plan.txt"], 2, "duban: /nonexistent/plan.txt: cannot read the file"),
        (["frobnicate"], 2, "duban: "),
    ]

    @Test("a document with damaged bytes is refused by import and parse (exit 2, nothing imported) unless --force")
    func damagedDocument() throws {
        var text = "上海市宝山区2026年优化营商环境行动方案\n一、政务服务\n"
        for n in 1...6 { text += "\(n). 推进第\(n)项改革。完善配套制度，提升服务效能。（责任单位：区数据局）\n" }
        var bytes = [UInt8](text.utf8)
        bytes[bytes.count - 12] = 0xFF
        let file = directory.appendingPathComponent("damaged.txt")
        try Data(bytes).write(to: file)
        let problem = "could not be decoded (read as �): the file is damaged; repair it, or use --force to import it so\n"
        for run in [try duban("import", file.path), try DubanProcess.run(["parse", file.path])] {
            #expect(run.status == 2)
            #expect(run.error.hasPrefix("duban: \(file.path): 3 characters ") && run.error.hasSuffix(problem), "\(run.error)")
        }
        #expect(!(try duban("plans", "--json")).output.contains("baoshan-2026"))
        #expect(try DubanProcess.run(["parse", file.path, "--force"]).status == 0)
        #expect(try duban("import", file.path, "--force").status == 0)
        #expect(try duban("plans", "--json").output.contains("baoshan-2026"))
    }

    @Test("import of several files (read side by side) names the first bad one in the order given and imports nothing; a file given twice is re-imported over itself")
    func severalFiles() throws {
        func plan(_ district: String, damaged: Bool = false) throws -> String {
            var text = "上海市\(district)2026年优化营商环境行动方案\n一、政务服务\n"
            for n in 1...6 { text += "\(n). 推进第\(n)项改革。完善配套制度，提升服务效能。（责任单位：区数据局）\n" }
            var bytes = [UInt8](text.utf8)
            if damaged { bytes[bytes.count - 12] = 0xFF }
            let file = directory.appendingPathComponent("\(district).txt")
            try Data(bytes).write(to: file)
            return file.path
        }
        let good = try (["宝山区", "青浦区", "松江区", "奉贤区", "崇明区"]).map { try plan($0) }
        let bad = [try plan("静安区", damaged: true), try plan("普陀区", damaged: true)]
        for order in [[good[0], bad[1], good[1], bad[0]] + good[2...], [bad[0], bad[1]] + good] {
            let run = try duban(["import"] + order)
            #expect(run.status == 2)
            let first = try #require(order.first(where: bad.contains))
            #expect(run.error.hasPrefix("duban: \(first): "), "\(run.error)")
        }
        #expect(!(try duban("plans", "--json")).output.contains("baoshan-2026"))
        let run = try duban(["import"] + good + [good[0]])
        #expect(run.status == 0, "\(run.error)")
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 6 && lines[0] == "baoshan-2026: imported 6 measures" && lines[5].hasPrefix("baoshan-2026: re-imported 6 measures"),
                "\(run.output)")
    }

    @Test("every command answers 0, 1 (not found, refused) or 2 (bad input), with one line on stderr",
          arguments: statusCases)
    func exitStatus(arguments: [String], status: Int32, error: String) throws {
        let run = try duban(arguments)
        #expect(run.status == status, "\(arguments): \(run.error)")
        if status == 0 {
            #expect(run.error.isEmpty, "\(arguments): \(run.error)")
        } else {
            #expect(run.error.hasPrefix(error), "\(arguments): \(run.error)")
            #expect(run.error.filter { $0 == "\n" }.count == 1, "\(arguments): \(run.error)")
        }
    }
}
