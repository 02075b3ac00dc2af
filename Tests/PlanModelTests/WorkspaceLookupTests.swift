import Synthetic
import Testing
@testable import PlanModel

/// `Workspace.location(of:)` finds every id where it is, whatever the id looks like: the place it
/// names (`PLAN:pillar.measure[.task]`) or another, repeated or not, in a plan whose id another plan has too.
@Suite("Workspace lookup")
struct WorkspaceLookupTests {
    /// Where the rule puts every id: at the place it names (`PLAN:pillar.measure[.task]`, counted from 1, in the
    /// first plan of that id) when the measure or task there has it, else where the id last is.
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
        for id in table.keys {
            if let named = namedPlace(of: id, in: workspace) { table[id] = named }
        }
        return table
    }

    /// The place `id` names, if the measure or task there has it; by splitting and printing the id again.
    static func namedPlace(of id: String, in workspace: Workspace) -> Workspace.Location? {
        let parts = id.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let p = workspace.plans.firstIndex(where: { $0.id == parts[0] }) else { return nil }
        let numbers = parts[1].split(separator: ".", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard (2...3).contains(numbers.count), numbers.allSatisfy({ $0 > 0 }),
              id == parts[0] + ":" + numbers.map(String.init).joined(separator: "."),
              numbers[0] <= workspace.plans[p].pillars.count,
              numbers[1] <= workspace.plans[p].pillars[numbers[0] - 1].measures.count else { return nil }
        let measure = workspace.plans[p].pillars[numbers[0] - 1].measures[numbers[1] - 1]
        if numbers.count == 2 {
            return measure.id == id ? Workspace.Location(plan: p, pillar: numbers[0] - 1, measure: numbers[1] - 1, task: nil) : nil
        }
        guard numbers[2] <= measure.tasks.count, measure.tasks[numbers[2] - 1].id == id else { return nil }
        return Workspace.Location(plan: p, pillar: numbers[0] - 1, measure: numbers[1] - 1, task: numbers[2] - 1)
    }

    /// Ids as hand-made workspaces and slices have them: another place's, leading zeros, a task's
    /// id on a measure, another plan's, too many parts, repeats, no number at all.
    static let oddIds = ["syn1-2026:1.1", "syn1-2026:01.1", "syn1-2026:1.01", "syn1-2026:1.1.1", "syn2-2026:2.3", "syn1-2026:1",
                         "syn1-2026:1.1.1.1", "syn1-2026:99.1", "syn1-2026:1.99", "syn1-2026:0.1", ":1.1", "1.1", "措施", "",
                         "syn1-2026:1.2", "syn1-2026:18446744073709551617.1", "SYN1-2026:1.1", "syn1-2026:1.1."]

    @Test("every id is at the place it names if it is there, else where it last is; unknown ids are nowhere; a plan is the first of its id", arguments: 1...6 as ClosedRange<UInt64>)
    func matchesTable(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Three plans: ids are changed in the first only (and in a copy), so the others name their places throughout
        // and are looked up without comparing ids.
        var plans = Synthetic.plans(measures: 2_400, seed: seed)
        // A plan twice, its ids changed apart: ids naming their place are found in the first if it has them there.
        if seed % 2 == 0 { plans.append(plans[random.int(below: plans.count)]) }
        // Some seeds change only tasks' ids, some only measures': a plan is then out of place by those alone.
        let (measuresToo, tasksToo) = (seed % 3 != 0, seed % 3 != 1)
        for p in [0, plans.count - 1] {
            for q in plans[p].pillars.indices {
                for m in plans[p].pillars[q].measures.indices where random.chance(0.2) {
                    if measuresToo { plans[p].pillars[q].measures[m].id = Self.oddIds[random.int(below: Self.oddIds.count)] }
                    for t in plans[p].pillars[q].measures[m].tasks.indices where tasksToo && random.chance(0.3) {
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
        for id in Self.oddIds + ["syn3-2026:1.1.9", "syn2-2026:1.999", "syn2-2026:99.1", "syn2-2026:1.1.99", "nowhere:1.1"]
        where table[id] == nil {
            #expect(workspace.location(of: id) == nil, "\(id)")
        }
        #expect(Set(workspace.allIds) == Set(table.keys))
        // A plan by its id: the first of that id.
        for plan in plans { #expect(workspace.plan(plan.id) == plans.first { $0.id == plan.id }, "\(plan.id)") }
        #expect(workspace.plan("nowhere") == nil)
    }
}
