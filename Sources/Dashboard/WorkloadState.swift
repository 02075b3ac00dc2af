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
    /// The unit drilled into, and its list: grouped by plan and pillar, filtered, in `measureOrder`.
    public var unit: Workload.Row?
    public var listing = UnitListing()
    /// The unit's measures in document order, with what the list orders and filters them by.
    public var members: [UnitMember] = []
    public var measureOrder: MeasureOrder = .urgency
    /// The unit's list is the officer's home screen (`duban --unit`): Esc goes to the plans.
    public var isHome = false
    /// The measures shown, in display order.
    public var measures: [String] { listing.ids }
    /// The cursor over `measures`.
    public var measureCursor = ListCursor()

    public init(plan: String?, origin: Screen) {
        self.plan = plan
        self.origin = origin
    }
}
