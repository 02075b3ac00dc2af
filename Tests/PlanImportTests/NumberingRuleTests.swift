import Foundation
import Testing
import PlanImport
import PlanModel

/// Numbering shapes of long real plans (provincial and city plans of 100+ measures, plans issued with a
/// numbered notice), each written small for the test.
@Suite("Importer: numbering of long and nested plans")
struct NumberingRuleTests {
    @Test("measures numbered 1.–120. with . ． 、 continue past 99", arguments: [".", "．", "、"])
    func threeDigitNumbers(mark: String) throws {
        var lines = ["某省2026年优化营商环境行动方案", "一、优化市场环境"]
        for n in 1...120 {
            if n == 61 { lines.append("二、优化政务环境") }
            lines.append("\(n)\(mark)推进第\(n)项改革。完善配套制度。（责任单位：省发展改革委）")
        }
        let plan = try Samples.parse(lines.joined(separator: "\n"))
        try #require(plan.pillars.map(\.measures.count) == [60, 60])
        #expect(plan.measures.map(\.label) == (1...120).map(String.init))
        #expect(plan.measures[99].title == "推进第100项改革")
        #expect(plan.measures.allSatisfy { $0.tasks.count == 1 })
    }

    @Test("a label followed by digits (7.300家…) is the next measure when it continues the numbering")
    func labelFollowedByDigits() throws {
        let plan = try Samples.parse("""
        某市2026年助企纾困行动方案
        一、强化企业服务
        1.建立企业服务专员制度。（责任单位：市经信局）
        2.开展企业走访。（责任单位：市经信局）
        3.推行惠企政策免申即享。（责任单位：市政务服务局）
        4.加强涉企收费监管。（责任单位：市市场监管局）
        5.优化审批服务。推行并联审批。（责任单位：市政务服务局）
        6.开展政策宣讲。组织政策进园区活动。（责任单位：市经信局）
        7.300家重点企业专项服务。建立服务专员制度。（责任单位：市发改委）
        8.加强要素保障。统筹用地用能指标。（责任单位：市自然资源局）
        二、强化金融支持
        1.扩大信贷投放。全年新增贷款2.5万亿元，3.0版政策落地。（责任单位：市金融局）
        """)
        try #require(plan.pillars[0].measures.map(\.label) == ["1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(plan.pillars[0].measures[6].title == "300家重点企业专项服务")
        #expect(plan.pillars[0].measures[6].units.map(\.name) == ["市发改委"])
        #expect(plan.pillars[0].measures[5].units.map(\.name) == ["市经信局"])
        #expect(plan.pillars[1].measures.count == 1)
    }

    @Test("a decimal at the start of a line that does not continue the numbering stays text")
    func decimalIsText() throws {
        let plan = try Samples.parse("""
        某市2026年助企纾困行动方案
        一、强化企业服务
        1.开展政策宣讲。组织政策进园区活动。
        2.加强要素保障。统筹用地用能指标：
        5.5万亩新增建设用地指标优先保障重点项目。
        """)
        #expect(plan.measures.map(\.label) == ["1", "2"])
        #expect(plan.measures[1].text.contains("5.5万亩"))
    }

    @Test("the issuing notice's numbered paragraphs are not pillars: the body starts at the plan's title")
    func noticeParagraphs() throws {
        let notice = """
        某省人民政府办公厅关于印发《某省2026年营商环境优化提升行动方案》的通知
        各市人民政府，省政府各部门：
        《某省2026年营商环境优化提升行动方案》已经省人民政府同意，现印发给你们，并提出以下要求，请一并贯彻落实。
        一、加强组织实施。各地要结合实际制定具体措施。
        二、强化督促检查。省政府办公厅将适时开展督查。
        三、及时报送情况。各地于每季度末报送进展。
        某省人民政府办公厅
        2026年3月16日

        """
        for title in ["某省2026年营商环境优化提升行动方案", "营商环境优化提升行动方案"] {
            let plan = try Samples.parse(notice + """
            \(title)
            为持续优化营商环境，制定本方案。
            一、优化市场准入
            1.推进市场准入效能评估。开展评估试点。（责任单位：省发展改革委）
            2.深化商事登记改革。推行经营范围规范化登记。（责任单位：省市场监管局）
            二、优化政务服务
            3.推进高效办成一件事。拓展主题服务场景。（责任单位：省政务服务局）
            """)
            #expect(plan.pillars.map(\.title) == ["优化市场准入", "优化政务服务"], "title line \(title)")
            try #require(plan.pillars.map(\.measures.count) == [2, 1])
            #expect(plan.title == "某省2026年营商环境优化提升行动方案")
            #expect(!plan.measures.contains { $0.text.contains("督查") })
        }
    }

