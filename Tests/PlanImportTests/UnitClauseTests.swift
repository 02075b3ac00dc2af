import Foundation
import Testing
import PlanImport
import PlanModel

@Suite("Importer: unit clauses and deadlines")
struct UnitClauseTests {
    /// A one-measure plan whose measure body ends with `ending`.
    func measure(_ ending: String, year: String = "2026") throws -> Measure {
        let text = """
        某某区优化营商环境行动方案（\(year)年）
        一、政务服务
        1. 市场准入。推进登记便利化。\(ending)
        """
        let plan = try Samples.parse(text)
        return try #require(plan.measures.first)
    }

    func units(_ pairs: [(String, Role)]) -> [UnitRef] { pairs.map { UnitRef(name: $0.0, role: $0.1) } }

    @Test("clause forms and roles", arguments: [
        ("（责任单位：区发改委、区经委）", [("区发改委", Role.responsible), ("区经委", .responsible)]),
        ("(责任单位:区发改委,各街镇、园区,区税务局)", [("区发改委", .responsible), ("各街镇", .responsible), ("园区", .responsible), ("区税务局", .responsible)]),
        ("（牵头单位：区发改委；配合单位：区经委、区财政局）", [("区发改委", .lead), ("区经委", .support), ("区财政局", .support)]),
        ("（牵头单位：区发改委；配合责任单位：区经委）", [("区发改委", .lead), ("区经委", .support)]),
        ("（牵头单位：区发改委；责任单位：区经委及区财政局）", [("区发改委", .lead), ("区经委", .support), ("区财政局", .support)]),
        ("〔区发改委、区经委牵头，区财政局、区数据局配合〕", [("区发改委", .lead), ("区经委", .lead), ("区财政局", .support), ("区数据局", .support)]),
        ("（区发改委牵头，各相关单位按职责分工负责）", [("区发改委", .lead), ("各相关单位", .support)]),
        ("（责任单位：各市(区)人民政府、各街道(功能区)）", [("各市(区)人民政府", .responsible), ("各街道(功能区)", .responsible)]),
        ("（牽頭單位：區發改委；配合單位：區經委、區財政局）", [("區發改委", .lead), ("區經委", .support), ("區財政局", .support)]),
        // Names of 1-, 2-, 3- and 4-byte UTF-8 scalars: clause names are cut from scalar slices and encoded back.
        ("（牵头单位：区𠮷祥办；配合单位：A·B中心、12345热线）", [("区𠮷祥办", .lead), ("A·B中心", .support), ("12345热线", .support)]),
        ("（責任單位：區發改委、區經委）", [("區發改委", .responsible), ("區經委", .responsible)]),
        ("（區經委牽頭，區財政局配合）", [("區經委", .lead), ("區財政局", .support)]),
        ("（责任单位：各相关单位）", [("各相关单位", .responsible)]),
    ] as [(String, [(String, Role)])])
    func clauseForms(ending: String, expected: [(String, Role)]) throws {
        let m = try measure(ending)
        #expect(m.units == units(expected))
        #expect(m.text == "推进登记便利化。")
        #expect(m.tasks.map(\.title) == ["推进登记便利化"])
    }

    @Test("a deadline inside the clause is the measure's deadline, not a unit", arguments: [
        ("（责任单位：区发改委；6月底完成）", "6月底完成", "2026-06-30"),
        ("（责任单位：区发改委、区经委，2026年9月30日前完成）", "2026年9月30日前完成", "2026-09-30"),
        ("（区发改委牵头，区经委配合；年底前完成）", "年底前完成", "2026-12-31"),
        ("（牵头单位：区发改委；完成时限：持续推进）", "持续推进", nil),
        ("（责任单位：区发改委；6月完成）", "6月完成", nil),
    ] as [(String, String, String?)])
    func clauseDeadline(ending: String, text: String, date: String?) throws {
        let m = try measure(ending)
        #expect(m.units.first?.name == "区发改委")
        #expect(!m.units.contains { $0.name.contains("月") || $0.name.contains("推进") })
        #expect(m.deadline?.text == text)
        #expect(m.deadline?.date?.description == date)
    }

    @Test("a deadline stated once in the body is the measure's deadline")
    func bodyDeadline() throws {
        let plan = try Samples.parse("""
        某某区行动方案（2026年）
        一、政务服务
        1. 市场准入。推进登记便利化，6月底前完成。完善配套政策。
        2. 政策服务。3月底前完成梳理，9月底前完成评估。
        """)
        #expect(plan.measures[0].deadline == Deadline(text: "6月底前完成", date: Day(year: 2026, month: 6, day: 30)))
        #expect(plan.measures[1].deadline == nil)
    }

    @Test("brackets that are not unit clauses stay text", arguments: [
        "（国办发〔2019〕39号）",
        "（不含6亩）",
        "（2026年）",
        "（由企业自行申请的除外）",
    ])
    func notClauses(ending: String) throws {
        let m = try measure(ending)
        #expect(m.units.isEmpty)
        #expect(m.text == "推进登记便利化。" + ending)
    }

    @Test("牵头 and 负责 inside ordinary sentences are not role markers")
    func rolesInSentences() throws {
        let m = try measure("由区发改委牵头，区经委负责推进相关工作。")
        #expect(m.units.isEmpty)
        #expect(m.tasks.count == 2)
    }
}
