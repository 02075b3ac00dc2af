import Foundation
import Testing
import PlanImport
import PlanModel

/// Text as a PDF gives it: every line broken at the page width, page numbers and a running header between
/// pages. Whatever the width, the plan must come out as from the clean text.
@Suite("Importer: hard-wrapped text (PDF output) gives the same plan as the clean text")
struct HardWrapTests {
    static func columns(_ c: Character) -> Int { c.unicodeScalars.allSatisfy(\.isASCII) ? 1 : 2 }

    static func isLatinWord(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    /// Breaks every line at `width` characters (2 columns each, ASCII 1) as typesetting does: a closing mark
    /// stays on the line it closes, a Latin word or number goes to the next line whole, and the space at a
    /// break is consumed; drops blank lines; every `page` lines a page number and a header.
    static func wrap(_ text: String, width: Int, page: Int, header: String) -> String {
        var lines: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var current = ""
            var used = 0
            for c in line.trimmingCharacters(in: .whitespaces) {
                let w = columns(c)
                if used + w > width * 2, !"。，、；：）)”》".contains(c) {
                    var carried = ""
                    if isLatinWord(c), let start = current.lastIndex(where: { !isLatinWord($0) }), current.index(after: start) != current.endIndex {
                        carried = String(current[current.index(after: start)...])
                        current = String(current[...start])
                    }
                    lines.append(current.trimmingCharacters(in: .whitespaces))
                    current = carried
                    used = carried.count
                    if c == " " { continue }
                }
                current.append(c)
                used += w
            }
            if !current.isEmpty { lines.append(current) }
        }
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            if i > 0, i % page == 0 {
                out.append("— \(i / page) —")
                out.append(header)
            }
            out.append(line)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// What an officer checks of a plan: its shape, the measures' titles, units with roles, deadlines, tasks.
    static func summary(_ plan: Plan) -> [String] {
        [plan.id, plan.title, "\(plan.pillars.map(\.measures.count))"] + plan.pillars.map(\.title) + plan.measures.map { m in
            let units = m.units.map { "\($0.name)/\($0.role.rawValue)" }.joined(separator: "、")
            return "\(m.id) \(m.title) [\(units)] \(m.deadline?.text ?? "-") tasks:\(m.tasks.count)"
        }
    }

    @Test("every sample, wrapped at every width of 20–45 characters with page numbers and headers every 36–44 lines",
          arguments: Samples.names)
    func sample(name: String) throws {
        let text = String(decoding: try Samples.data(name), as: UTF8.self)
        let clean = try Samples.plan(name)
        for width in 20...45 {
            let page = 36 + width % 9
            let wrapped = Self.wrap(text, width: width, page: page, header: clean.title)
            let plan = try PlanImporter.parse(Data(wrapped.utf8), source: "\(name).pdf")
            let expected = Self.summary(clean), got = Self.summary(plan)
            let message: Comment = "\(name) at width \(width), page \(page): first difference \(Self.firstDifference(expected, got))"
            #expect(got == expected, message)
        }
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        guard let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) else { return "lengths \(a.count) vs \(b.count)" }
        return "\n  clean:   \(a[i])\n  wrapped: \(b[i])"
    }
}

@Suite("Importer: Unicode text without a byte-order mark")
struct UnmarkedUnicodeTests {
    @Test("UTF-16 (both byte orders, no BOM) and UTF-32 (with or without BOM) give the sample's plan", arguments: [
        String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian,
    ])
    func unmarked(encoding: String.Encoding) throws {
        let text = String(decoding: try Samples.data("jinshan-2026"), as: UTF8.self)
        let data = try #require(text.data(using: encoding))
        #expect(try PlanImporter.parse(data, source: "x.txt") == Samples.plan("jinshan-2026"))
    }
}

