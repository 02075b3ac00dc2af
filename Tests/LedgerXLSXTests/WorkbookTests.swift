import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LedgerXLSX
import PlanModel
import Testing
import ZIPFoundation

@Suite("LedgerXLSX: the ledger as an Excel workbook")
struct WorkbookTests {
    /// Two measures on 2026-07-01: a formula-looking title overdue (red), a done one (green); a note with a control character.
    static let report: Report = {
        let june = Deadline(text: "6月底前", date: Day(year: 2026, month: 6, day: 30))
        var workspace = Workspace(plans: [Plan(id: "jinshan-2026", title: "金山区行动方案", district: "金山区", year: 2026,
                                               date: Day(year: 2026, month: 1, day: 1), pillars: [
            Pillar(number: "一", title: "政务", measures: [
                Measure(id: "jinshan-2026:1.1", label: "（一）", title: "=SUM(A1:A9)", text: "",
                        units: [UnitRef(name: "区发改委", role: .lead), UnitRef(name: "区经委", role: .support)], deadline: june),
                Measure(id: "jinshan-2026:1.2", label: "（二）", title: "优化<智慧>&好办", text: "",
                        units: [UnitRef(name: "区经委", role: .responsible)], deadline: june),
            ]),
        ])])
        workspace.apply(Event(id: "e1", time: Event.parseTime("2026-06-20T02:00:00Z")!, officer: "wang",
                              target: "jinshan-2026:1.1", change: .note("已召开\u{1B}推进会\n第二行")))
        workspace.apply(Event(id: "e2", time: Event.parseTime("2026-06-25T02:00:00Z")!, officer: "li",
                              target: "jinshan-2026:1.2", change: .status(.done, previous: nil, force: false)))
        return Report(workspace: workspace, directory: UnitDirectory(), today: Day(year: 2026, month: 7, day: 1)!,
                      options: .init(language: .zh, officer: "王", utcOffset: 8 * 3600))
    }()

    /// Cell reference → (style, type, text) of one worksheet part.
    final class Cells: NSObject, XMLParserDelegate {
        struct Cell: Equatable { var style: String?; var type: String?; var text: String }
        var cells: [String: Cell] = [:]
        var elements: [String] = []
        private var current: String?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(name)
            if name == "c", let reference = attributes["r"] {
                current = reference
                text = ""
                cells[reference] = Cell(style: attributes["s"], type: attributes["t"], text: "")
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "c", let current {
                cells[current]?.text = text
                self.current = nil
            }
        }
    }

    static func parts(of data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    static func parse(_ data: Data) -> (ok: Bool, cells: Cells) {
        let parser = XMLParser(data: data)
        let cells = Cells()
        parser.delegate = cells
        return (parser.parse(), cells)
    }

    @Test("the package holds the parts Excel needs, each well-formed XML")
    func wellFormed() throws {
        let parts = try Self.parts(of: Self.report.xlsx())
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                                    "xl/worksheets/sheet3.xml"])
        for (path, data) in parts {
            #expect(Self.parse(data).ok, "\(path) is not well-formed")
        }
        let workbook = String(decoding: try #require(parts["xl/workbook.xml"]), as: UTF8.self)
        #expect(workbook.contains(#"<sheet name="台账" sheetId="1""#) && workbook.contains(#"<sheet name="责任单位""#)
                && workbook.contains(#"<sheet name="逾期""#))
    }

    @Test("台账: title above a frozen header, formula-looking and escaped text as text cells, the light filled, notes wrapped")
    func ledgerSheet() throws {
        let parts = try Self.parts(of: Self.report.xlsx())
        let xml = try #require(parts["xl/worksheets/sheet1.xml"])
        let cells = Self.parse(xml).cells.cells
        #expect(cells["A1"]?.text == "金山区行动方案督办台账")
        #expect(cells["A3"]?.text == "共 2 项：已完成 1，进行中 0，受阻 0，逾期 1；红灯 1 黄灯 0 绿灯 1")
        #expect((["A4", "B4", "G4", "K4"] as [String]).map { cells[$0]?.text } == ["序号", "措施", "灯", "进展情况"])
        let sheet = String(decoding: xml, as: UTF8.self)
        #expect(sheet.contains(#"<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>"#))
        #expect(cells["B5"] == .init(style: "2", type: "inlineStr", text: "=SUM(A1:A9)"))
        #expect(!sheet.contains("<f>"), "no formula anywhere")
        #expect(cells["B6"]?.text == "优化<智慧>&好办")
        #expect(cells["G5"] == .init(style: "3", type: "inlineStr", text: "红"))
        #expect(cells["G6"] == .init(style: "5", type: "inlineStr", text: "绿"))
        #expect(cells["H5"] == .init(style: "7", type: nil, text: "1"))
        #expect(cells["K5"] == .init(style: "2", type: "inlineStr", text: "2026-06-20 wang：已召开推进会\n第二行"),
                "the escape character XML cannot carry is dropped")
    }

