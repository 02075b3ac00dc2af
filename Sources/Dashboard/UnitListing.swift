import PlanModel
import TerminalKit

/// A unit's measures as its list shows them: a heading per plan and pillar with
/// its counts (shown of all while a filter is on), then the measures that pass
/// the filter, in the list's order.
public struct UnitListing: Equatable, Sendable {
    public enum Entry: Equatable, Sendable {
        /// A plan (nil within one plan) and pillar (`一 政务服务`), with how many of its measures are shown of the unit's.
        case group(plan: String?, pillar: String, shown: Int, total: Int)
        /// The measure at this position of `ids`.
        case measure(Int)
    }

    public var entries: [Entry] = []
    /// The measures shown, in display order: the list's cursor moves over these.
    public var ids: [String] = []
    /// The entry of each of `ids`.
    public var entryOf: [Int] = []
    /// The unit's role on each of `ids`, and whether any is not `responsible` (only then is the role said).
    public var roles: [Role?] = []
    public var saysRoles = false
    /// For the columns, found once here so a frame costs only its visible rows: the widest
    /// short id or plan id of a heading, and the most tasks of a measure or measures of a group.
    public var widestId = 0
    public var largestCount = 0

    public init() {}

    /// The first entry to show so that the cursor's measure is visible, with its group's heading when
    /// the list starts at the group's first measure.
    func offset(cursor: ListCursor, visibleRows: Int) -> Int {
        guard entryOf.indices.contains(cursor.row), visibleRows > 0 else { return 0 }
        let selected = entryOf[cursor.row]
        var offset = entryOf.indices.contains(cursor.offset) ? entryOf[cursor.offset] : 0
        if offset > 0, case .group = entries[offset - 1] { offset -= 1 }
        return Table.offset(showing: selected, visibleRows: visibleRows, current: offset, rowCount: entries.count)
    }

    /// `measures`: the unit's, in document order across plans. `namesPlan`: headings name the plan too.
    init(_ measures: [Measure], of unit: ResponsibleUnit, in workspace: Workspace, directory: UnitDirectory, filter: MeasureFilter,
         order: MeasureOrder, today: Day, utcOffset: Int, namesPlan: Bool) {
        var groups: [(key: [Int], measures: [Measure])] = []
        for measure in measures {
            guard let location = workspace.location(of: measure.id) else { continue }
            let key = [location.plan, location.pillar]
            if groups.last?.key == key { groups[groups.count - 1].measures.append(measure) } else { groups.append((key, [measure])) }
        }
        for (key, members) in groups {
            let plan = workspace.plans[key[0]], pillar = plan.pillars[key[1]]
            let shown = filter.isEmpty ? members : members.filter { filter.admits($0, in: workspace, today: today) }
            guard !shown.isEmpty else { continue }
            entries.append(.group(plan: namesPlan ? plan.id : nil, pillar: "\(pillar.number) \(pillar.title)",
                                  shown: shown.count, total: members.count))
            if namesPlan { widestId = max(widestId, DisplayWidth.of(plan.id)) }
            largestCount = max(largestCount, members.count)
            for position in order.sorted(shown, in: workspace, today: today, utcOffset: utcOffset) {
                let measure = shown[position]
                entryOf.append(entries.count)
                entries.append(.measure(ids.count))
                ids.append(measure.id)
                let role = workspace.units(of: measure).first { ref in
                    UnitDirectory.names(in: ref.name).contains { directory.isSameUnit($0, unit.name) }
                }?.role
                roles.append(role)
                if let role, role != .responsible { saysRoles = true }
                widestId = max(widestId, DisplayWidth.of(measure.id) - DisplayWidth.of(plan.id) - 1)
                largestCount = max(largestCount, measure.tasks.count)
            }
        }
    }
}
