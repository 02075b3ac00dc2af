import PlanModel

/// Work for the executable: `apply` never touches the store, the clock or files.
/// Results come back as `Input`s.
public enum Effect: Equatable, Sendable {
    /// Record one change about a measure or task: the executable adds id, time and
    /// officer to make the store event, appends it, and answers `.recorded`.
    case record(target: String, change: Change)
    /// Undo the officer's latest change that can still be undone (`PlanStoring.undo`), answering `.undone`.
    case undo
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
    /// Switch to the named theme, answering `.themeChanged`.
    case useTheme(String)
    /// Write the ledger of `scope` as an Excel workbook to `path` (relative: to the
    /// current directory), answering `.notice(.exported)` or `.notice(.exportFailed)`.
    case exportLedger(path: String, scope: LedgerScope)
    case quit
}
