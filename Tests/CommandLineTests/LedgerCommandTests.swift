import Foundation
import PlanModel
import PlanStore
import Testing

/// `duban report` (the 督办台账), `list --light` and DUBAN_TODAY on the bundled
/// jinshan-2026 plan (30 measures, 16 of them with 区发改委) with marks and notes.
@Suite("Ledger on the command line")
final class LedgerCommandTests {
    let directory: URL
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/duban/Samples/jinshan-2026.txt")

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// On 2026-07-01: 1.1 due 06-20 (red) with a May and a June note, 1.2 due 07-10 (yellow), 1.3 done,
    /// 1.7 blocked with its reason, 2.1 with a note whose control characters must not reach a terminal.
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-ledger-\(UUID().uuidString)")
        let imported = try DubanProcess.run(["import", Self.sample.path, "--store", directory.path])
        #expect(imported.status == 0, "\(imported.error)")
        let store = try JSONPlanStore.open(at: directory) { _ in }
        func at(_ time: String, _ officer: String = "wang") -> EventFactory {
            EventFactory(officer: officer, time: Event.parseTime(time)!)
        }
        var workspace = try store.load()
        var events: [Event] = []
        func add(_ event: Event?) {
            guard let event else { return }
            workspace.apply(event)
            events.append(event)
        }
        add(try at("2026-05-10T02:00:00Z").due(Day("2026-06-20"), of: "jinshan-2026:1.1", in: workspace))
        add(try at("2026-05-10T02:00:00Z").note("五月已召开推进会", on: "jinshan-2026:1.1", in: workspace))
        add(try at("2026-06-20T02:00:00Z", "li").note("六月完成政策梳理", on: "jinshan-2026:1.1.1", in: workspace))
        add(try at("2026-05-10T02:00:00Z").due(Day("2026-07-10"), of: "jinshan-2026:1.2", in: workspace))
        add(try at("2026-06-25T02:00:00Z").status(.done, of: "jinshan-2026:1.3", in: workspace, force: true))
        add(try at("2026-06-28T02:00:00Z").status(.blocked, of: "jinshan-2026:1.7", in: workspace))
        add(try at("2026-06-28T02:00:00Z").note("=资金未到位", on: "jinshan-2026:1.7", in: workspace))
        add(try at("2026-06-29T02:00:00Z").note("标题\u{1B}]0;x\u{07}已协调", on: "jinshan-2026:2.1", in: workspace))
        try store.record(events)
    }

    func duban(_ arguments: String..., today: String = "2026-07-01", language: String = "zh_CN.UTF-8") throws -> DubanProcess.Run {
        try DubanProcess.run(arguments + ["--store", directory.path, "--as", "王"],
                             environment: ["DUBAN_TODAY": today, "LANG": language, "LC_ALL": ""])
    }

    /// The data lines of a CSV ledger (after the header).
    static func csvRows(_ run: DubanProcess.Run) -> [String] {
        Array(run.output.dropFirst().components(separatedBy: "\r\n").dropFirst().dropLast())
    }

    @Test("`duban report` is the ledger in Markdown, in Chinese under a Chinese LANG: heading, maker, summary, 30 rows")
    func markdownByDefault() throws {
        let run = try duban("report")
        #expect(run.status == 0 && run.error.isEmpty, "\(run.error)")
        let lines = run.output.components(separatedBy: "\n")
        #expect(lines[0] == "# 金山区加快打造一流营商环境行动方案(2026年)督办台账")
        #expect(lines[2] == "日期：2026-07-01　制表：王")
        #expect(lines[4] == "共 30 项：已完成 1，进行中 0，受阻 1，逾期 1；红灯 2 黄灯 1 绿灯 1")
        #expect(lines.filter { $0.hasPrefix("| jinshan-2026:") }.count == 30)
        #expect(run.output.contains("| jinshan-2026:1.1 (一) | 拓展“一件事”集成服务 |  | 区生态环境局、"))
        #expect(run.output.contains("| 2026-06-20 | 待办 | 红 | 100% | 0% | 逾期 11 天 | 2026-06-20 li：六月完成政策梳理<br>2026-05-10 wang：五月已召开推进会 |  |"))
        #expect(try duban("report", "--lang", "en").output.hasPrefix("# Ledger: 金山区加快打造"))
        #expect(try duban("report", language: "en_US.UTF-8").output.contains("| No. | Measure | Lead unit |"))
    }

    @Test("CSV: the ledger only, BOM and CRLF, the twelve columns, 30 rows; JSON: 30 rows with lights")
    func csvAndJSON() throws {
        let csv = try duban("report", "--ledger", "--format", "csv")
        #expect(Array(csv.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.output.dropFirst().hasPrefix("序号,措施,牵头单位,配合/责任单位,完成时限,状态,灯,序时进度,实际进度,逾期天数/剩余天数,进展情况,受阻原因\r\n"))
        #expect(Self.csvRows(csv).count == 30)
        #expect(Self.csvRows(csv).contains { $0.hasPrefix("jinshan-2026:1.7 (七),") && $0.hasSuffix(",受阻,红,,0%,,2026-06-28 wang：=资金未到位,'=资金未到位") })
        let json = try duban("report", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 30)
        #expect(rows.map { $0["light"] as? String }.prefix(3) == ["red", "yellow", "green"])
    }

    @Test("XLSX goes to a file (the same bytes as to a pipe), and never to a terminal")
    func xlsx() throws {
        let file = directory.appendingPathComponent("台账.xlsx")
        let written = try duban("report", "--format", "xlsx", "--output", file.path)
        #expect(written.status == 0 && written.output.isEmpty)
        let bytes = try Data(contentsOf: file)
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip package")
        #expect(try duban("report", "--format", "xlsx").data == bytes)
        let terminal = try Self.inTerminal("report --format xlsx --store \(directory.path)")
        #expect(terminal.status == 2)
        #expect(terminal.output.contains("duban: an xlsx file is binary: give --output FILE or redirect standard output"))
    }

    @Test("--unit keeps the unit's measures under any spelling; an unknown unit names the closest, exit 1")
    func unit() throws {
        #expect(Self.csvRows(try duban("report", "--format", "csv", "--unit", "发改委")).count == 16)
        #expect(Self.csvRows(try duban("report", "--format", "csv", "--unit", "金山区发改委")).count == 16)
        let unknown = try duban("report", "--unit", "发展委")
        #expect(unknown.status == 1 && unknown.output.isEmpty)
        #expect(unknown.error == "duban: no unit '发展委' in the plans; closest: 区发改委\n")
    }

    @Test("--since keeps the notes of the period and says what changed")
    func since() throws {
        let run = try duban("report", "--since", "2026-06-01")
        #expect(run.output.contains("2026-06-20 li：六月完成政策梳理"))
        #expect(!run.output.contains("五月已召开推进会"))
        #expect(run.output.contains("2026-06-01 以来：完成 1 项（jinshan-2026:1.3），新增受阻 1 项（jinshan-2026:1.7），新增逾期 1 项（jinshan-2026:1.1）"))
    }

    @Test("bad input is one line and exit 2; an unwritable output is one line, exit 1, and leaves no file")
    func failures() throws {
        for (arguments, today) in [(["report", "--since", "2026-6-1"], "2026-07-01"), (["report"], "July 1"),
                                   (["list"], "2026-02-30"), (["plans"], "yesterday"), (["report", "--lang", "fr"], "2026-07-01"),
                                   (["--render-once", "80x24"], "2026-13-01")] {
            let run = try DubanProcess.run(arguments + ["--store", directory.path], environment: ["DUBAN_TODAY": today])
            #expect(run.status == 2, "\(arguments) \(today)")
            #expect(run.error.hasPrefix("duban: ") && run.error.filter { $0 == "\n" }.count == 1, "\(run.error)")
            #expect(run.output.isEmpty)
        }
        #expect(try DubanProcess.run(["list", "--store", directory.path], environment: ["DUBAN_TODAY": "July"]).error
                == "duban: DUBAN_TODAY must be YYYY-MM-DD, not 'July'\n")
        let blocker = directory.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: blocker)
        let target = blocker.appendingPathComponent("ledger.csv")
        let run = try duban("report", "--format", "csv", "--output", target.path)
        #expect(run.status == 1)
        #expect(run.error.hasPrefix("duban: \(target.path): cannot write the report") && run.error.filter { $0 == "\n" }.count == 1)
        let onADirectory = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: onADirectory, withIntermediateDirectories: false)
        let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(try duban("report", "--format", "xlsx", "--output", onADirectory.path).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before, "no temporary file left")
    }

    @Test("list --light and list/show --json carry the light, both fractions and the days")
    func listAndShow() throws {
        #expect(try duban("list", "--light", "red").output.rows.split(separator: "\n").map { $0.prefix(16) }
                == ["jinshan-2026:1.1", "jinshan-2026:1.7"])
        #expect(try duban("list", "--light", "yellow").output.rows.hasPrefix("jinshan-2026:1.2 "))
        let list = try duban("list", "--light", "red", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: list.data) as? [[String: Any]])
        #expect(rows.first?["light"] as? String == "red")
        #expect(rows.first?["daysLate"] as? Int == 11)
        #expect(rows.first?["daysLeft"] is NSNull)
        #expect(rows.first?["actual"] as? Double == 0)
        let show = try duban("show", "jinshan-2026:1.2", "--json")
        let item = try #require(try JSONSerialization.jsonObject(with: show.data) as? [String: Any])
        #expect(item["light"] as? String == "yellow" && item["daysLeft"] as? Int == 9)
        #expect((item["expected"] as? Double).map { $0 > 0.9 } == true)
        #expect(try duban("show", "jinshan-2026:1.2").output.contains("黄灯，序时进度 95%，实际进度 0%，剩 9 天"))
        #expect(try duban("list", "--light", "red", today: "2026-06-01").output.rows.split(separator: "\n").count == 1,
                "DUBAN_TODAY moves the day: on 2026-06-01 1.1 is not yet late")
    }

    @Test("the per-unit table stays available as `duban workload --format csv`, district by name")
    func workloadCSV() throws {
        let run = try duban("workload", "--format", "csv")
        let lines = run.output.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[0] == "责任单位,区,总数,已完成,进行中,受阻,待办,未完成,逾期,牵头")
        #expect(lines.contains("区发改委,金山区,16,0,0,1,15,16,0,0"))
    }

    @Test("plan text sent to a terminal loses its control characters; a report to a pipe is exact")
    func sanitised() throws {
        #expect(try duban("report").output.contains("标题\u{1B}]0;x\u{07}已协调"))
        let terminal = try Self.inTerminal("show jinshan-2026:2.1 --store \(directory.path)")
        #expect(terminal.output.contains("标题␛]0;x␇已协调"))
        #expect(!terminal.output.contains("\u{1B}]0;"))
    }

    /// Runs `duban ARGUMENTS` with a terminal as its standard output (util-linux `script`).
    static func inTerminal(_ arguments: String) throws -> DubanProcess.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(DubanProcess.binary.path) \(arguments)", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["DUBAN_TODAY"] = "2026-07-01"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return DubanProcess.Run(status: process.terminationStatus, data: data, error: "")
    }
}
