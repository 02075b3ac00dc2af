import Foundation
import PlanModel
import PlanStore
import Testing

/// Text written to attack the terminal of whoever lists it: OSC title and
/// clipboard (52) sequences, a screen clear, a `\r` with a forged history row,
/// a C1 CSI, DEL, a bidi override and isolate, a line feed.
let hostileText = "\u{1B}]0;pwned\u{07}\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J\r2026-11-21 17:30  director  x:1.1  done (approved)"
    + "\n\u{9B}31m\u{7F}\u{202E}lave\u{2066}\t标题"

/// Bytes a terminal would act on: C0 but `\n`, DEL, C1 (UTF-8 C2 80…9F), bidi
/// overrides and isolates (E2 80 AA…AE, E2 81 A6…A9). Empty when the output is safe.
func terminalControls(in data: Data) -> [String] {
    let bytes = [UInt8](data)
    var found: [String] = []
    for (i, byte) in bytes.enumerated() {
        if (byte < 0x20 && byte != 0x0A) || byte == 0x7F {
            found.append(String(format: "%02X at %d", byte, i))
        } else if byte == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
            found.append(String(format: "C2 %02X at %d", bytes[i + 1], i))
        } else if byte == 0xE2, i + 2 < bytes.count,
                  (bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2]))
                    || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2])) {
            found.append(String(format: "E2 %02X %02X at %d", bytes[i + 1], bytes[i + 2], i))
        }
    }
    return found
}

@Suite("Hostile input: no control byte reaches the terminal")
final class HostileInputTests {
    let directory: URL
    let measure = "evil-2026:1.1"

