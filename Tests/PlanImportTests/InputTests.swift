import Foundation
import Testing
import PlanImport
import PlanModel

@Suite("Importer: bad and unusual input")
struct InputTests {
    let plain = """
    某某区优化营商环境行动方案（2026年）
    一、政务服务
    1. 市场准入。推进登记便利化。（责任单位：区发改委）
    2. 政策服务。完善惠企政策。
    二、市场环境
    3. 公平竞争。落实审查制度。
    """

    func parse(_ bytes: [UInt8], id: String? = nil) throws(ImportError) -> Plan {
        try PlanImporter.parse(Data(bytes), source: "plan.txt", id: id)
    }

    @Test("empty, blank, binary and structureless files get one-line errors naming the file", arguments: [
        ([UInt8](), "file is empty"),
        (Array(" \n\r\n\t".utf8), "file is empty"),
        ([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01], "file is binary (contains NUL bytes), not a plan document"),
        (Array("这是一段没有编号的文字。\n第二段文字。".utf8), "no numbered pillars or measures found (一、 / （一） / 1. …)"),
        (Array("一、总体要求\n二、主要任务\n".utf8), "no measures found under the numbered headings"),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x80, 0x81], "file is not text in UTF-8, GB18030/GBK or Big5; save it as UTF-8 and import that"),
    ] as [([UInt8], String)])
    func rejected(bytes: [UInt8], problem: String) {
        #expect { try parse(bytes) } throws: { ($0 as? ImportError).map { [$0.source, $0.problem] } == ["plan.txt", problem] }
        let error = ImportError(source: "plan.txt", problem: problem, chinese: "文件是空的")
        #expect(error.description == "plan.txt: \(problem)" && error.description(in: .zh) == "plan.txt: 文件是空的")
    }

    @Test("BOM, CRLF, U+3000 and ?? indentation, markdown and full-width digits parse like plain text")
    func normalInput() throws {
        let expected = try Samples.parse(plain)
        #expect(expected.pillars.map(\.measures.count) == [2, 1])
        let lines = plain.split(separator: "\n").map(String.init)
        let markdown = plain.replacingOccurrences(of: "一、", with: "## 一、")
            .replacingOccurrences(of: "二、", with: "#### 二、")
            .replacingOccurrences(of: "市场准入", with: "**市场准入**") + "\n\n---\n> "
        var fullWidth = plain
        for (ascii, wide) in [("1. ", "１．"), ("2. ", "２．"), ("3. ", "３．")] {
            fullWidth = fullWidth.replacingOccurrences(of: ascii, with: wide)
        }
        let variants: [String] = [
            "\u{FEFF}" + plain,
            plain.replacingOccurrences(of: "\n", with: "\r\n"),
            lines.map { "\u{3000}\u{3000}" + $0 }.joined(separator: "\n"),
            lines.map { "??" + $0 }.joined(separator: "\n"),
            lines.map { "  " + $0 + "\n" }.joined(separator: "\n"),
            markdown,
            fullWidth,
        ]
        for text in variants {
            let plan = try Samples.parse(text)
            #expect(plan.pillars == expected.pillars)
            #expect(plan.title == expected.title)
        }
    }

    @Test("GB18030/GBK bytes are decoded")
    func gb18030() throws {
        // "一、政务服务\n1. 市场准入。推进登记便利化。" in GB18030.
        let text = "某某区行动方案（2026年）\n一、政务服务\n1. 市场准入。推进登记便利化。"
        let encoding = String.Encoding(rawValue: 0x8000_0632)
        let bytes = try #require(text.data(using: encoding))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        let plan = try PlanImporter.parse(bytes, source: "gbk.txt")
        #expect(plan.measures.map(\.title) == ["市场准入"])
        #expect(plan.title == "某某区行动方案（2026年）")
    }

    @Test("plan ids: district table, slug otherwise, override")
    func ids() throws {
        #expect(try Samples.parse(plain).id == "moumou-2026")
        #expect(try Samples.parse(plain.replacingOccurrences(of: "某某区", with: "杭州市")).id == "hangzhou-2026")
        #expect(try Samples.parse(plain.replacingOccurrences(of: "某某区", with: "浦東新區")).id == "pudong-2026")
        #expect(try Samples.parse(plain.replacingOccurrences(of: "某某区", with: "浦東新區")).district == "浦东新区")
        let plan = try Samples.parse(plain, id: "mine")
        #expect(plan.id == "mine")
        #expect(plan.measures.map(\.id) == ["mine:1.1", "mine:1.2", "mine:2.1"])
    }
}

@Suite("Importer: numbering levels")
struct StructureTests {
    @Test("heading-only levels between pillar and measure are sections; numbering restarts per section")
    func sections() throws {
        let plan = try Samples.parse("""
        某区行动方案（2026年）
        一、主要任务
        （一）优化政务服务
        1. 推进一网通办。完善线上服务。（牵头单位：区数据局；配合单位：区政务服务中心）
        2. 推进帮办服务。提升帮办质量。
        （二）优化市场环境
        1. 公平竞争。落实审查制度。
        二、保障措施
        （一）加强组织领导。建立工作专班，定期调度。
        （二）强化督查考核。纳入年度考核。
        """)
        #expect(plan.pillars.map(\.measures.count) == [3, 2])
        let first = plan.pillars[0].measures
        #expect(first.map(\.label) == ["1", "2", "1"])
        #expect(first.map { $0.section?.title } == ["优化政务服务", "优化政务服务", "优化市场环境"])
        #expect(first[0].section == Section(label: "（一）", title: "优化政务服务"))
        #expect(first[0].units == [UnitRef(name: "区数据局", role: .lead), UnitRef(name: "区政务服务中心", role: .support)])
        #expect(plan.pillars[1].measures.map(\.title) == ["加强组织领导", "强化督查考核"])
        #expect(plan.pillars[1].measures.allSatisfy { $0.section == nil })
    }

    @Test("numbered items inside a measure with a body are its tasks; （1） and ① levels too")
    func subItems() throws {
        let plan = try Samples.parse("""
        某区行动方案（2026年）
        一、政务服务
        （一）优化服务
        提升服务水平。（责任单位：区发改委）
        （1）推进网办。完善系统。
        （2）推进帮办。
        （二）完善政策
        完善政策体系。
        ①梳理政策。
        ②评估政策。
        """)
        let measures = plan.measures
        #expect(measures.map(\.title) == ["优化服务", "完善政策"])
        #expect(measures[0].tasks.map(\.title) == ["推进网办", "推进帮办"])
        #expect(measures[0].tasks[0].text == "推进网办。完善系统。")
        #expect(measures[0].units.map(\.name) == ["区发改委"])
        #expect(measures[1].tasks.map(\.title) == ["梳理政策", "评估政策"])
    }

    @Test("a document with one numbering level has one unnamed pillar")
    func singleLevel() throws {
        let plan = try Samples.parse("""
        某区行动方案（2026年）
        1、推进网办。完善系统。
        2、推进帮办。提升质量。
        """)
        #expect(plan.pillars.count == 1)
        #expect(plan.pillars[0].number == "")
        #expect(plan.measures.map(\.id) == ["mou-2026:1.1", "mou-2026:1.2"])
    }
}
