import PlanModel
import StoreSync
import PlanStore

/// Where the dashboard's plans and events come from and go to: the store,
/// behind closures so the runner stays independent of how it is kept.
struct DashboardDataSource {
    /// True when the store may not be written here (`JSONPlanStore.isReadOnly`).
    var readOnly = false
    /// Reads every plan with its events folded in.
    var load: @Sendable () throws -> Workspace
    /// Reads the plans' outline from their indexes, with the events folded in (`JSONPlanStore.loadOutline`).
    var loadOutline: () throws -> Workspace
    /// Appends one step's events together, refused when the store no longer
    /// holds the values they replace.
    var append: ([Event]) throws -> Void
    /// Undoes the officer's latest step within the scope that can still be undone (`PlanStoring.undo`).
    var undo: (EventFactory, UndoScope) throws -> UndoOutcome
    /// The events about these ids (a measure and its tasks), oldest first.
    var history: @Sendable (_ targets: Set<String>) throws -> [Event]
    /// Syncs with the other officers' stores (`duban sync`).
    var sync: @Sendable () throws -> SyncSummary
}
