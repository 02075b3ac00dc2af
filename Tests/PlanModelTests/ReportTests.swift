import Foundation
import Testing
@testable import PlanModel

@Suite("Report: the 督办台账 as md, csv and json")
struct ReportTests {
    let today = Day(year: 2026, month: 7, day: 1)!

    /// Three measures on 2026-07-01: 1.1 overdue with two notes, 1.2 done, 1.3 blocked with its reason.
    static var workspace: Workspace {
        let june = Deadline(text: "6月底前", date: Day(year: 2026, month: 6, day: 30))
        var workspace = Workspace(plans: [Plan(id: "jinshan-2026", title: "金山区行动方案", district: "金山区", year: 2026,
                                               date: Day(year: 2026, month: 1, day: 1), pillars: [
            Pillar(number: "一", title: "政务服务", measures: [
                Measure(id: "jinshan-2026:1.1", label: "（一）", title: "=HYPERLINK(\"x\")", text: "",
                        units: [UnitRef(name: "区发改委", role: .lead), UnitRef(name: "区经委", role: .support)],
                        deadline: june, tasks: [PlanTask(id: "jinshan-2026:1.1.1", title: "梳理", text: "")]),
                Measure(id: "jinshan-2026:1.2", label: "（二）", title: "优化|智慧\"好办\"", text: "",
                        units: [UnitRef(name: "区经委", role: .responsible)], deadline: june),
                Measure(id: "jinshan-2026:1.3", label: "（三）", title: "走出去", text: "",
                        units: [UnitRef(name: "区司法局", role: .responsible)]),
            ]),
        ])])
        let events: [(String, Change, String, String)] = [
            ("jinshan-2026:1.1", .note("已召开推进会"), "2026-05-10T02:00:00Z", "wang"),
            ("jinshan-2026:1.1.1", .note("完成梳理,待审"), "2026-06-20T02:00:00Z", "li"),
            ("jinshan-2026:1.2", .status(.done, previous: nil, force: false), "2026-06-25T02:00:00Z", "li"),
            ("jinshan-2026:1.3", .note("早先的备注"), "2026-06-01T02:00:00Z", "wang"),
            ("jinshan-2026:1.3", .status(.blocked, previous: nil, force: false), "2026-06-28T02:00:00Z", "wang"),
            ("jinshan-2026:1.3", .note("资金未到位"), "2026-06-28T02:00:00Z", "wang"),
        ]
        for (index, (target, change, time, officer)) in events.enumerated() {
            workspace.apply(Event(id: "e\(index)", time: Event.parseTime(time)!, officer: officer, target: target, change: change))
        }
        return workspace
    }

    func report(_ language: Language = .en, unit: String? = nil, since: Day? = nil, allUnits: Bool = false) -> Report {
        let directory = UnitDirectory()
        return Report(workspace: Self.workspace, directory: directory, today: today, options: Report.Options(
            unit: unit.map { UnitMatch($0, directory: directory) }, since: since, allUnits: allUnits, language: language,
            officer: "王", utcOffset: 8 * 3600))
    }

    @Test("CSV fields are quoted per RFC 4180 and formula cells neutralised", arguments: [
        ("区发改委", "区发改委"),
        ("a,b", "\"a,b\""),
        ("说\"好\"", "\"说\"\"好\"\"\""),
        ("两\n行", "\"两\n行\""),
        ("=1+2", "'=1+2"),
        ("+86", "'+86"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\r\nx", "\"'\r\nx\""),
        ("=a,b", "\"'=a,b\""),
        // A quote with a combining mark after it is still doubled (a Character compare would pass over it).
        ("a,\"\u{0301}b", "\"a,\"\"\u{0301}b\""),
    ])
    func csvField(cell: String, expected: String) {
        #expect(CSV.field(cell) == expected)
    }

