import PlanModel

/// Search as you type over every plan, and `n`/`N` through its matches.
extension AppState {
    mutating func updateSearch(_ query: String) {
        // Only a longer query (the old one plus more) can keep to the old matches.
        let narrowing = !search.query.isEmpty && query.hasPrefix(search.query)
        search.query = query
        findMatches(within: narrowing ? search.matches : nil)
    }

    /// The query's matches (none until the index arrives), the cursor on the first at or after it,
    /// as an editor's incremental search does.
    private mutating func findMatches(within candidates: [Int]?) {
        search.current = nil
        guard let index = searchIndex, !search.query.isEmpty else { search.matches = []; return }
        search.matches = index.matches(of: search.query, within: candidates)
        guard !search.matches.isEmpty else { return }
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

    /// The query's matches in plans read again: none until their index arrives, the match the cursor was on kept for it.
    mutating func refreshSearch() {
        guard !search.query.isEmpty else { return }
        guard let index = searchIndex else { search.matches = []; return }
        search.matches = index.matches(of: search.query)
        search.current = search.matches.isEmpty ? nil : min(search.current ?? 0, search.matches.count - 1)
    }

    /// A search waiting for an index that none is building asks for one, built in the background.
    mutating func buildSearchIndexIfWaited() -> [Effect] {
        guard searchIndex == nil, !jobs.contains(.searchIndex), prompt?.kind == .search || !search.query.isEmpty else { return [] }
        jobs.insert(.searchIndex)
        return [.buildSearchIndex(generation: generation)]
    }

    /// The index a search waited for, kept unless the plans were read again meanwhile (then
    /// `buildSearchIndexIfWaited` asks anew); the query typed so far is applied.
    mutating func receive(_ index: SearchIndex, generation built: Int) {
        jobs.remove(.searchIndex)
        guard built == generation else { return }
        searchIndex = index
        if prompt?.kind == .search { findMatches(within: nil) } else { refreshSearch() }
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
        guard let entry = searchIndex?.entries[search.matches[index]] else { return }
        search.current = index
        select(plan: entry.plan, pillar: entry.pillar, measure: entry.measure)
        screen = .plan
        history = []
        workload = nil
    }
}
