import JSONTree

/// Who carries what: per unit, how many measures it takes part in and where
/// they stand. A measure with three units counts once for each of them; a unit
/// named twice in one measure (two spellings) counts once, as lead if either says so.
public struct Workload: Equatable, Sendable {
    /// One unit's measures by status. `open` is everything not done.
    public struct Row: Equatable, Sendable, JSONObject {
        public var unit: ResponsibleUnit
        public var total = 0
        public var done = 0
        public var doing = 0
        public var blocked = 0
        public var todo = 0
        /// Past their due date and not done.
        public var overdue = 0
        /// Measures the unit leads (role lead, 牵头).
        public var led = 0

        public init(unit: ResponsibleUnit) { self.unit = unit }

        public var open: Int { total - done }
        /// Done out of total, 0 when the unit has no measure.
        public var completion: Double { total == 0 ? 0 : Double(done) / Double(total) }

        // In key order, so the writer moves nothing (an `Encodable` with coding keys also cost a scan of
        // the binary's conformances at every start).
        public func fields(into object: inout JSONFields) throws {
            try object.field("blocked", blocked)
            try object.field("district", unit.district)
            try object.field("doing", doing)
            try object.field("done", done)
            try object.field("led", led)
            try object.field("open", open)
            try object.field("overdue", overdue)
            try object.field("spellings", unit.spellings)
            try object.field("todo", todo)
            try object.field("total", total)
            try object.field("unit", unit.name)
        }
    }

    /// Which measures count. Nil fields do not filter.
    public struct Filter: Equatable, Sendable {
        public var plans: Set<String>?
        /// 1-based pillar ordinal (the P of `PLAN:P.M`), in every selected plan.
        public var pillar: Int?
        public var statuses: Set<Status>?

        public init(plans: Set<String>? = nil, pillar: Int? = nil, statuses: Set<Status>? = nil) {
            self.plans = plans
            self.pillar = pillar
            self.statuses = statuses
        }
    }

    /// The orders of `duban workload --sort` and the dashboard's `o` key.
    public enum Order: String, CaseIterable, Sendable {
        /// Most open measures first.
        case open
        /// Most overdue measures first.
        case overdue
        /// Highest completion (done / total) first.
        case done
        /// By district, then unit name.
        case name
    }

    public private(set) var rows: [Row]

    /// One pass over the measures, each run of a plan's (`Workspace.measureRuns`) on a processor of its
    /// own, the runs' counts then added up in document order, which gives what one pass in order would;
    /// names are resolved once per distinct spelling and district (per run), so the cost per measure
    /// is a few look-ups.
    public init(workspace: Workspace, directory: UnitDirectory, today: Day, filter: Filter = Filter()) {
        self.init(workspace: workspace, directory: directory, today: today, filter: filter, runsPerPlan: nil)
    }

    /// `runsPerPlan` fixes how many runs each plan's measures are cut into (tests: one is a single pass in order).
    init(workspace: Workspace, directory: UnitDirectory, today: Day, filter: Filter, runsPerPlan: Int?) {
        let changed = workspace.changedMeasures()
        let selected = workspace.plans.indices.filter { filter.plans?.contains(workspace.plans[$0].id) ?? true }
        let runs = selected.flatMap { p in workspace.measureRuns(ofPlan: p, runs: runsPerPlan).map { (plan: p, run: $0) } }
        let parts = runs.concurrentMap { part -> Tally in
            var tally = Tally(directory: directory)
            let district = workspace.plans[part.plan].districtKey
            for state in workspace.measureStates(ofPlan: part.plan, run: part.run, changed: changed) {
                if let pillar = filter.pillar, pillar != state.pillar + 1 { continue }
                if let statuses = filter.statuses, !statuses.contains(state.status) { continue }
                tally.add(state, district: district, overdue: state.status != .done && state.due.map { $0 < today } ?? false)
            }
            return tally
        }
        var tally = Tally(directory: directory)
        for part in parts { tally.merge(part) }
        rows = tally.named
        sort(by: .name)
    }

    public mutating func sort(by order: Order) {
        rows.sort { a, b in
            let byName = (a.unit.name, a.unit.district) < (b.unit.name, b.unit.district)
            switch order {
            case .open:
                return (a.open, a.overdue) != (b.open, b.overdue) ? (a.open, a.overdue) > (b.open, b.overdue) : byName
            case .overdue:
                return (a.overdue, a.open) != (b.overdue, b.open) ? (a.overdue, a.open) > (b.overdue, b.open) : byName
            case .done:
                return (a.completion, a.done) != (b.completion, b.done) ? (a.completion, a.done) > (b.completion, b.done) : byName
            case .name:
                return (a.unit.district, a.unit.name) < (b.unit.district, b.unit.name)
            }
        }
    }

    public func sorted(by order: Order) -> Workload {
        var copy = self
        copy.sort(by: order)
        return copy
    }
}
