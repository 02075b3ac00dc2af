import Foundation
import Testing
import PlanModel

/// Workload and suggestion figures on the bundled sample plans, as imported.
@Suite("Sample plans: jinshan-2026 workload and suggestions for jiading-2026")
struct SampleWorkloadTests {
    static let jinshan = try! Samples.plan("jinshan-2026")
    static let jiading = try! Samples.plan("jiading-2026")
    static let workspace = Workspace(plans: [jinshan, jiading])
    let today = Day(year: 2026, month: 3, day: 1)!

    @Test("jinshan-2026 has 37 distinct units with the issue's measure counts")
    func jinshanWorkload() {
        let workload = Workload(workspace: Self.workspace, directory: UnitDirectory(), today: today,
                                filter: .init(plans: ["jinshan-2026"]))
        #expect(Self.jinshan.measures.count == 30)
        #expect(workload.rows.count == 37)
        let totals = Dictionary(uniqueKeysWithValues: workload.rows.map { ($0.unit.name, $0.total) })
        #expect(totals["区发改委"] == 16)
        #expect(totals["区经委"] == 16)
        #expect(totals["区市场监管局"] == 11)
        #expect(totals["区数据局"] == 11)
        #expect(totals["区政务服务中心"] == 8)
        #expect(totals["各街镇"] == 3)
        #expect(totals["园区"] == 3)
        #expect(workload.rows.allSatisfy { $0.todo == $0.total && $0.led == 0 })
        #expect(workload.sorted(by: .open).rows.prefix(2).map(\.unit.name) == ["区发改委", "区经委"])
    }

    @Test("jiading-2026's 开店一件事 measure resembles jinshan-2026:1.1 and gets its units")
    func suggestionFromJinshan() throws {
        let index = SimilarityIndex(workspace: Self.workspace)
        let measure = try #require(Self.workspace.measure("jiading-2026:1.1"))
        #expect(measure.title == "拓展“一件事”集成服务" && measure.units.isEmpty)

        let related = Self.workspace.relatedMeasures(to: measure, index: index)
        #expect(related.first?.measureId == "jinshan-2026:1.1")
        #expect(related.first?.status == .todo)

        let suggestions = Self.workspace.suggestedUnits(for: measure, index: index, directory: UnitDirectory())
        #expect(suggestions.first?.source.measureId == "jinshan-2026:1.1")
        let best = try #require(suggestions.first)
        #expect(best.role == .responsible)
        #expect(suggestions.map(\.name).contains("区市场监管局"))
        #expect(suggestions.map(\.name).contains("区政务服务中心"))
        #expect(suggestions.allSatisfy { !$0.name.contains("、") && !$0.name.contains(",") })
    }

    @Test("every jiading-2026 measure finds its jinshan-2026 counterpart among the top three when the titles match")
    func sameTitlesAreRelated() {
        let index = SimilarityIndex(workspace: Self.workspace)
        let jinshanByTitle = Dictionary(Self.jinshan.measures.map { ($0.title, $0.id) }, uniquingKeysWith: { a, _ in a })
        var checked = 0
        for measure in Self.jiading.measures {
            guard let twin = jinshanByTitle[measure.title] else { continue }
            checked += 1
            let top = Self.workspace.relatedMeasures(to: measure, index: index, limit: 3).map(\.measureId)
            #expect(top.contains(twin), "\(measure.id) \(measure.title)")
        }
        #expect(checked >= 3)
    }
}
