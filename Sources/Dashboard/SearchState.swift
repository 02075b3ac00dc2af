/// The current search: its query, the matching measures (indexes into the
/// `SearchIndex`), and which match the cursor is on.
public struct SearchState: Equatable, Sendable {
    public var query = ""
    public var matches: [Int] = []
    public var current: Int?
    /// Where the officer was when the search began: Esc on the live search goes back there.
    var origin: Origin?

    struct Origin: Equatable, Sendable {
        var screen: Screen
        var focus: Focus
        var planCursor, pillarCursor, measureCursor: ListCursor
        var workload: WorkloadState?
    }

    public init() {}

    /// `n`/`N` step through matches while there are any.
    public var isActive: Bool { !query.isEmpty && !matches.isEmpty }
}
