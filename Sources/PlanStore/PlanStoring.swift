import FoundationEssentials
import PlanModel

/// A store of plans and the events recorded against them. The JSON directory
/// store and the in-memory twin both pass one contract suite.
public protocol PlanStoring: Sendable {
    /// Every plan with its full progress (snapshot + journal folded).
    func load() throws(StoreError) -> Workspace

    /// Enough of the workspace to decide and record changes to `ids` (measure
    /// or task ids): their measures with task ids, units and due dates, and
    /// every event recorded against them. It may hold more; plan and measure
    /// titles and text may be empty, and then it is marked `isSlice`. An unknown id throws `unknownId` with the
    /// closest existing ids.
    func workspace(for ids: [String]) throws(StoreError) -> Workspace

    /// Decides and records a change atomically: `build` gets the current state of
    /// `ids` (as `workspace(for:)`) and its events are appended before any other
    /// writer can change those ids, so no change is decided on a stale state.
    /// Returns the events recorded (none when `build` returns none).
    func update(_ ids: [String], _ build: (Workspace) throws(StoreError) -> [Event]) throws(StoreError) -> [Event]

    /// The fold of `officer`'s own events: their undo stack (`PlanStoring.undo(steps:as:)`).
    func ledger(of officer: String) throws(StoreError) -> Ledger

    /// Appends the events durably, in order; when this returns they are acknowledged.
    func record(_ events: [Event]) throws(StoreError)

    /// Adds plans or replaces the plans of the same ids, in order (a plan named twice is
    /// imported twice, the second over the first). Progress follows ids, so measures that
    /// keep their id keep it; vanished ids keep their history. Every plan is checked
    /// (`ImportReport.validate`) before any is imported.
    func importPlans(_ plans: [Plan]) throws(StoreError) -> [ImportReport]

    /// Removes the plan `id`; the events recorded against it stay in the journal (orphans,
    /// as after a re-import that drops measures). An unknown plan throws `unknownPlan`.
    func removePlan(_ id: String) throws(StoreError)

    /// Events in fold order (`inFoldOrder`: by time, then officer), only those about `targets` if given, and
    /// only those at or after `since` if given.
    func history(of targets: Set<String>?, since: Date?) throws(StoreError) -> [Event]

    /// Folds the journal into a new snapshot (the journal itself is kept whole).
    func compact() throws(StoreError)
}

extension PlanStoring {
    /// Adds a plan or replaces the plan of the same id (`importPlans`).
    public func importPlan(_ plan: Plan) throws(StoreError) -> ImportReport {
        try importPlans([plan])[0]
    }
}
