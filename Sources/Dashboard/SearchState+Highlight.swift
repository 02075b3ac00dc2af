import PlanModel
import TerminalKit

extension SearchState {
    /// What the screens mark while a search is active: the query, compared the way
    /// `SearchIndex` matched it (traditional = simplified, full-width = ASCII).
    var highlight: Highlight? { isActive ? Highlight(query, fold: SearchIndex.folded) : nil }
}