    @Test("columns are fitted to CJK text in display columns, capped for long text")
    func widths() {
        let sheet = Self.report.workbookSheets[0]
        // 序号 "jinshan-2026:1.1 （一）" is 16 + 1 + 6 = 23 columns wide; capped at 20.
        #expect(sheet.columnWidths[0] == 20)
        // 牵头单位: the header (8 columns) is wider than 区发改委 (8): 8 + 2.
        #expect(sheet.columnWidths[2] == 10)
        // 进展情况: the longest line of the note, `2026-06-20 wang：已召开推进会` = 10 + 1 + 4 + 2 + 12, + 2.
        #expect(sheet.columnWidths[10] == 31)
    }

    @Test("责任单位 lists the units with open measures and the district's name; 逾期 the overdue measures")
    func otherSheets() throws {
        let parts = try Self.parts(of: Self.report.xlsx())
        let units = Self.parse(try #require(parts["xl/worksheets/sheet2.xml"])).cells.cells
        #expect(units["A1"]?.text == "责任单位" && units["B2"]?.text == "金山区")
        // Equal open load and overdue: by name.
        #expect(units["A2"]?.text == "区发改委" && units["A3"]?.text == "区经委")
        #expect(units["C3"] == .init(style: nil, type: nil, text: "2"), "区经委 takes part in two measures, a number cell")
        let overdue = Self.parse(try #require(parts["xl/worksheets/sheet3.xml"])).cells.cells
        #expect(overdue["A1"]?.text == "序号" && overdue["A2"]?.text == "jinshan-2026:1.1 （一）")
        #expect(overdue["A3"] == nil)
    }

    @Test("the same ledger gives the same bytes")
    func reproducible() throws {
        #expect(Self.report.xlsx() == Self.report.xlsx())
    }

    /// A python3 that has openpyxl (Debian's python3-openpyxl), if any.
    static let python: String? = ["/usr/bin/env python3", "/usr/bin/python3"].first { command in
        let process = Process()
        let words = command.split(separator: " ").map(String.init)
        process.executableURL = URL(fileURLWithPath: words[0])
        process.arguments = Array(words.dropFirst()) + ["-c", "import openpyxl"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test("openpyxl reads it back: sheet names, header row, a red fill, a formula-looking title kept as text",
          .enabled(if: python != nil, "python3 with openpyxl not found (apt-get install python3-openpyxl); read-back skipped"))
    func openpyxl() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.report.xlsx().write(to: file)
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["台账"]
        print(json.dumps({"sheets": wb.sheetnames, "header": [c.value for c in ws[4]], "frozen": ws.freeze_panes,
                          "fill": ws["G5"].fill.fgColor.rgb, "title": ws["B5"].value, "type": ws["B5"].data_type,
                          "expected": ws["H5"].value, "wrap": ws["K5"].alignment.wrap_text}, ensure_ascii=False))
        """
        let words = try #require(Self.python).split(separator: " ").map(String.init)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: words[0])
        process.arguments = Array(words.dropFirst()) + ["-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let result = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(result["sheets"] as? [String] == ["台账", "责任单位", "逾期"])
        #expect(result["header"] as? [String] == ["序号", "措施", "牵头单位", "配合/责任单位", "完成时限", "状态", "灯",
                                                 "序时进度", "实际进度", "逾期天数/剩余天数", "进展情况", "受阻原因"])
        #expect(result["frozen"] as? String == "A5")
        #expect(result["fill"] as? String == "FFFF0000")
        #expect(result["title"] as? String == "=SUM(A1:A9)")
        #expect(result["type"] as? String == "s")
        #expect(result["expected"] as? Double == 1)
        #expect(result["wrap"] as? Bool == true)
    }
}