/// The shapes a PDF's line breaks cut, each written small: a unit clause cut inside its label, a label alone
/// with its names on the next lines, a title cut before its last word, a line that opens with punctuation,
/// a line a little short of the width that ends in a short bracket.
@Suite("Importer: lines broken by the page width")
struct LineBreakShapeTests {
    static let text = """
    某省2026年优化营商环境行动方案
    一、优化市场准入环境
    1.全面推进经营主体登记注册“一照多址”
    改革。推行经营主体住所登记申报承诺制，扩大
    住所登记信息库覆盖范围，减少材料提交。（牵
    头单位：省市场监管局，
    责任单位：各市〔州〕、县〔市、区〕人民政府）
    2.深化企业开办标准化。推进企业开办全程网上
    办理，优化企业开办服务专区，在各街镇全面设
    立企业开办服务站点，实现企业开办一日办结。
    （责
    任单位：区建管委、规划资源局）
    3.推进涉企服务下沉。将企业服务站点延伸至街
    镇，实现服务站点在各街镇和各园区全面覆盖，
    推动服务资源延伸至街镇（含各类园区）
    、村（社区）两级同步设立服务窗口。
    责任单位：
    区发展改革委、区财政局等
    市级各有关部门
    二、优化政务服务环境
    4.拓展高效办成一件事主题场景。聚焦企业全生
    命周期，新增一批高频事项集成服务，推动更多
    事项实现线上申报，优先采购使用首台（套）
    重大技术装备，线下一窗领取。
    （牵头单位：省政务服务局）
    """

    /// Latin words between Chinese as plans write them: joined to CJK without a space, to each other with one.
    static let latin = """
    某省2026年数字经济发展行动方案
    一、培育人工智能产业
    1.打造智能体应用生态。支持企业开发面向政务服务的AI Agent应用和Open Source Software开源工具，建设行业大模型开放平台，推广AI智能客服和工单分派，鼓励开放API接口和SDK工具包，推动5G RedCap网络在园区全面覆盖。（责任单位：省数据局）
    2.建设算力基础设施。布局智算中心和边缘计算节点，推进GPU Cloud Server资源统一调度，支持企业使用国产AI Chip芯片，建设全省一体化算力调度平台，提供Model as a Service服务，降低中小企业用算成本。（责任单位：省发展改革委）
    3.推进数据要素流通。建设数据交易平台，推广Data Space数据空间试点，完善数据产权登记和收益分配制度，支持企业开展Privacy Computing隐私计算应用，培育数据经纪人队伍，建设公共数据授权运营平台。（责任单位：省数据局）
    4.加快工业互联网发展。推进Industrial Internet标识解析体系建设，支持龙头企业建设行业级平台，推动中小企业上云用数赋智，培育一批Smart Factory智能工厂和数字化车间，建设工业软件攻关基地。（责任单位：省工业和信息化厅）
    """

    @Test("a line break between two Latin words keeps the space the wrap consumed; between Latin and Chinese none is added")
    func latinWords() throws {
        let clean = try Samples.parse(Self.latin)
        #expect(clean.measures[0].text.contains("政务服务的AI Agent应用"))
        for width in 20...45 {
            let wrapped = HardWrapTests.wrap(Self.latin, width: width, page: 40, header: clean.title)
            let plan = try Samples.parse(wrapped)
            #expect(plan.measures.map(\.text) == clean.measures.map(\.text), "width \(width)")
        }
    }

    @Test("a wrapped plan's cut titles, unit clauses and punctuation-led lines are rejoined")
    func shapes() throws {
        let plan = try Samples.parse(Self.text)
        let measures = plan.measures
        try #require(measures.count == 4)
        #expect(measures[0].title == "全面推进经营主体登记注册“一照多址”改革")
        #expect(measures[0].units == [UnitRef(name: "省市场监管局", role: .lead), UnitRef(name: "各市〔州〕", role: .support),
                                      UnitRef(name: "县〔市、区〕人民政府", role: .support)])
        #expect(measures[0].tasks.map(\.title) == ["推行经营主体住所登记申报承诺制，扩大住所登记信息库覆盖范围，减少材料提交"])
        #expect(measures[1].units.map(\.name) == ["区建管委", "规划资源局"])
        #expect(!measures[1].text.contains("任单位"))
        #expect(measures[2].units.map(\.name) == ["区发展改革委", "区财政局", "市级各有关部门"])
        #expect(measures[2].tasks.allSatisfy { t in !t.title.hasPrefix("、") && !t.title.contains("单位") })
        #expect(measures[2].text.contains("（含各类园区）、村（社区）"))
        #expect(measures[3].units == [UnitRef(name: "省政务服务局", role: .lead)])
        // A line a little short of the width that ends in a short bracket ("首台（套）") goes on.
        #expect(measures[3].tasks.count == 1)
        #expect(measures[3].text.contains("首台（套）重大技术装备"))
        #expect(measures.allSatisfy { m in m.tasks.allSatisfy { $0.title.count > 4 } })
    }
}