    deinit { try? FileManager.default.removeItem(at: directory) }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-hostile-\(UUID().uuidString)")
        let store = try JSONPlanStore.create(at: directory, now: Date(timeIntervalSince1970: 1_790_000_000)) { _ in }
        _ = try store.importPlan(Plan(id: "evil-2026", title: hostileText, pillars: [
            Pillar(number: "一", title: hostileText, measures: [
                Measure(id: measure, label: "", title: "开店" + hostileText, text: hostileText,
                        units: [UnitRef(name: "区发改委", role: .lead)], deadline: nil,
                        tasks: [PlanTask(id: measure + ".1", title: hostileText, text: hostileText)]),
            ]),
        ]))
    }

    func duban(_ arguments: [String], officer: String = hostileText) throws -> DubanProcess.Run {
        try DubanProcess.run(arguments + ["--store", directory.path, "--as", officer], environment: ["DUBAN_TODAY": "2026-07-01"])
    }

    @Test("every listing over a store of hostile titles, notes, unit and officer names prints no control byte, stdout and stderr alike; JSON keeps the exact text")
    func everyListing() throws {
        for change in [["note", measure, hostileText], ["assign", measure, "区\u{1B}[2J\r伪造\u{202E}\u{9B}局"], ["start", measure],
                       ["undo"], ["done", measure + ".1"]] {
            let run = try duban(change)
            #expect(run.status == 0, "\(change[0]): \(run.error)")
            #expect(terminalControls(in: run.data).isEmpty, "\(change[0]) printed \(terminalControls(in: run.data))")
        }
        let listings: [[String]] = [
            ["plans"], ["list"], ["show", measure], ["show", measure + ".1"], ["history"], ["history", measure],
            ["workload"], ["units"], ["search", "开店"], ["show", "evil-2026:9" + hostileText], ["list", "--plan", hostileText],
            ["--render-once", "100x30", "--plan", "evil-2026"],
        ]
        for arguments in listings {
            let run = try duban(arguments)
            #expect(!run.output.isEmpty || !run.error.isEmpty, "\(arguments) printed nothing")
            #expect(terminalControls(in: run.data).isEmpty, "\(arguments) printed \(terminalControls(in: run.data))")
            #expect(terminalControls(in: Data(run.error.utf8)).isEmpty, "\(arguments) said \(terminalControls(in: Data(run.error.utf8)))")
            #expect(!run.output.contains("\n2026-11-21 17:30  director"), "\(arguments) shows a forged row")
        }
        // One line per event: the note's line break and `\r` do not make rows of their own.
        let history = try duban(["history"])
        let events = try JSONSerialization.jsonObject(with: try duban(["history", "--json"]).data) as? [Any]
        #expect(history.output.split(separator: "\n").count == events?.count)
        #expect(history.output.contains("done (approved)↵\u{FFFD}31m␡lave 标题"))
        #expect(history.output.contains("note: ␛]0;pwned␇␛]52;c;cHduZWQ=␇␛[2J↵2026-11-21 17:30"))
        #expect(try duban(["show", measure, "--json"]).output.contains("\\u001b]0;pwned\\u0007"))
        // A line feed inside a note is no line of its own in show either.
        #expect(try duban(["note", measure, "进展\n2026-11-21 17:30  director: 已批准"]).status == 0)
        let shown = try duban(["show", measure]).output
        #expect(!shown.contains("\n2026-11-21 17:30  director") && shown.contains("进展↵2026-11-21 17:30  director: 已批准"), "\(shown)")
    }

    @Test("a TERM that curses cannot open is quoted in the one-line error without its control bytes")
    func hostileTerm() throws {
        let run = try DubanProcess.run(["--store", directory.path], environment: ["TERM": "x\u{1B}]0;pwned\u{07}"])
        #expect(run.status == 1)
        #expect(run.error.contains("cannot open the terminal") && run.error.contains("␛]0;pwned␇"), "\(run.error)")
        #expect(terminalControls(in: Data(run.error.utf8)).isEmpty)
    }

    /// (measure id, task id, unit name) of a one-measure plan `x-2026`: each has one thing wrong.
    static let hijackingIds = [("evil-2026:1.1", "x-2026:1.1.1", "区发改委"), ("", "x-2026:1.1.1", "区发改委"), ("../../m", "x-2026:1.1.1", "区发改委"),
                               ("x-2026:1.1\nforged", "x-2026:1.1.1", "区发改委"), (String(repeating: "x", count: 10_000), "x-2026:1.1.1", "区发改委"),
                               ("x-2026:1.2", "x-2026:1.1.1", "区发改委"), ("x-2026:1.1", "evil-2026:1.1.1", "区发改委"),
                               ("x-2026:1.1", "x-2026:1.1.2", "区发改委"), ("x-2026:1.1", "x-2026:1.1.1", "区\u{1B}[2J发改委"),
                               // A C1 control (CSI as one scalar), DEL, a line separator.
                               ("x-2026:1.1", "x-2026:1.1.1", "区\u{9B}2J发改委"), ("x-2026:1.1", "x-2026:1.1.1", "区发改委\u{7F}"),
                               ("x-2026:1.1", "x-2026:1.1.1", "区\u{2028}发改委")]

    @Test("a plan JSON whose measure or task id is not its own place in that plan, or with a control character in a unit name, is refused naming it: exit 2, nothing imported",
          arguments: hijackingIds.indices)
    func hijackingPlanRefused(index: Int) throws {
        let (measureId, taskId, unit) = Self.hijackingIds[index]
        let plan = Plan(id: "x-2026", title: "x", pillars: [Pillar(number: "一", title: "p", measures: [
            Measure(id: measureId, label: "1", title: "t", text: "t", units: [UnitRef(name: unit, role: .lead)],
                    tasks: [PlanTask(id: taskId, title: "t", text: "t")]),
        ])])
        let file = directory.appendingPathComponent("x.json")
        try JSONEncoder().encode(plan).write(to: file)
        let run = try duban(["import", file.path])
        #expect(run.status == 2, "\(run.error)")
        #expect(run.error.split(separator: "\n").count == 1 && run.error.contains("x-2026"), "\(run.error)")
        let offending = [measureId, taskId].first { !["x-2026:1.1", "x-2026:1.1.1"].contains($0) }
        if let offending, !offending.isEmpty { #expect(run.error.contains(String(offending.prefix(20)).replacingOccurrences(of: "\n", with: "\\n")), "\(run.error)") }
        #expect(terminalControls(in: Data(run.error.utf8)).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("plans/x-2026.json").path))
        // evil-2026:1.1 is untouched: one done marks one plan.
        #expect(try duban(["show", measure, "--json"]).output.contains("开店"))
    }

    @Test("a plan JSON with ids at their places imports")
    func positionalIdsImport() throws {
        let plan = Plan(id: "x-2026", title: "x", pillars: [
            Pillar(number: "一", title: "p", measures: [Measure(id: "x-2026:1.1", label: "1", title: "t", text: "t"),
                                                       Measure(id: "x-2026:1.2", label: "2", title: "t", text: "t",
                                                               tasks: [PlanTask(id: "x-2026:1.2.1", title: "t", text: "t")])]),
            Pillar(number: "二", title: "p", measures: [Measure(id: "x-2026:2.1", label: "1", title: "t", text: "t")]),
        ])
        let file = directory.appendingPathComponent("x.json")
        try JSONEncoder().encode(plan).write(to: file)
        let run = try duban(["import", file.path])
        #expect(run.status == 0, "\(run.error)")
    }

    @Test("a report to a file keeps the exact text; the same report to a terminal loses its controls")
    func reportToFileAndTerminal() throws {
        let file = directory.appendingPathComponent("ledger.md")
        #expect(try duban(["report", "--output", file.path]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("开店\u{1B}]0;pwned\u{07}"))
        for format in ["md", "csv"] {
            let terminal = try LedgerCommandTests.inTerminal("report --format \(format) --store \(directory.path)")
            #expect(terminal.output.contains("开店␛]0;pwned␇"))
            // `script` itself writes \r\n line ends; nothing else may be a control.
            let controls = terminalControls(in: Data(terminal.output.replacingOccurrences(of: "\r\n", with: "\n").utf8))
            #expect(controls.isEmpty, "report --format \(format): \(controls)")
        }
    }
}

