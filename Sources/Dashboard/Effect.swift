import PlanModel

/// Work for the executable: `apply` never touches the store, the clock or files.
/// Results come back as `Input`s.
public enum Effect: Equatable, Sendable {
    /// Record one step (`Event.isSameStep`) of changes about a measure or task: the
    /// executable stamps them with ids, one time and the officer to make the store
    /// events, appends them together, and answers `.recorded`.
    case record(target: String, changes: [Change])
    /// Undo the officer's latest step within `scope` that can still be undone
    /// (`PlanStoring.undo`), answering `.undone`.
    case undo(UndoScope)
    /// Read the store again, answering `.loaded`.
    case reload
    /// Sync the store with the other officers' (`duban sync`), answering `.synced`
    /// or `.notice(.syncFailed)`.
    case sync
    /// The events about a measure and its tasks, answering `.history`.
    case loadHistory(measure: String)
    /// Related measures and unit suggestions for a measure (from a similarity
    /// index the executable builds once), answering `.suggestions`.
    case loadSuggestions(measure: String)
    /// Build the search index of the plans as they are now (`AppState.generation`), answering `.searchIndexed`.
    case buildSearchIndex(generation: Int)
    /// Switch to the named theme, answering `.themeChanged`.
    case useTheme(String)
    /// Write the ledger of `scope` as an Excel workbook to `path` (relative: to the
    /// current directory), answering `.notice(.exported)` or `.notice(.exportFailed)`.
    case exportLedger(path: String, scope: LedgerScope)
    case quit
}
