/// One cursor row of the measure screen: the measure itself, one of its tasks,
/// a suggested unit or a related measure (each by its index in its own list).
public enum ChecklistRow: Hashable, Sendable {
    case measure
    case task(Int)
    case suggestion(Int)
    case related(Int)
}

/// The measure screen's cursor rows in order: the measure, its tasks, the
/// suggested units, the related measures. The one place that turns a cursor
/// position into a row.
public struct Checklist: Equatable, Sendable {
    public var tasks: Int
    public var suggestions: Int
    public var related: Int

    public init(tasks: Int, suggestions: Int, related: Int) {
        self.tasks = tasks
        self.suggestions = suggestions
        self.related = related
    }

    public var count: Int { 1 + tasks + suggestions + related }

    /// The row at cursor position `index`, nil outside the checklist.
    public func row(at index: Int) -> ChecklistRow? {
        switch index {
        case 0: .measure
        case 1..<(1 + tasks): .task(index - 1)
        case (1 + tasks)..<(1 + tasks + suggestions): .suggestion(index - 1 - tasks)
        case (1 + tasks + suggestions)..<count: .related(index - 1 - tasks - suggestions)
        default: nil
        }
    }
}
