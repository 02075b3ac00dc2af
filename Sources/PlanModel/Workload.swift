/// Who carries what: per unit, how many measures it takes part in and where
/// they stand. A measure with three units counts once for each of them; a unit
/// named twice in one measure (two spellings) counts once, as lead if either says so.
public struct Workload: Equatable, Sendable {
    /// One unit's measures by status. `open` is everything not done.
    public struct Row: Equatable, Sendable, Encodable {
        public var unit: Unit
        public var total = 0
        public var done = 0
        public var doing = 0
        public var blocked = 0
        public var todo = 0
        /// Past their due date and not done.
        public var overdue = 0
        /// Measures the unit leads (role lead, 牵头).
        public var led = 0

        public init(unit: Unit) { self.unit = unit }

        public var open: Int { total - done }
        /// Done out of total, 0 when the unit has no measure.
        public var completion: Double { total == 0 ? 0 : Double(done) / Double(total) }

        enum CodingKeys: String, CodingKey {
            case district, unit, spellings, total, done, doing, blocked, todo, open, overdue, led
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(unit.district, forKey: .district)
            try c.encode(unit.name, forKey: .unit)
            try c.encode(unit.spellings, forKey: .spellings)
            try c.encode(total, forKey: .total)
            try c.encode(done, forKey: .done)
            try c.encode(doing, forKey: .doing)
            try c.encode(blocked, forKey: .blocked)
            try c.encode(todo, forKey: .todo)
            try c.encode(open, forKey: .open)
            try c.encode(overdue, forKey: .overdue)
            try c.encode(led, forKey: .led)
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

    /// One pass over the measures; names are resolved once per distinct spelling
    /// and district, so the cost per measure is a few dictionary look-ups.
    public init(workspace: Workspace, directory: UnitDirectory, today: Day, filter: Filter = Filter()) {
        var rows: [Row] = []
        var spellingCounts: [[Int]] = []
        var rowByUnitId: [String: Int] = [:]
        // Per district: raw name → (row, spelling index) of each unit it names.
        var resolved: [String: [String: [(row: Int, spelling: Int)]]] = [:]
        var touched: [(row: Int, lead: Bool)] = []

        for plan in workspace.plans where filter.plans?.contains(plan.id) ?? true {
            let district = plan.districtKey
            var names = resolved[district] ?? [:]
            for (ordinal, pillar) in plan.pillars.enumerated() where filter.pillar.map({ $0 == ordinal + 1 }) ?? true {
                for measure in pillar.measures {
                    let status = workspace.status(of: measure)
                    if let statuses = filter.statuses, !statuses.contains(status) { continue }
                    touched.removeAll(keepingCapacity: true)
                    for ref in workspace.units(of: measure) {
                        let targets: [(row: Int, spelling: Int)]
                        if let known = names[ref.name] {
                            targets = known
                        } else {
                            targets = UnitDirectory.names(in: ref.name).map { spelling in
                                let canonical = directory.canonicalName(spelling)
                                let id = Unit.id(district: district, canonicalName: canonical)
                                let row = rowByUnitId[id] ?? {
                                    rowByUnitId[id] = rows.count
                                    rows.append(Row(unit: Unit(district: district, canonicalName: canonical,
                                                               name: spelling, spellings: [])))
                                    spellingCounts.append([])
                                    return rows.count - 1
                                }()
                                if let index = rows[row].unit.spellings.firstIndex(of: spelling) {
                                    return (row, index)
                                }
                                rows[row].unit.spellings.append(spelling)
                                spellingCounts[row].append(0)
                                return (row, rows[row].unit.spellings.count - 1)
                            }
                            names[ref.name] = targets
                        }
                        for target in targets {
                            spellingCounts[target.row][target.spelling] += 1
                            if let seen = touched.firstIndex(where: { $0.row == target.row }) {
                                touched[seen].lead = touched[seen].lead || ref.role == .lead
                            } else {
                                touched.append((target.row, ref.role == .lead))
                            }
                        }
                    }
                    guard !touched.isEmpty else { continue }
                    let overdue = status != .done && workspace.dueDate(of: measure).map { $0 < today } ?? false
                    for (row, lead) in touched {
                        rows[row].total += 1
                        switch status {
                        case .done: rows[row].done += 1
                        case .doing: rows[row].doing += 1
                        case .blocked: rows[row].blocked += 1
                        case .todo: rows[row].todo += 1
                        }
                        if overdue { rows[row].overdue += 1 }
                        if lead { rows[row].led += 1 }
                    }
                }
            }
            resolved[district] = names
        }
        // Show each unit under its most used spelling (document order on a tie).
        for row in rows.indices {
            let order = spellingCounts[row].indices.sorted { (-spellingCounts[row][$0], $0) < (-spellingCounts[row][$1], $1) }
            rows[row].unit.spellings = order.map { rows[row].unit.spellings[$0] }
            rows[row].unit.name = rows[row].unit.spellings[0]
        }
        self.rows = rows
        sort(by: .name)
    }

    /// The row of a unit, by any of its spellings (canonical comparison).
    public func row(for name: String, district: String? = nil, directory: UnitDirectory) -> Row? {
        let canonical = directory.canonicalName(name)
        return rows.first { $0.unit.canonicalName == canonical && (district == nil || $0.unit.district == district) }
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
