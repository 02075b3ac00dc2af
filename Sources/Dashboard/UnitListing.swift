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

    /// `members`: the unit's, in document order across plans. `namesPlan`: headings name the plan too.
    init(_ members: [UnitMember], in workspace: Workspace, filter: MeasureFilter, order: MeasureOrder, namesPlan: Bool) {
        var start = 0
        while start < members.count {
            var end = start + 1
            while end < members.count, members[end].plan == members[start].plan, members[end].pillar == members[start].pillar { end += 1 }
            defer { start = end }
            let group = members[start..<end]
            let shown = filter.isEmpty ? Array(group.indices)
                : group.indices.filter { filter.admits(status: members[$0].status, isOverdue: members[$0].isOverdue, units: members[$0].units) }
            guard !shown.isEmpty else { continue }
            let plan = workspace.plans[group[start].plan], pillar = plan.pillars[group[start].pillar]
            entries.append(.group(plan: namesPlan ? plan.id : nil, pillar: "\(pillar.number) \(pillar.title)",
                                  shown: shown.count, total: group.count))
            if namesPlan { widestId = max(widestId, DisplayWidth.of(plan.id)) }
            largestCount = max(largestCount, group.count)
            let planWidth = DisplayWidth.of(plan.id) + 1
            let ordered = order == .document ? Array(shown.indices)
                : MeasureOrder.sorted(shown.map { k in
                    order.key(status: members[k].status, schedule: members[k].schedule) {
                        workspace.plans[members[k].plan].pillars[members[k].pillar].measures[members[k].measure].title
                    }
                })
            for position in ordered {
                let k = shown[position]  // fields read in place: copying a member costs more than the rest
                entryOf.append(entries.count)
                entries.append(.measure(ids.count))
                ids.append(members[k].id)
                roles.append(members[k].role)
                if let role = members[k].role, role != .responsible { saysRoles = true }
                widestId = max(widestId, DisplayWidth.of(members[k].id) - planWidth)
                largestCount = max(largestCount, members[k].tasks)
            }
        }
    }
}
