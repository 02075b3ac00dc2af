import FoundationEssentials
import PlanModel

/// One measure of a unit's list with what the list groups, orders, filters and
/// counts it by, found once when the list opens or the plans change: a filter or
/// an order then touches only these values, not the plans (100,000 measures in one
/// list take milliseconds).
public struct UnitMember: Equatable, Sendable {
    public var id: String
    /// Indices into `plans`, the plan's `pillars` and the pillar's `measures`.
    var plan: Int, pillar: Int, measure: Int
    /// The unit's role on the measure (its first mention).
    var role: Role?
    var status: Status
    var schedule: Schedule
    var units: [UnitRef]
    var isOverdue: Bool
    var tasks: Int
}

/// Every unit (district and canonical name) with the measures it takes part in, in
/// document order: one pass over the plans when they are read or a measure's units
/// change, so the unit home and a unit's list find their measures without scanning
/// every measure. Only the unit shown is made into `UnitMember`s (their lights cost most).
public struct UnitIndex: Equatable, Sendable {
    /// Where a unit takes part: indices into plans, pillars and measures, and its role there.
    struct Place: Equatable, Sendable {
        var plan: Int, pillar: Int, measure: Int
        /// Its first mention's role; it leads if any mention says so.
        var role: Role
        var lead: Bool
    }

    struct Entry: Equatable, Sendable {
        /// Under its most used spelling, as `Workload` names it.
        var unit: ResponsibleUnit
        var places: [Place] = []

        /// The unit's measures with their lights today, and its counts as the workload screen shows them.
        /// `plan`: only its measures (the workload of one plan), else all.
        func members(in workspace: Workspace, plan: String?, today: Day, utcOffset: Int) -> (members: [UnitMember], row: Workload.Row) {
            let planIndex = plan.flatMap { id in workspace.plans.firstIndex { $0.id == id } }
            let places = plan == nil ? places : self.places.filter { $0.plan == planIndex }
            var row = Workload.Row(unit: unit)
            row.total = places.count
            row.led = places.count { $0.lead }
            var members: [UnitMember] = []
            members.reserveCapacity(places.count)
            for place in places {
                let measure = workspace.plans[place.plan].pillars[place.pillar].measures[place.measure]
                let schedule = workspace.schedule(of: measure, in: workspace.plans[place.plan], today: today, utcOffset: utcOffset)
                let member = UnitMember(
                    id: measure.id, plan: place.plan, pillar: place.pillar, measure: place.measure, role: place.role,
                    status: schedule.status, schedule: schedule, units: workspace.units(of: measure),
                    isOverdue: schedule.status != .done && schedule.end.map { $0 < today } ?? false, tasks: measure.tasks.count)
                switch member.status {
                case .done: row.done += 1
                case .doing: row.doing += 1
                case .blocked: row.blocked += 1
                case .todo: row.todo += 1
                }
                if member.isOverdue { row.overdue += 1 }
                members.append(member)
            }
            return (members, row)
        }
    }

    private(set) var entries: [Entry] = []
    private var entryById: [String: Int] = [:]

    /// The unit's entry, by district and canonical name.
    func entry(of unit: ResponsibleUnit) -> Entry? {
        entryById[ResponsibleUnit.id(district: unit.district, canonicalName: unit.canonicalName)].map { entries[$0] }
    }

    public init(workspace: Workspace, directory: UnitDirectory) {
        var names = UnitResolver(directory: directory)
        // Per unit of `names`, where it takes part.
        var places: [[Place]] = []
        var hits: [(unit: Int, role: Role, lead: Bool)] = []
        // Without unit changes in the store, a measure's units are its document's: read without copying the measure.
        let unitsChanged = !workspace.ledger.unitChanges.isEmpty
        for (p, plan) in workspace.plans.enumerated() {
            let district = plan.districtKey
            for (q, pillar) in plan.pillars.enumerated() {
                for m in pillar.measures.indices {
                    hits.removeAll(keepingCapacity: true)
                    for ref in unitsChanged ? workspace.units(of: pillar.measures[m]) : pillar.measures[m].units {
                        for (unit, _) in names.resolve(ref.name, in: district) {
                            if let seen = hits.firstIndex(where: { $0.unit == unit }) {
                                hits[seen].lead = hits[seen].lead || ref.role == .lead
                            } else {
                                hits.append((unit, ref.role, ref.role == .lead))
                            }
                        }
                    }
                    if places.count < names.units.count { places += Array(repeating: [], count: names.units.count - places.count) }
                    for (unit, role, lead) in hits {
                        places[unit].append(Place(plan: p, pillar: q, measure: m, role: role, lead: lead))
                    }
                }
            }
        }
        entries = places.indices.map { Entry(unit: names.byUse($0), places: places[$0]) }
        for (i, entry) in entries.enumerated() { entryById[entry.unit.id] = i }
    }
}
