import PlanModel

/// The workload screen and its drill-down: per unit, its measures by status;
/// then one unit's measures.
public struct WorkloadState: Equatable, Sendable {
    /// The plan it is limited to (opened from a plan), else nil for all plans.
    public var plan: String?
    public var order: Workload.Order = .open
    public var rows: [Workload.Row] = []
    /// The cursor over `rows`.
    public var cursor = ListCursor()
    /// Where Esc goes back to.
    public var origin: Screen
    /// The unit drilled into, and its measures' ids in plan order.
    public var unit: Workload.Row?
    public var measures: [String] = []
    /// The cursor over `measures`.
    public var measureCursor = ListCursor()

    public init(plan: String?, origin: Screen) {
        self.plan = plan
        self.origin = origin
    }
}
