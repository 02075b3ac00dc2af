import PlanModel
import TerminalKit

/// Everything that can happen to the dashboard: keys from the terminal and the
/// results of effects.
public enum Input: Equatable, Sendable {
    case key(Key)
    case loaded(Workspace)
    /// The store after a sync, and the sync's one-line summary.
    case synced(Workspace, summary: String)
    /// Events that were appended to the store (also an undo's event).
    case recorded([Event])
    /// What an undo did: the change undone (if any) and the changes passed over.
    case undone(UndoOutcome)
    case history(measure: String, events: [Event])
    case suggestions(MeasureSuggestions)
    /// The search index `.buildSearchIndex(generation:)` asked for.
    case searchIndexed(SearchIndex, generation: Int)
    /// The theme now in use, and why the requested one could not be used.
    case themeChanged(name: String, problem: String?)
    case notice(Notice)
    /// The executable began a `Job` in the background (the similarity index: the others are
    /// started by `apply` itself); its result input ends it.
    case started(Job)
}

/// Outcomes the executable reports that the state shows as messages.
public enum Notice: Equatable, Sendable {
    /// The store refused a change or a read, with the reason.
    case storeFailed(String)
    /// The first run created the store at `path` with the bundled sample plans.
    case storeCreated(path: String, plans: Int)
    /// The ledger was written to `path` (absolute), with `measures` rows.
    case exported(path: String, measures: Int)
    /// The ledger could not be written, with the reason.
    case exportFailed(String)
    /// The change was decided on a state of `target` another officer or terminal has changed since: nothing recorded.
    case changedMeanwhile(String)
    /// A reload failed (the store unreadable), with the reason; the plans on screen stay.
    case reloadFailed(String)
    /// A sync failed (remote unreachable, push refused…), with the reason; nothing was lost.
    case syncFailed(String)
}
