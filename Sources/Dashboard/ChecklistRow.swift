/// One cursor row of the measure screen: the measure itself, one of its tasks,
/// a suggested unit, a related measure or a note (each by its index in its own list).
public enum ChecklistRow: Hashable, Sendable {
    case measure
    case task(Int)
    case suggestion(Int)
    case related(Int)
    /// A note of the measure or of one of its tasks, as `Workspace.notes(of:)` lists them.
    case note(Int)
}

/// The measure screen's cursor rows in order: the measure, its tasks, the
/// suggested units, the related measures, the notes. The one place that turns
/// a cursor position into a row.
public struct Checklist: Equatable, Sendable {
    public var tasks: Int
    public var suggestions: Int
    public var related: Int
    public var notes: Int

    public init(tasks: Int, suggestions: Int, related: Int, notes: Int = 0) {
        self.tasks = tasks
        self.suggestions = suggestions
        self.related = related
        self.notes = notes
    }

    public var count: Int { 1 + tasks + suggestions + related + notes }

    /// The row at cursor position `index`, nil outside the checklist.
    public func row(at index: Int) -> ChecklistRow? {
        switch index {
        case 0: .measure
        case 1..<(1 + tasks): .task(index - 1)
        case (1 + tasks)..<(1 + tasks + suggestions): .suggestion(index - 1 - tasks)
        case (1 + tasks + suggestions)..<(1 + tasks + suggestions + related): .related(index - 1 - tasks - suggestions)
        case (1 + tasks + suggestions + related)..<count: .note(index - 1 - tasks - suggestions - related)
        default: nil
        }
    }
}
