import PlanModel

extension UnitMatch {
    /// A unit no measure of `plans` names is an error naming the closest units, never an empty listing or ledger.
    func requireTakingPart(in workspace: Workspace, plans: Set<String>?) throws {
        var names = Set<String>()
        for plan in workspace.plans where plans?.contains(plan.id) ?? true {
            for pillar in plan.pillars {
                for measure in pillar.measures {
                    for unit in workspace.units(of: measure) {
                        if matches(unit.name) { return }
                        names.insert(unit.name)
                    }
                }
            }
        }
        let closest = closest(among: names)
        throw CommandFailure(description: "no unit '\(query)' in \(plans.map { $0.sorted().joined(separator: ", ") } ?? "the plans")"
                                 + (closest.isEmpty ? " (duban units lists them)" : "; closest: " + closest.joined(separator: ", ")),
                             exitCode: 1)
    }
}
