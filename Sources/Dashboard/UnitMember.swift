import Foundation
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
        var unit: ResponsibleUnit
        var spellingCounts: [Int]
        var places: [Place] = []

        /// The unit's measures with their lights today, and its counts as the workload screen shows them.
        /// `plan`: only its measures (the workload of one plan), else all.
        func members(in workspace: Workspace, plan: String?, today: Day, utcOffset: Int) -> (members: [UnitMember], row: Workload.Row) {
            let planIndex = plan.flatMap { id in workspace.plans.firstIndex { $0.id == id } }
            let places = plan == nil ? places : self.places.filter { $0.plan == planIndex }
            var row = Workload.Row(unit: unit)
            // Under its most used spelling (document order on a tie), as `Workload` names it.
            let order = spellingCounts.indices.sorted { (-spellingCounts[$0], $0) < (-spellingCounts[$1], $1) }
            row.unit.spellings = order.map { unit.spellings[$0] }
            row.unit.name = row.unit.spellings.first ?? unit.name
            row.total = places.count
            row.led = places.count { $0.lead }
            var members: [UnitMember] = []
            members.reserveCapacity(places.count)
            for place in places {
                let measure = workspace.plans[place.plan].pillars[place.pillar].measures[place.measure]
                let schedule = workspace.schedule(of: measure, today: today, utcOffset: utcOffset)
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

    /// A string keyed by its UTF-8 bytes: String's own hashing and `==` normalise non-ASCII
    /// text each time, which a pass over 100,000 measures' unit names cannot afford.
    private struct BytesKey: Hashable {
        var text: String
        var bytes: UInt64

        init(_ text: String) {
            self.text = text
            bytes = text.fnv1a()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
        static func == (a: BytesKey, b: BytesKey) -> Bool { a.bytes == b.bytes && a.text.hasSameBytes(as: b.text) }
    }

    public init(workspace: Workspace, directory: UnitDirectory) {
        // A unit clause (区发改委、区经委) → its spellings naming a wanted unit, with their canonical names;
        // per district, canonical name → index in `found`.
        var clauses: [BytesKey: [(spelling: String, canonical: BytesKey)]] = [:]
        var found: [Entry] = []
        var foundByDistrict: [String: [BytesKey: Int]] = [:]
        // Per district, a clause → the entries it names and which of their spellings: the common
        // case, a clause seen before in the district, touches no string but the clause's bytes.
        var targetsByDistrict: [String: [BytesKey: [(found: Int, spelling: Int)]]] = [:]
        var hits: [(found: Int, role: Role, lead: Bool)] = []
        // Without unit changes in the store, a measure's units are its document's: read without copying the measure.
        let unitsChanged = !workspace.ledger.unitChanges.isEmpty
        for (p, plan) in workspace.plans.enumerated() {
            let district = plan.districtKey
            var inDistrict = foundByDistrict.removeValue(forKey: district) ?? [:]
            var targets = targetsByDistrict.removeValue(forKey: district) ?? [:]
            defer {
                foundByDistrict[district] = inDistrict
                targetsByDistrict[district] = targets
            }
            for (q, pillar) in plan.pillars.enumerated() {
                for m in pillar.measures.indices {
                    hits.removeAll(keepingCapacity: true)
                    for ref in unitsChanged ? workspace.units(of: pillar.measures[m]) : pillar.measures[m].units {
                        let clause = BytesKey(ref.name)
                        if targets[clause] == nil {
                            let named: [(spelling: String, canonical: BytesKey)]
                            if let known = clauses[clause] {
                                named = known
                            } else {
                                named = UnitDirectory.names(in: ref.name).map { ($0, BytesKey(directory.canonicalName($0))) }
                                clauses[clause] = named
                            }
                            targets[clause] = named.map { spelling, canonical in
                                let index: Int
                                if let known = inDistrict[canonical] {
                                    index = known
                                } else {
                                    index = found.count
                                    inDistrict[canonical] = index
                                    found.append(Entry(unit: ResponsibleUnit(district: district, canonicalName: canonical.text,
                                                                             name: spelling, spellings: []), spellingCounts: []))
                                }
                                if let s = found[index].unit.spellings.firstIndex(where: { $0.hasSameBytes(as: spelling) }) {
                                    return (index, s)
                                }
                                found[index].unit.spellings.append(spelling)
                                found[index].spellingCounts.append(0)
                                return (index, found[index].unit.spellings.count - 1)
                            }
                        }
                        for (index, spelling) in targets[clause] ?? [] {
                            found[index].spellingCounts[spelling] += 1
                            if let seen = hits.firstIndex(where: { $0.found == index }) {
                                hits[seen].lead = hits[seen].lead || ref.role == .lead
                            } else {
                                hits.append((index, ref.role, ref.role == .lead))
                            }
                        }
                    }
                    for (index, role, lead) in hits {
                        found[index].places.append(Place(plan: p, pillar: q, measure: m, role: role, lead: lead))
                    }
                }
            }
        }
        entries = found
        for (i, entry) in found.enumerated() {
            entryById[ResponsibleUnit.id(district: entry.unit.district, canonicalName: entry.unit.canonicalName)] = i
        }
    }
}
