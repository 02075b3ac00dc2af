/// Why `Workspace`'s change rules refuse a change. Each case carries what a
/// message needs; the CLI and the dashboard word it themselves.
public enum ChangeRefusal: Error, Equatable, Sendable {
    /// No measure or task has this id.
    case unknownId(String)
    /// The change needs a measure and `id` is a task.
    case notAMeasure(String)
    /// Marking the measure done needs force: these tasks are open.
    case openTasks(measure: String, open: [String])
    case emptyNote(String)
    /// No note added by this event stands on the id (a wrong id, or a withdrawn note).
    case noNote(String, on: String)
    case emptyUnitName
    /// A unit name holds a separator (、 , ， ; ；), so it would read as several units.
    case compositeUnitName(String)
    /// The unit is not among the measure's units (`assigned`, by name).
    case notAssigned(unit: String, measure: String, assigned: [String])
}
