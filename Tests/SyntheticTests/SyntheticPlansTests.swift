import Testing
import PlanModel
import Synthetic

@Suite("Synthetic plans")
struct SyntheticPlansTests {
    @Test("the same seed gives the same plans; another seed gives others")
    func deterministic() {
        #expect(Synthetic.plans(measures: 1_500, seed: 7) == Synthetic.plans(measures: 1_500, seed: 7))
        #expect(Synthetic.plans(measures: 1_500, seed: 7) != Synthetic.plans(measures: 1_500, seed: 8))
    }

    @Test("exactly the requested number of measures, about a thousand per plan",
          arguments: [(1, 1), (999, 1), (1_000, 1), (1_001, 2), (2_500, 3), (10_000, 10)])
    func sizes(measures: Int, plans: Int) {
        let generated = Synthetic.plans(measures: measures, seed: 1)
        #expect(generated.count == plans)
        #expect(generated.reduce(0) { $0 + $1.measures.count } == measures)
        #expect(generated.allSatisfy { $0.measures.count <= Synthetic.measuresPerPlan })
    }

    @Test("no measures asked, no plans")
    func empty() {
        #expect(Synthetic.plans(measures: 0, seed: 1).isEmpty)
    }

    @Test("ids follow syn<k>-2026:P.M and P.M.T, numbering from 1 in document order")
    func ids() {
        let plans = Synthetic.plans(measures: 2_000, seed: 3)
        #expect(plans.map(\.id) == ["syn1-2026", "syn2-2026"])
        for plan in plans {
            for (p, pillar) in plan.pillars.enumerated() {
                for (m, measure) in pillar.measures.enumerated() {
                    #expect(measure.id == "\(plan.id):\(p + 1).\(m + 1)")
                    #expect(measure.tasks.map(\.id) == measure.tasks.indices.map { "\(measure.id).\($0 + 1)" })
                }
            }
            #expect(plan.measures.map(\.label) == (1...plan.measures.count).map(String.init))
        }
    }

    @Test("plans carry metadata and 4 to 6 pillars numbered 一、二…")
    func metadata() {
        for plan in Synthetic.plans(measures: 5_000, seed: 4) {
            #expect(plan.district?.hasSuffix("区") == true)
            #expect(plan.year == 2026)
            #expect(plan.docNumber?.contains("〔2026〕") == true)
            #expect(plan.date?.year == 2026)
            #expect(plan.title.hasSuffix("行动方案（2026年）"))
            #expect(Synthetic.pillarsPerPlan.contains(plan.pillars.count))
            #expect(plan.pillars.map(\.number) == Array(["一", "二", "三", "四", "五", "六"].prefix(plan.pillars.count)))
        }
    }

    @Test("titles are about 30 characters and bodies about 200, all Chinese prose")
    func textLengths() {
        let measures = Synthetic.plans(measures: 3_000, seed: 5).flatMap(\.measures)
        #expect(measures.allSatisfy { Synthetic.titleLength.contains($0.title.count) })
        #expect(measures.allSatisfy { Synthetic.bodyLength.contains($0.text.count) })
        #expect(measures.allSatisfy { $0.text.hasSuffix("。") })
        let meanTitle = Double(measures.reduce(0) { $0 + $1.title.count }) / Double(measures.count)
        let meanBody = Double(measures.reduce(0) { $0 + $1.text.count }) / Double(measures.count)
        #expect((26...34).contains(Int(meanTitle)))
        #expect((180...220).contains(Int(meanBody)))
    }

    @Test("1 to 6 distinct units per measure: one lead and supports, or all responsible")
    func units() {
        let measures = Synthetic.plans(measures: 3_000, seed: 6).flatMap(\.measures)
        for measure in measures {
            let roles = measure.units.map(\.role)
            #expect(Synthetic.unitsPerMeasure.contains(roles.count))
            #expect(Set(measure.units.map(\.name)).count == roles.count)
            let ledFirst = roles.first == .lead && roles.dropFirst().allSatisfy { $0 == .support }
            #expect(ledFirst || roles.allSatisfy { $0 == .responsible })
        }
        #expect(Set(measures.map(\.units.count)) == Set(Synthetic.unitsPerMeasure))
        #expect(Set(measures.map(\.tasks.count)) == Set(Synthetic.tasksPerMeasure))
    }

    @Test("deadlines with a day fall in the plan's year; some measures have none")
    func deadlines() {
        let measures = Synthetic.plans(measures: 1_000, seed: 9).flatMap(\.measures)
        #expect(measures.contains { $0.deadline == nil })
        #expect(measures.contains { $0.deadline?.date == nil && $0.deadline != nil })
        #expect(measures.compactMap { $0.deadline?.date }.allSatisfy { $0.year == 2026 })
    }
}