    @Test("（一） → heading-only 1. → （1） with bodies and unit clauses: the （1） items are the measures")
    func measureLevelAtDepth() throws {
        let plan = try Samples.parse("""
        某省2026年优化营商环境行动方案
        （一）优化市场准入环境
        1.深化商事制度改革
        （1）推进“一照多址”改革（牵头单位：省市场监管局；责任单位：各市人民政府）
        （2）推行经营主体登记确认制（牵头单位：省市场监管局）
        （3）开展企业开办标准化（牵头单位：省市场监管局；责任单位：各市人民政府）
        ①推行一表申报
        ②推行一窗发放
        2.优化准入准营
        （1）推进“证照联办”（牵头单位：省政务服务局）
        （2）推广告知承诺制（牵头单位：省司法厅）
        （二）优化政务服务环境
        1.推进一网通办
        （1）拓展“免申即享”（牵头单位：省政务服务局）
        （2）推进电子证照应用（牵头单位：省大数据局）
        """)
        try #require(plan.pillars.map(\.measures.count) == [5, 2])
        #expect(plan.pillars[0].measures.map(\.title) == [
            "推进“一照多址”改革", "推行经营主体登记确认制", "开展企业开办标准化", "推进“证照联办”", "推广告知承诺制",
        ])
        #expect(plan.pillars[0].measures.map(\.section?.title) == ["深化商事制度改革", "深化商事制度改革", "深化商事制度改革", "优化准入准营", "优化准入准营"])
        #expect(plan.measures[0].units == [UnitRef(name: "省市场监管局", role: .lead), UnitRef(name: "各市人民政府", role: .support)])
        #expect(plan.measures[2].tasks.map(\.title) == ["推行一表申报", "推行一窗发放"])
        #expect(plan.measures.filter { $0.tasks.isEmpty }.count == 6)
    }

    @Test("a label alone on its line takes the next line: （二十三） then its title, （60） then its body",
          arguments: [false, true])
    func bareLabels(varied: Bool) throws {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        func chinese(_ n: Int) -> String { n <= 10 ? numerals[n - 1] : (n < 20 ? "十" : numerals[n / 10 - 1] + "十") + (n % 10 == 0 ? "" : numerals[n % 10 - 1]) }
        var lines = ["某市2026年优化营商环境行动方案", "一、优化市场环境"]
        lines += (1...22).map { "（\(chinese($0))）推进第\($0)项改革。开展专项清理\(varied ? String(repeating: "，完善制度", count: $0 % 7) : "")。（责任单位：市市场监管局）" }
        lines += ["（二十三）", "加强知识产权保护", "建设知识产权保护中心。（责任单位：市知识产权局）", "二、优化政务服务"]
        lines += (1...59).map { "（\($0)）推进第\($0)项服务。拓展服务事项。（责任单位：市政务服务局）" }
        lines += ["（60）", "推进电子证照应用，扩大亮证场景。（责任单位：市大数据局）"]
        // Uniform lines make the document look wrapped at their width; varied ones do not: both read the same.
        let plan = try Samples.parse(lines.joined(separator: "\n"))
        try #require(plan.pillars.map(\.measures.count) == [23, 60])
        let bareTitle = plan.pillars[0].measures[22], bareBody = plan.pillars[1].measures[59]
        #expect(bareTitle.label == "（二十三）")
        #expect(bareTitle.title == "加强知识产权保护")
        #expect(bareTitle.units.map(\.name) == ["市知识产权局"])
        #expect(bareTitle.tasks.map(\.title) == ["建设知识产权保护中心"])
        #expect(bareBody.label == "（60）")
        #expect(bareBody.title == "推进电子证照应用，扩大亮证场景")
        #expect(bareBody.units.map(\.name) == ["市大数据局"])
        #expect(plan.measures.allSatisfy { !$0.tasks.contains { $0.title.isEmpty } })
    }

    @Test("a pillar label alone on the first line of the body is still the first pillar")
    func bareFirstPillar() throws {
        let plan = try Samples.parse("""
        某市2026年优化营商环境行动方案
        一、
        优化市场环境
        1.推进公平竞争审查。开展专项清理。（责任单位：市市场监管局）
        二、优化政务服务
        2.推进一网通办。拓展服务事项。（责任单位：市政务服务局）
        """)
        #expect(plan.pillars.map(\.title) == ["优化市场环境", "优化政务服务"])
        #expect(plan.pillars.map(\.measures.count) == [1, 1])
    }

    @Test("a pillar with a body and a unit clause but no numbered items is one measure")
    func pillarWithBody() throws {
        let plan = try Samples.parse("""
        某市2026年优化营商环境行动方案
        一、总体要求
        坚持问题导向，持续优化营商环境。
        二、优化市场环境
        1.推进公平竞争审查。开展专项清理。（责任单位：市市场监管局）
        2.加强知识产权保护。建设保护中心。（责任单位：市知识产权局）
        三、加强信用监管
        推行信用承诺制，建立经营主体信用档案，6月底前完成。（牵头单位：市发展改革委；配合单位：市市场监管局）
        """)
        try #require(plan.pillars.map(\.measures.count) == [0, 2, 1])
        let measure = plan.pillars[2].measures[0]
        #expect(measure.id == "mou-2026:3.1")
        #expect(measure.label == "三")
        #expect(measure.title == "加强信用监管")
        #expect(measure.units == [UnitRef(name: "市发展改革委", role: .lead), UnitRef(name: "市市场监管局", role: .support)])
        #expect(measure.deadline?.date == Day("2026-06-30"))
        #expect(measure.tasks.map(\.title) == ["推行信用承诺制，建立经营主体信用档案，6月底前完成"])
    }
}
