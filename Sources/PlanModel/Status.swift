/// Where a measure or task stands.
public enum Status: String, Codable, CaseIterable, Sendable {
    case todo, doing, done, blocked

    /// The next status of the dashboard's `s` key: todo → doing → done → todo.
    public var cycled: Status {
        switch self {
        case .todo: .doing
        case .doing: .done
        case .done, .blocked: .todo
        }
    }
}

/// Done out of total, e.g. the tasks of a measure (3/7).
public struct Progress: Equatable, Sendable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    public var fraction: Double { total == 0 ? 0 : Double(done) / Double(total) }
}
