import PlanModel
@testable import Dashboard

extension AppState {
    /// Applies `input` with the search index it asks for built at once, where the executable builds it in the
    /// background: for tests of what a search finds, not of the keys typed while it builds (`BackgroundJobTests`).
    mutating func applyIndexingAtOnce(_ input: Input) -> [Effect] {
        var effects: [Effect] = []
        for effect in apply(input) {
            guard case let .buildSearchIndex(generation) = effect else { effects.append(effect); continue }
            effects += apply(.searchIndexed(SearchIndex(plans: workspace.plans), generation: generation))
        }
        return effects
    }
}