    @Test("one row per measure with lead, others, due, status, light, 序时进度, actual, days, notes newest first and the block reason")
    func rows() {
        let rows = report(.zh).rows
        #expect(rows.map(\.id) == ["jinshan-2026:1.1", "jinshan-2026:1.2", "jinshan-2026:1.3"])
        let cells = rows.map(report(.zh).cells)
        #expect(cells[0] == ["jinshan-2026:1.1 （一）", "=HYPERLINK(\"x\")", "区发改委", "区经委", "2026-06-30", "待办", "红",
                             "100%", "0%", "逾期 1 天", "2026-06-20 li：完成梳理,待审\n2026-05-10 wang：已召开推进会", ""])
        #expect(cells[1][5...9] == ["已完成", "绿", "100%", "100%", ""])
        #expect(cells[2][4...7] == ["", "受阻", "红", ""])
        #expect(cells[2][11] == "资金未到位")
    }

    @Test("the CSV is the ledger only: BOM, CRLF, the header and one line per measure, formula-safe")
    func csvFile() {
        let csv = report(.zh).rendered(as: .csv)
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.hasSuffix("\r\n"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[0] == "序号,措施,牵头单位,配合/责任单位,完成时限,状态,灯,序时进度,实际进度,逾期天数/剩余天数,进展情况,受阻原因")
        #expect(lines[1].hasPrefix("jinshan-2026:1.1 （一）,\"'=HYPERLINK(\"\"x\"\")\",区发改委,区经委,2026-06-30,待办,红,100%,0%,逾期 1 天,"))
        #expect(!csv.contains("Unit,District"), "the per-unit table is not stacked under the ledger")
        let english = report(.en).rendered(as: .csv).dropFirst().components(separatedBy: "\r\n")
        #expect(english[0] == "No.,Measure,Lead unit,Supporting / responsible units,Due,Status,Light,Expected,Actual,Days late / left,Progress,Blocked because")
    }

    @Test("the Markdown ledger: heading, date and maker, the summary line, then the table with escaped cells")
    func markdown() {
        let md = report(.zh).rendered(as: .md)
        let lines = md.components(separatedBy: "\n")
        #expect(lines[0] == "# 金山区行动方案督办台账")
        #expect(lines[2] == "日期：2026-07-01　制表：王")
        #expect(lines[4] == "共 3 项：已完成 1，进行中 0，受阻 1，逾期 1；红灯 2 黄灯 0 绿灯 1")
        #expect(lines[6].hasPrefix("| 序号 | 措施 | 牵头单位 |"))
        #expect(md.contains("| jinshan-2026:1.2 （二） | 优化\\|智慧\"好办\" | "))
        #expect(md.contains("| 2026-06-20 li：完成梳理,待审<br>2026-05-10 wang：已召开推进会 |"))
        #expect(report(.en).rendered(as: .md).contains("3 measures: 1 done, 0 doing, 1 blocked, 1 overdue; 2 red, 0 yellow, 1 green"))
    }

    @Test("the JSON ledger carries every row with its light and fractions, the summary and the units")
    func json() throws {
        let data = Data(report().rendered(as: .json).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["today"] as? String == "2026-07-01")
        #expect(object["madeBy"] as? String == "王")
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows[0]["light"] as? String == "red")
        #expect(rows[0]["daysLate"] as? Int == 1)
        #expect(rows[0]["expected"] as? Double == 1)
        #expect(rows[2]["blockedBecause"] as? String == "资金未到位")
        #expect(rows[1]["blockedBecause"] is NSNull)
        #expect((object["summary"] as? [String: Any])?["red"] as? Int == 2)
        #expect(object["period"] is NSNull)
    }

    @Test("--unit keeps the measures the unit takes part in, under any spelling, and its row of the unit table")
    func unitFilter() {
        let ledger = report(unit: "经委")
        #expect(ledger.rows.map(\.id) == ["jinshan-2026:1.1", "jinshan-2026:1.2"])
        #expect(ledger.units.map(\.unit.name) == ["区经委"])
        #expect(report(unit: "区发展和改革委员会").rows.map(\.id) == ["jinshan-2026:1.1"])
        #expect(report(.zh, unit: "经委").byline == "日期：2026-07-01　制表：王　责任单位：经委")
    }

    @Test("a unit is matched with its district's name in front (金山区发改委)")
    func districtPrefix() {
        let directory = UnitDirectory()
        let match = UnitMatch("金山区发改委", directory: directory, districts: ["金山区"])
        #expect(match.matches("区发改委"))
        #expect(!match.matches("区经委"))
        #expect(UnitMatch("发改", directory: directory).closest(among: ["区经委", "区发改委", "区司法局"]) == ["区发改委"])
    }

    @Test("--since keeps the notes of the period and says what changed in it")
    func since() throws {
        let ledger = report(.zh, since: Day(year: 2026, month: 6, day: 15))
        #expect(ledger.rows[0].notes.map(\.text) == ["完成梳理,待审"])
        #expect(ledger.rows[2].notes.map(\.text) == ["资金未到位"])
        let period = try #require(ledger.period)
        #expect(period.done == ["jinshan-2026:1.2"] && period.blocked == ["jinshan-2026:1.3"])
        #expect(period.overdue == ["jinshan-2026:1.1"])
        #expect(ledger.rendered(as: .md).contains(
            "2026-06-15 以来：完成 1 项（jinshan-2026:1.2），新增受阻 1 项（jinshan-2026:1.3），新增逾期 1 项（jinshan-2026:1.1）"))
        let none = report(since: Day(year: 2026, month: 7, day: 1))
        #expect(none.rows.allSatisfy { $0.notes.isEmpty })
    }

    @Test("the unit table names the district as the plans do and leaves out units with nothing open unless asked")
    func unitTable() {
        let ledger = report(.zh)
        #expect(ledger.units.map(\.unit.name) == ["区发改委", "区经委", "区司法局"])
        #expect(Report.unitCells(ledger.units[1], districts: ledger.districts) == ["区经委", "金山区", "2", "1", "0", "0", "1", "1", "1", "0"])
        #expect(Report.unitHeader(in: .zh) == ["责任单位", "区", "总数", "已完成", "进行中", "受阻", "待办", "未完成", "逾期", "牵头"])
        let withoutOpen = Report(workspace: Self.workspace, directory: UnitDirectory(), today: today,
                                 options: .init(unit: UnitMatch("经委", directory: UnitDirectory())))
        #expect(withoutOpen.units.count == 1)
        var done = Self.workspace
        done.apply(Event(id: "x", time: Date(timeIntervalSince1970: 1_780_000_000), officer: "li", target: "jinshan-2026:1.3",
                         change: .status(.done, previous: .blocked, force: false)))
        #expect(Report(workspace: done, directory: UnitDirectory(), today: today).units.map(\.unit.name) == ["区发改委", "区经委"])
        #expect(Report(workspace: done, directory: UnitDirectory(), today: today, options: .init(allUnits: true)).units.count == 3)
    }

    @Test("the overdue list is oldest first and leaves out done measures")
    func overdue() {
        #expect(report().overdue.map(\.id) == ["jinshan-2026:1.1"])
    }

    @Test("a ledger of chosen measures (what a filtered screen shows) counts only them")
    func chosenMeasures() {
        let ledger = Report(workspace: Self.workspace, directory: UnitDirectory(), today: today,
                            options: .init(measures: ["jinshan-2026:1.3", "jinshan-2026:1.1"]))
        #expect(ledger.rows.map(\.id) == ["jinshan-2026:1.1", "jinshan-2026:1.3"])
        #expect(ledger.summary.total == 2 && ledger.summary.red == 2)
    }

    @Test("a report for one plan leaves the others out")
    func planFilter() {
        let ledger = Report(workspace: Self.workspace, directory: UnitDirectory(), today: today, options: .init(plans: ["jiading-2026"]))
        #expect(ledger.plans.isEmpty && ledger.units.isEmpty && ledger.rows.isEmpty && ledger.summary.total == 0)
    }
}
