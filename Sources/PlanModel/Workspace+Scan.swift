extension Workspace {
    /// What a workload or report needs of one measure, with the store's changes applied.
    struct MeasureState {
        /// Indices into `plans`, the plan's `pillars` and the pillar's `measures`
        /// (indices, not copies: a scan of 100,000 measures should not retain them all).
        var plan: Int
        var pillar: Int
        var measure: Int
        var status: Status
        var units: [UnitRef]
        var due: Day?
    }

    /// The measures the ledger says something about (a mark on them or their tasks, a unit
    /// change, a due date), as `packed` places: only these need their state worked out.
    func changedMeasures() -> Set<Int> {
        var changed = Set<Int>()
        for id in Array(ledger.marks.keys) + Array(ledger.unitChanges.keys) + Array(ledger.dueDates.keys) {
            if let l = location(of: id) { changed.insert(Workspace.packed(l.plan, l.pillar, l.measure)) }
        }
        return changed
    }

    /// Every measure of plan `p` in document order, with its state. Measures not in `changed`
    /// (`changedMeasures()`) are taken as their document has them: todo, its units, its
    /// deadline. So a scan hashes only the ids the ledger names, not every measure id.
    func measureStates(ofPlan p: Int, changed: Set<Int>) -> [MeasureState] {
        var states: [MeasureState] = []
        for (q, pillar) in plans[p].pillars.enumerated() {
            for (m, measure) in pillar.measures.enumerated() {
                if !changed.isEmpty, changed.contains(Workspace.packed(p, q, m)) {
                    states.append(MeasureState(plan: p, pillar: q, measure: m, status: status(of: measure),
                                               units: units(of: measure), due: dueDate(of: measure)))
                } else {
                    states.append(MeasureState(plan: p, pillar: q, measure: m, status: .todo,
                                               units: measure.units, due: measure.deadline?.date))
                }
            }
        }
        return states
    }

    private static func packed(_ plan: Int, _ pillar: Int, _ measure: Int) -> Int {
        plan << 40 | pillar << 20 | measure
    }
}
