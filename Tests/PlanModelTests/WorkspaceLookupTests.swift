import Synthetic
import Testing
@testable import PlanModel

/// `Workspace.location(of:)` finds every id where it is, whatever the id looks like: the place it
/// names (`PLAN:pillar.measure[.task]`) or another, repeated or not.
@Suite("Workspace lookup")
struct WorkspaceLookupTests {
    /// Every id's location as a table of them all finds it (the last of a repeated id wins).
    static func table(_ workspace: Workspace) -> [String: Workspace.Location] {
        var table: [String: Workspace.Location] = [:]
        for (p, plan) in workspace.plans.enumerated() {
            for (q, pillar) in plan.pillars.enumerated() {
                for (m, measure) in pillar.measures.enumerated() {
                    table[measure.id] = Workspace.Location(plan: p, pillar: q, measure: m, task: nil)
                    for (t, task) in measure.tasks.enumerated() {
                        table[task.id] = Workspace.Location(plan: p, pillar: q, measure: m, task: t)
                    }
                }
            }
        }
        return table
    }

    /// Ids as hand-made workspaces and slices have them: another place's, leading zeros, a task's
    /// id on a measure, another plan's, too many parts, repeats, no number at all.
    static let oddIds = ["syn1-2026:1.1", "syn1-2026:01.1", "syn1-2026:1.01", "syn1-2026:1.1.1", "syn2-2026:2.3", "syn1-2026:1",
                         "syn1-2026:1.1.1.1", "syn1-2026:99.1", "syn1-2026:1.99", "syn1-2026:0.1", ":1.1", "1.1", "措施", "",
                         "syn1-2026:1.2", "syn1-2026:18446744073709551617.1", "SYN1-2026:1.1", "syn1-2026:1.1."]

    @Test("every id, in place or not, is where a table of all ids finds it; unknown ids are nowhere", arguments: 1...6 as ClosedRange<UInt64>)
    func matchesTable(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var plans = Synthetic.plans(measures: 120, seed: seed)
        for p in plans.indices {
            for q in plans[p].pillars.indices {
                for m in plans[p].pillars[q].measures.indices where random.chance(0.2) {
                    plans[p].pillars[q].measures[m].id = Self.oddIds[random.int(below: Self.oddIds.count)]
                    for t in plans[p].pillars[q].measures[m].tasks.indices where random.chance(0.3) {
                        plans[p].pillars[q].measures[m].tasks[t].id = Self.oddIds[random.int(below: Self.oddIds.count)]
                    }
                }
            }
        }
        if random.chance(0.5) { plans.swapAt(0, plans.count - 1) }
        let workspace = Workspace(plans: plans)
        let table = Self.table(workspace)
        for (id, location) in table {
            #expect(workspace.location(of: id) == location, "\(id)")
        }
        for id in Self.oddIds + ["syn3-2026:1.1.9", "nowhere:1.1"] where table[id] == nil {
            #expect(workspace.location(of: id) == nil, "\(id)")
        }
        #expect(Set(workspace.allIds) == Set(table.keys))
    }
}
