import Foundation
import Testing
@testable import PlanModel

@Suite("Report: units, overdue measures and pillar progress as md, csv, json")
struct ReportTests {
    let today = Day(year: 2026, month: 7, day: 1)!

    var workspace: Workspace {
        let june = Deadline(text: "6月底前", date: Day(year: 2026, month: 6, day: 30))
        var workspace = Workspace(plans: [Plan(id: "jinshan-2026", title: "金山", district: "金山区", pillars: [
            Pillar(number: "一", title: "政务|服务", measures: [
                Measure(id: "jinshan-2026:1.1", label: "（一）", title: "=HYPERLINK(\"x\")", text: "",
                        units: [UnitRef(name: "区发改委", role: .lead), UnitRef(name: "区经委", role: .support)],
                        deadline: june),
                Measure(id: "jinshan-2026:1.2", label: "（二）", title: "优化, \"智慧\"好办", text: "",
                        units: [UnitRef(name: "区经委", role: .responsible)]),
            ]),
        ])])
        workspace.apply(Event(id: "e1", time: Date(timeIntervalSince1970: 0), officer: "wang",
                              target: "jinshan-2026:1.2", change: .status(.done, previous: nil, force: false)))
        return workspace
    }

    var report: Report { Report(workspace: workspace, directory: UnitDirectory(), today: today) }

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
    ])
    func csvField(cell: String, expected: String) {
        #expect(Report.csvField(cell) == expected)
    }

    @Test("the CSV starts with a UTF-8 byte-order mark and ends lines with CRLF")
    func csvFile() {
        let csv = report.rendered(as: .csv)
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[0] == "Unit,District,Total,Done,Doing,Blocked,Todo,Open,Overdue,Led")
        // Equal open load and overdue: by name.
        #expect(lines[1] == "区发改委,jinshan,1,0,0,0,1,1,1,1")
        #expect(lines[2] == "区经委,jinshan,2,1,0,0,1,1,1,0")
        #expect(lines.contains("jinshan-2026:1.1,\"'=HYPERLINK(\"\"x\"\")\",2026-06-30,1,todo,区发改委、区经委"))
        #expect(lines.contains("jinshan-2026,一,政务|服务,2,1,0,0,1,50"))
    }

    @Test("the Markdown report has the three tables with escaped cells")
    func markdown() {
        let md = report.rendered(as: .md)
        #expect(md.hasPrefix("# Workload report 2026-07-01\n"))
        #expect(md.contains("| 区经委 | jinshan | 2 | 1 | 0 | 0 | 1 | 1 | 1 | 0 |"))
        #expect(md.contains("## Overdue measures"))
        #expect(md.contains("| jinshan-2026:1.1 | =HYPERLINK(\"x\") | 2026-06-30 | 1 | todo | 区发改委、区经委 |"))
        #expect(md.contains("| jinshan-2026 | 一 | 政务\\|服务 | 2 | 1 | 0 | 0 | 1 | 50 |"))
    }

    @Test("the JSON report round-trips through a JSON parser with its figures")
    func json() throws {
        let data = Data(report.rendered(as: .json).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["today"] as? String == "2026-07-01")
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.last?["unit"] as? String == "区经委")
        #expect(units.last?["total"] as? Int == 2)
        #expect(units.last?["open"] as? Int == 1)
        let overdue = try #require(object["overdue"] as? [[String: Any]])
        #expect(overdue.map { $0["measureId"] as? String } == ["jinshan-2026:1.1"])
        #expect(overdue.first?["daysLate"] as? Int == 1)
    }

    @Test("a report for one plan leaves the others out")
    func planFilter() {
        let report = Report(workspace: workspace, directory: UnitDirectory(), today: today, plans: ["jiading-2026"])
        #expect(report.plans.isEmpty && report.units.isEmpty && report.overdue.isEmpty && report.pillars.isEmpty)
    }
}
