import PlanModel

/// Search as you type over every plan, and `n`/`N` through its matches.
extension AppState {
    mutating func updateSearch(_ query: String) {
        let previous = search
        // Only a longer query (the old one plus more) can keep to the old matches.
        let narrowing = !previous.query.isEmpty && query.hasPrefix(previous.query)
        search.query = query
        search.matches = query.isEmpty ? [] : preparedSearchIndex().matches(of: query, within: narrowing ? previous.matches : nil)
        search.current = nil
        guard let index = searchIndex, !search.matches.isEmpty else { return }
        // Start at the first match at or after the cursor, as an editor's incremental search does.
        let here = (planCursor.row, pillarCursor.row, selectedMeasureIndex ?? 0)
        let first = search.matches.firstIndex { i in
            let e = index.entries[i]
            return (e.plan, e.pillar, e.measure) >= here
        } ?? 0
        jump(toMatch: first)
    }

    /// The selected measure's index in its pillar, off the plans screen.
    private var selectedMeasureIndex: Int? {
        let listed = listedMeasures
        return screen == .plans || !listed.indices.contains(measureCursor.row) ? nil : listed[measureCursor.row]
    }

    mutating func refreshSearch() {
        guard !search.query.isEmpty else { return }
        search.matches = preparedSearchIndex().matches(of: search.query)
        search.current = search.matches.isEmpty ? nil : min(search.current ?? 0, search.matches.count - 1)
    }

    mutating func step(through delta: Int) {
        guard !search.matches.isEmpty else { return }
        let count = search.matches.count
        let next = search.current.map { (($0 + delta) % count + count) % count } ?? 0
        jump(toMatch: next)
    }

    /// Back where the search began; a measure screen reads its history again (the jump dropped it).
    mutating func returnFromSearch(to origin: SearchState.Origin) -> [Effect] {
        (screen, focus, planCursor, pillarCursor, measureCursor, workload)
            = (origin.screen, origin.focus, origin.planCursor, origin.pillarCursor, origin.measureCursor, origin.workload)
        guard screen == .measure, let measure = selectedMeasure else { return [] }
        return [.loadHistory(measure: measure.id)]
    }

    private mutating func jump(toMatch index: Int) {
        search.current = index
        let entry = preparedSearchIndex().entries[search.matches[index]]
        select(plan: entry.plan, pillar: entry.pillar, measure: entry.measure)
        screen = .plan
        history = []
        workload = nil
    }
}
