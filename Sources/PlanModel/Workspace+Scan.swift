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
        let ids = Array(ledger.marks.keys) + Array(ledger.unitChanges.keys) + Array(ledger.dueDates.keys)
        // Each processor places every n-th id (100,000 of them at 100k measures), the sets then joined.
        let stripes = Swift.max(1, Swift.min(Processors.count, ids.count / 4_096))
        let parts = Array(0..<stripes).concurrentMap { stripe in
            var changed = Set<Int>()
            for n in Swift.stride(from: stripe, to: ids.count, by: stripes) {
                if let l = location(of: ids[n]) { changed.insert(Workspace.packed(l.plan, l.pillar, l.measure)) }
            }
            return changed
        }
        return parts.dropFirst().reduce(into: parts[0]) { $0.formUnion($1) }
    }

    /// The measures of plan `p` cut into runs of about one length (ordinals in document order), a run
    /// for each processor when the plan is large enough: a scan of one plan of a small store uses
    /// every processor too.
    func measureRuns(ofPlan p: Int, runs wanted: Int? = nil) -> [Range<Int>] {
        precondition(wanted.map { $0 > 0 } ?? true, "a plan is cut into one run or more")
        let count = plans[p].pillars.reduce(0) { $0 + $1.measures.count }
        let runs = wanted ?? Swift.max(1, Swift.min(Processors.count, count / 256))
        return (0..<runs).map { count * $0 / runs..<count * ($0 + 1) / runs }
    }

    /// The measures of plan `p` in document order (those of ordinals `run`, else all), with their state.
    /// Measures not in `changed` (`changedMeasures()`) are taken as their document has them: todo, its
    /// units, its deadline. So a scan hashes only the ids the ledger names, not every measure id.
    func measureStates(ofPlan p: Int, run: Range<Int>? = nil, changed: Set<Int>) -> [MeasureState] {
        var states: [MeasureState] = []
        var first = 0  // the ordinal of the pillar's first measure
        for q in plans[p].pillars.indices {
            let measures = plans[p].pillars[q].measures
            defer { first += measures.count }
            // Only the run's measures, by index: a pillar outside it is passed over whole.
            let wanted = run.map { $0.clamped(to: first..<first + measures.count) } ?? first..<first + measures.count
            for ordinal in wanted {
                let m = ordinal - first
                if !changed.isEmpty, changed.contains(Workspace.packed(p, q, m)) {
                    states.append(MeasureState(plan: p, pillar: q, measure: m, status: status(of: measures[m]),
                                               units: units(of: measures[m]), due: dueDate(of: measures[m])))
                } else {
                    states.append(MeasureState(plan: p, pillar: q, measure: m, status: .todo,
                                               units: measures[m].units, due: measures[m].deadline?.date))
                }
            }
        }
        return states
    }

    private static func packed(_ plan: Int, _ pillar: Int, _ measure: Int) -> Int {
        plan << 40 | pillar << 20 | measure
    }
}
