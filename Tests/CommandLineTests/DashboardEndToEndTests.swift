#if os(Linux)
import Foundation
import Glibc
import Testing
import PlanModel
import TerminalKit

/// The real binary in tmux, as a person would use it: needs tmux (CI installs it).
@Suite("End to end in tmux", .serialized)
struct EndToEndTests {
    static let binary: String? = {
        // The test bundle sits in the build directory next to the `duban` executable.
        let dir = Bundle.allBundles.map(\.bundleURL).first { $0.pathExtension == "xctest" }?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let path = dir.appendingPathComponent("duban").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Session {
        let tmux: String
        let socket = "duban-e2e-\(UUID().uuidString.prefix(8))"

        /// Runs a tmux command and returns what it printed. Output goes through a
        /// file, not a pipe: the tmux server writes a client's output itself and may
        /// hold a pipe open after the client has exited.
        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out")
            defer { try? FileManager.default.removeItem(at: output) }
            let quoted = (["exec", tmux, "-L", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            // system(3) waits for the child itself; Foundation's Process was seen never
            // to notice the tmux client exit under the test runner.
            // The runner's worker threads block signals and children inherit the mask: a
            // tmux server started so never sees its pane exit nor stops on kill-server.
            var all = sigset_t(), saved = sigset_t()
            sigfillset(&all)
            pthread_sigmask(SIG_UNBLOCK, &all, &saved)
            _ = system(quoted.joined(separator: " ") + " >'\(output.path)' 2>/dev/null </dev/null")
            pthread_sigmask(SIG_SETMASK, &saved, nil)
            return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        }

        func capture() throws -> [String] { try run(["capture-pane", "-p", "-t", "t"]).components(separatedBy: "\n") }

        /// Polls the pane until `text` shows (the app draws asynchronously).
        func waitFor(_ text: String) throws -> [String] {
            for _ in 0..<300 { // up to 15 s: CI machines can be slow
                let screen = try capture()
                if screen.contains(where: { $0.contains(text) }) { return screen }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return try capture()
        }

        func keys(_ keys: String...) throws { try run(["send-keys", "-t", "t"] + keys) }
    }

    @Test("on a fresh store: open jinshan-2026, go to measure 3.6, mark it (confirming the force) and a task done, quit; the store has both",
          .enabled(if: binary != nil && tmux != nil))
    func markAndQuit() throws {
        let binary = try #require(Self.binary)
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("duban-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        let session = Session(tmux: try #require(Self.tmux))
        defer { _ = try? session.run(["kill-server"]) }
        // After the dashboard exits, the shell prints its status on the restored screen.
        let command = "env TERM=xterm-256color LANG=C.UTF-8 DUBAN_USER=e2e DUBAN_STORE='\(store.path)' \(binary)"
            + " --plan jinshan-2026; echo EXIT=$?; sleep 30"
        try session.run(["new-session", "-d", "-s", "t", "-x", "100", "-y", "30", command])
        _ = try session.waitFor("Pillars")
        // Pillar 三, then its sixth measure.
        try session.keys("h", "j", "j", "l", "j", "j", "j", "j", "j")
        var screen = try session.waitFor("6/7")
        // Columns line up: the task-progress column (3/7) ends in the same display column on every row,
        // whatever the width of the Chinese titles before it.
        let rows = screen.filter { $0.contains("│(") }
        #expect(rows.count == 7, "\(screen)")
        let edges = rows.compactMap { row in
            row.range(of: #"\d+/\d+(?= )"#, options: .regularExpression).map { DisplayWidth.of(row[..<$0.upperBound]) }
        }
        #expect(edges.count == 7 && Set(edges).count == 1, "\(rows)")
        // 3.6 has open tasks: the first Space warns, the second forces.
        try session.keys("Space")
        _ = try session.waitFor("3.6 has 7 open tasks — press Space again to mark it done anyway")
        try session.keys("Space")
        screen = try session.waitFor("Recorded 3.6: done")
        #expect(screen.contains { $0.contains("✓ 打造“一业一亮点”") })
        try session.keys("Enter", "j", "Space")
        screen = try session.waitFor("Recorded 3.6.1: done")
        try session.keys("q")
        screen = try session.waitFor("EXIT=")
        #expect(screen.contains { $0.hasPrefix("EXIT=0") }, "\(screen)")
        #expect(!screen.contains { $0.contains("Pillars") }) // the dashboard's screen is gone: terminal restored

        // What the dashboard recorded is what the command line reads.
        let show = Process()
        show.executableURL = URL(fileURLWithPath: binary)
        show.arguments = ["show", "jinshan-2026:3.6", "--json", "--store", store.path]
        let output = Pipe()
        show.standardOutput = output
        try show.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        show.waitUntilExit()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["status"] as? String == "done", "\(json)")
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        #expect(tasks.first { $0["id"] as? String == "jinshan-2026:3.6.1" }?["status"] as? String == "done")
        #expect(tasks.filter { $0["status"] as? String == "done" }.count == 1)
    }

    @Test("background work shows without a key: a measure's related measures once the index is built, a reload's result, a search's matches once its index is built",
          .enabled(if: binary != nil && tmux != nil))
    func backgroundResults() throws {
        let binary = try #require(Self.binary)
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("duban-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        let session = Session(tmux: try #require(Self.tmux))
        defer { _ = try? session.run(["kill-server"]) }
        let command = "env TERM=xterm-256color LANG=C.UTF-8 XDG_CONFIG_HOME=/nonexistent DUBAN_USER=e2e DUBAN_STORE='\(store.path)' \(binary)"
            + " --plan jinshan-2026; echo EXIT=$?; sleep 30"
        try session.run(["new-session", "-d", "-s", "t", "-x", "100", "-y", "30", command])
        _ = try session.waitFor("Pillars")
        try session.keys("Enter")
        var screen = try session.waitFor("jiading-2026:1.1")
        #expect(screen.contains { $0.contains("Related measures in other plans") } && !screen[0].contains("Indexing…"), "\(screen)")
        try session.keys("r")
        screen = try session.waitFor("Reloaded")
        #expect(!screen[0].contains("Reloading…"), "\(screen)")
        try session.keys("Escape", "/", "一件事")
        screen = try session.waitFor("/4 matches")
        #expect(screen.contains { $0.contains("Search: 一件事") } && !screen[0].contains("Indexing for search…"), "\(screen)")
        try session.keys("Escape", "q")
        screen = try session.waitFor("EXIT=")
        #expect(screen.contains { $0.hasPrefix("EXIT=0") }, "\(screen)")
    }

    @Test("u skips a change another officer has changed since, says so, and undoes the officer's change before it",
          .enabled(if: binary != nil && tmux != nil))
    func undoSkipsSuperseded() throws {
        let binary = try #require(Self.binary)
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("duban-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        func duban(_ arguments: String..., as officer: String) throws -> DubanProcess.Run {
            try DubanProcess.run(arguments + ["--store", store.path, "--as", officer])
        }
        #expect(try duban("--render-once", "80x24", as: "e2e").status == 0) // the first run makes the store
        for (arguments, officer) in [(["due", "jinshan-2026:1.2", "2026-12-31"], "e2e"), (["due", "jinshan-2026:1.1", "2026-12-31"], "e2e"),
                                     (["due", "jinshan-2026:1.1", "2026-11-30"], "li")] {
            let run = try DubanProcess.run(arguments + ["--store", store.path, "--as", officer])
            #expect(run.status == 0, "\(run.error)")
        }
        let session = Session(tmux: try #require(Self.tmux))
        defer { _ = try? session.run(["kill-server"]) }
        let command = "env TERM=xterm-256color LANG=C.UTF-8 DUBAN_USER=e2e DUBAN_STORE='\(store.path)' \(binary) --plan jinshan-2026; sleep 30"
        try session.run(["new-session", "-d", "-s", "t", "-x", "100", "-y", "30", command])
        _ = try session.waitFor("Pillars")
        try session.keys("u")
        let screen = try session.waitFor("skipped")
        #expect(screen.contains { $0.contains("Undone: 1.2 ") && $0.contains("Due → 2026-12-31; skipped 1.1 (li changed it since)") },
                "\(screen)")
        try session.keys("q")
        let shown = try duban("show", "jinshan-2026:1.1", "--json", as: "e2e").output
        #expect(shown.contains("2026-11-30"), "\(shown)")
        #expect(!(try duban("show", "jinshan-2026:1.2", as: "e2e").output.contains("due: 2026-12-31")))
    }

    @Test("b with a reason, then u on the measure's plan: one undo takes back the mark and the note; U records both again",
          .enabled(if: binary != nil && tmux != nil))
    func undoAndRedoABlock() throws {
        let binary = try #require(Self.binary)
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("duban-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        func show() throws -> String { try DubanProcess.run(["show", "jinshan-2026:1.1", "--store", store.path]).output }
        #expect(try DubanProcess.run(["--render-once", "80x24", "--store", store.path]).status == 0) // the first run makes the store
        // An earlier change on another plan is out of the plan screen's reach.
        #expect(try DubanProcess.run(["start", "minhang-2026:1.1", "--store", store.path, "--as", "e2e"]).status == 0)
        let session = Session(tmux: try #require(Self.tmux))
        defer { _ = try? session.run(["kill-server"]) }
        let command = "env TERM=xterm-256color LANG=C.UTF-8 DUBAN_USER=e2e DUBAN_STORE='\(store.path)' \(binary) --plan jinshan-2026; sleep 30"
        try session.run(["new-session", "-d", "-s", "t", "-x", "100", "-y", "30", command])
        _ = try session.waitFor("Pillars")
        try session.keys("l", "b", "waiting", "Enter")
        _ = try session.waitFor("Recorded 1.1")
        #expect(try show().hasPrefix("jinshan-2026:1.1  blocked"))
        try session.keys("u")
        var screen = try session.waitFor("Undone: 1.1")
        #expect(screen.contains { $0.contains("blocked (reason: waiting)") }, "\(screen)")
        var shown = try show()
        #expect(!shown.hasPrefix("jinshan-2026:1.1  blocked") && !shown.contains("e2e: waiting"), "\(shown)")
        try session.keys("u")
        screen = try session.waitFor("Nothing to undo")
        #expect(screen.contains { $0.contains("Nothing to undo") }, "\(screen)")
        #expect(try DubanProcess.run(["show", "minhang-2026:1.1", "--store", store.path]).output.hasPrefix("minhang-2026:1.1  doing"))
        try session.keys("U")
        screen = try session.waitFor("Redone: 1.1")
        #expect(screen.contains { $0.contains("blocked (reason: waiting)") }, "\(screen)")
        shown = try show()
        #expect(shown.hasPrefix("jinshan-2026:1.1  blocked") && shown.contains("e2e: waiting"), "\(shown)")
        try session.keys("q")
    }

    @Test("duban --unit 金山区发改委: its home screen of 16 measures; f blocked keeps the blocked one, Enter opens it, Esc back to the list, Esc to the plans",
          .enabled(if: binary != nil && tmux != nil))
    func unitHome() throws {
        let binary = try #require(Self.binary)
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("duban-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        #expect(try DubanProcess.run(["--render-once", "80x24", "--store", store.path]).status == 0) // the first run makes the store
        #expect(try DubanProcess.run(["block", "jinshan-2026:3.2", "--note", "等材料", "--store", store.path]).status == 0)
        let session = Session(tmux: try #require(Self.tmux))
        defer { _ = try? session.run(["kill-server"]) }
        let command = "env TERM=xterm-256color LANG=C.UTF-8 DUBAN_USER=e2e DUBAN_STORE='\(store.path)' \(binary) --unit 金山区发改委; sleep 30"
        try session.run(["new-session", "-d", "-s", "t", "-x", "100", "-y", "30", command])
        var screen = try session.waitFor("区发改委 · 16 measures")
        #expect(screen.contains { $0.contains("Title · urgency") }, "\(screen)")
        try session.keys("f", "blocked", "Enter")
        screen = try session.waitFor("Filter: blocked — 1 measure")
        #expect(screen.contains { $0.contains("3.2") && $0.contains("便利融资服务") }, "\(screen)")
        try session.keys("Enter")
        screen = try session.waitFor("reason: 等材料")
        try session.keys("Escape")
        screen = try session.waitFor("Title · urgency")
        try session.keys("Escape")
        screen = try session.waitFor("Plans")
        #expect(screen.contains { $0.contains("jinshan-2026") }, "\(screen)")
        try session.keys("q")
    }

    @Test("e on a plan writes its ledger as a workbook to the current directory and says where; an unwritable path says why",
          .enabled(if: binary != nil && tmux != nil))
    func exportLedger() throws {
        let binary = try #require(Self.binary)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = Session(tmux: try #require(Self.tmux))
        defer { _ = try? session.run(["kill-server"]) }
        let command = "cd '\(dir.path)' && env TERM=xterm-256color LANG=C.UTF-8 DUBAN_USER=e2e DUBAN_TODAY=2026-06-20"
            + " DUBAN_STORE='\(dir.path)/store' \(binary) --plan jinshan-2026; sleep 30"
        try session.run(["new-session", "-d", "-s", "t", "-x", "160", "-y", "30", command])
        _ = try session.waitFor("Pillars")
        try session.keys("e")
        _ = try session.waitFor("ledger-jinshan-2026-2026-06-20.xlsx")
        try session.keys("Enter")
        let screen = try session.waitFor("ledger written")
        let file = dir.appendingPathComponent("ledger-jinshan-2026-2026-06-20.xlsx")
        #expect(screen.contains { $0.contains("ledger written: \(file.path) (30 measures)") }, "\(screen)")
        let data = try Data(contentsOf: file)
        #expect(data.starts(with: Array("PK".utf8)))
        try session.keys("e", "C-u", "/nonexistent-dir/x.xlsx", "Enter")
        _ = try session.waitFor("cannot write the ledger")
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-dir/x.xlsx"))
    }
}
#endif