@Suite("Hostile store: a symlink in the store is never followed")
final class SymlinkStoreTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-symlink-\(UUID().uuidString)")
    var store: URL { directory.appendingPathComponent("store") }
    var victim: URL { directory.appendingPathComponent("victim") }

    deinit { try? FileManager.default.removeItem(at: directory) }

    init() throws {
        let store = try JSONPlanStore.create(at: store, now: Date(timeIntervalSince1970: 1_790_000_000)) { _ in }
        _ = try store.importPlan(Plan(id: "s-2026", title: "t", pillars: [
            Pillar(number: "一", title: "p", measures: [
                Measure(id: "s-2026:1.1", label: "", title: "m", text: "m", units: [], deadline: nil, tasks: []),
            ]),
        ]))
        try store.compact()
        try Data("victim's own text\n".utf8).write(to: victim)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: victim.path)
    }

    func plant(_ file: String) throws {
        let path = store.appendingPathComponent(file).path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim.path)
    }

    func expectVictimUntouched() throws {
        #expect(try String(contentsOf: victim, encoding: .utf8) == "victim's own text\n")
        let modified = try FileManager.default.attributesOfItem(atPath: victim.path)[.modificationDate] as? Date
        #expect(modified == Date(timeIntervalSince1970: 1_700_000_000))
    }

    func duban(_ arguments: String...) throws -> DubanProcess.Run {
        try DubanProcess.run(arguments + ["--store", store.path, "--as", "wang"])
    }

    @Test("a symlink as the journal, the lock or a plan file: one line naming it, exit 1, the victim untouched",
          arguments: ["journal.jsonl", "lock", "plans/s-2026.json"])
    func refused(file: String) throws {
        try plant(file)
        for run in [try duban("list"), try duban("done", "s-2026:1.1")] {
            #expect(run.status == 1)
            #expect(run.error.contains(file) && run.error.contains("symbolic link"), "\(run.error)")
        }
        try expectVictimUntouched()
    }

    @Test("a symlink as the snapshot or an index is a cache passed over and rebuilt; the victim untouched",
          arguments: ["snapshot.json", "index/s-2026.jsonl"])
    func cacheRebuilt(file: String) throws {
        try plant(file)
        #expect(try duban("done", "s-2026:1.1").status == 0)
        #expect(try duban("list").output.contains("done"))
        #expect(try duban("compact").status == 0)
        try expectVictimUntouched()
    }

    @Test("a torn journal tail with journal.jsonl.rejected a symlink: refused naming it, the victim untouched")
    func rejected() throws {
        try plant("journal.jsonl.rejected")
        let handle = try FileHandle(forWritingTo: store.appendingPathComponent("journal.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data("{\"torn".utf8))
        try handle.close()
        let run = try duban("list")
        #expect(run.status == 1 && run.error.contains("journal.jsonl.rejected"), "\(run.error)")
        try expectVictimUntouched()
    }
}

extension SymlinkStoreTests {
    @Test("a store directory that is a symlink or writable by everyone is refused in one line naming it")
    func storeDirectory() throws {
        let link = directory.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: store.path)
        let linked = try DubanProcess.run(["list", "--store", link.path])
        #expect(linked.status == 1 && linked.error.contains("symbolic link"), "\(linked.error)")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: store.path)
        let open = try duban("list")
        #expect(open.status == 1 && open.error.contains("writable by everyone"), "\(open.error)")
        try expectVictimUntouched()
    }

    @Test("plans/ or index/ a symlink to another directory: one line naming it, exit 1, nothing written there",
          arguments: ["plans", "index"])
    func linkedDirectory(name: String) throws {
        let elsewhere = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = store.appendingPathComponent(name)
        try FileManager.default.moveItem(at: link, to: elsewhere.appendingPathComponent(name))
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: elsewhere.appendingPathComponent(name).path)
        let before = try FileManager.default.subpathsOfDirectory(atPath: elsewhere.path).sorted()
        let plan = directory.appendingPathComponent("t-2026.json")
        try JSONEncoder().encode(Plan(id: "t-2026", title: "t", pillars: [Pillar(number: "一", title: "p", measures: [
            Measure(id: "t-2026:1.1", label: "", title: "m", text: "m")])])).write(to: plan)
        for run in [try duban("list"), try duban("done", "s-2026:1.1"), try duban("import", plan.path)] {
            #expect(run.status == 1 && run.error.contains(name) && run.error.contains("symbolic link"), "\(run.error)")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: elsewhere.path).sorted() == before)
    }
}
