import Foundation
import Testing
import PlanImport
import PlanModel

/// Unit lists as long provincial and district plans write them, each written small.
@Suite("Importer: unit names and roles in long plans")
struct UnitRuleTests {
    func units(_ m: Measure) -> [String] { m.units.map { "\($0.name)/\($0.role.rawValue)" } }

    func measure(_ ending: String) throws -> Measure {
        let plan = try Samples.parse("""
        某区优化营商环境行动方案（2026年）
        一、政务服务
        1. 市场准入。推进登记便利化。\(ending)
        """)
        return try #require(plan.measures.first)
    }

    @Test("role verbs after 分别, lists mixing 、 and ， between two verbs, 等部门 inside a verb clause", arguments: [
        ("（区发改委、区经委、区财政局分别牵头）", ["区发改委/lead", "区经委/lead", "区财政局/lead"]),
        ("（区发改委牵头，各牵头部门分别负责）", ["区发改委/lead", "各牵头部门/support"]),
        ("（市商务局牵头，甲海关、乙机场海关，综保区管委会配合）", ["市商务局/lead", "甲海关/support", "乙机场海关/support", "综保区管委会/support"]),
        ("（区发改局牵头，区财政局、区交运局等部门，区国投公司配合）", ["区发改局/lead", "区财政局/support", "区交运局/support", "区国投公司/support"]),
    ] as [(String, [String])])
    func verbClauses(ending: String, expected: [String]) throws {
        let m = try measure(ending)
        #expect(units(m) == expected)
        #expect(m.text == "推进登记便利化。")
    }

    @Test("a space after a number and quotes inside a name do not break it")
    func namesWithSpacesAndQuotes() throws {
        let spaced = try measure("（责任单位：区城运中心、96345 服务热线各成员单位）")
        #expect(units(spaced) == ["区城运中心/responsible", "96345服务热线各成员单位/responsible"])
        let quoted = try measure("\n责任单位：各区人民政府，市“放管服”改革领导小组各成员单位")
        #expect(units(quoted) == ["各区人民政府/responsible", "市“放管服”改革领导小组各成员单位/responsible"])
        #expect(quoted.tasks.map(\.title) == ["推进登记便利化"])
    }

    @Test("a deadline label on its own line after a measure is its deadline, not a task")
    func deadlineLine() throws {
        let m = try measure("（责任单位：区发改委）\n完成时限：2026年6月底")
        #expect(m.deadline == Deadline(text: "2026年6月底", date: Day("2026-06-30")))
        #expect(m.tasks.map(\.title) == ["推进登记便利化"])
        #expect(units(m) == ["区发改委/responsible"])
    }

    @Test("a lead named in a pillar or section heading leads every measure under it that names no lead")
    func headingLead() throws {
        let plan = try Samples.parse("""
        某省2026年优化营商环境行动方案
        一、市场准入领域（省发展改革委牵头）
        1.推进市场准入效能评估。开展评估试点。（配合单位：省市场监管局）
        2.深化商事登记改革。推行登记规范化。（牵头单位：省市场监管局）
        二、政务服务领域
        （一）优化纳税服务（指标牵头单位：省税务局）
        3.推行税费申报一表集成。减少申报次数。（责任单位：各市人民政府）
        4.拓展非接触式办税。扩大网上办税范围。
        （二）优化登记服务
        5.推进不动产登记一网通办。压缩办理时限。（责任单位：省自然资源厅）
        """)
        #expect(plan.pillars.map(\.title) == ["市场准入领域", "政务服务领域"])
        #expect(plan.measures.map { $0.section?.title } == [nil, nil, "优化纳税服务", "优化纳税服务", "优化登记服务"])
        #expect(plan.measures.map(units) == [
            ["省发展改革委/lead", "省市场监管局/support"],
            ["省市场监管局/lead"],
            ["省税务局/lead", "各市人民政府/support"],
            ["省税务局/lead"],
            ["省自然资源厅/responsible"],
        ])
    }

    @Test("a short name beside its district-prefixed form in the same plan is the same unit")
    func abbreviatedNames() throws {
        let plan = try Samples.parse("""
        某区优化营商环境行动方案（2026年）
        一、政务服务
        1. 空间保障。推进用地保障。（责任单位：区规划资源局、区经委）
        2. 项目审批。推进审批提速。（责任单位：规划资源局、经委、区建管委）
        3. 产业服务。推进产业服务。（责任单位：财政局）
        """)
        #expect(plan.measures.map { $0.units.map(\.name) } == [["区规划资源局", "区经委"], ["区规划资源局", "区经委", "区建管委"], ["财政局"]])
    }
}
