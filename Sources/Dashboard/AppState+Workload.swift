import PlanModel
import TerminalKit

/// The workload screen (`w`) and its drill-down into one unit's measures.
extension AppState {
    /// `w`: from a plan, that plan's units; from the plans list, every plan's.
    mutating func openWorkload() {
        let plan = screen == .plan ? currentPlan?.id : nil
        workload = WorkloadState(plan: plan, origin: screen)
        refreshWorkload()
        screen = .workload
    }

    /// Counts again after a change, keeping the cursor on the same unit; a unit's list is found again.
    mutating func refreshWorkload() {
        guard var state = workload else { return }
        if !state.isHome {
            let selected = state.rows.indices.contains(state.cursor.row) ? state.rows[state.cursor.row].unit.id : nil
            let filter = Workload.Filter(plans: state.plan.map { [$0] })
            state.rows = Workload(workspace: workspace, directory: directory, today: today, filter: filter).sorted(by: state.order).rows
            state.cursor.fit(count: state.rows.count, visibleRows: layout.listRows)
            if let selected, let row = state.rows.firstIndex(where: { $0.unit.id == selected }) { state.cursor.select(row) }
        }
        findMembers(of: &state)
        workload = state
        relistUnit()
    }

    /// The measures of the unit drilled into (or at home) as the plans have them now, and its counts.
    private mutating func findMembers(of state: inout WorkloadState) {
        guard let unit = state.unit?.unit else { return }
        guard let (members, row) = preparedUnitIndex().entry(of: unit)?.members(in: workspace, plan: state.plan, today: today,
                                                                       utcOffset: utcOffset) else {
            state.members = []
            state.unit?.total = 0
            return
        }
        state.members = members
        state.unit = row
        if state.isHome { state.rows = [row] } else { state.unit?.unit = unit }  // named as the workload screen names it
    }

    /// The unit's list again from its members, after a change of filter or order: the cursor stays on its measure.
    mutating func relistUnit() {
        guard var state = workload, state.unit != nil else { return }
        let selected = state.measures.indices.contains(state.measureCursor.row) ? state.measures[state.measureCursor.row] : nil
        state.listing = UnitListing(state.members, in: workspace, filter: filter, order: state.measureOrder, namesPlan: state.plan == nil)
        state.measureCursor.fit(count: state.measures.count, visibleRows: layout.listRows)
        if let selected, let row = state.measures.firstIndex(of: selected) { state.measureCursor.select(row) }
        workload = state
    }

    /// The unit's home screen (`duban --unit`, `$DUBAN_UNIT`, the settings' unit): its list across
    /// all plans. A district-qualified name (金山区发改委) keeps to that district's plans; of several
    /// units answering, the one with the most measures. False when no unit answers.
    public mutating func openUnitHome(_ query: String) -> Bool {
        let districts = workspace.plans.compactMap(\.district)
        let match = UnitMatch(query, directory: directory, districts: districts)
        // Units are keyed by the plans' district key (jinshan); a query naming a district (金山区…) keeps to its plans.
        let named = districts.first { query.hasPrefix($0) && query.count > $0.count }
        let keys = named.map { name in Set(workspace.plans.filter { $0.district == name }.map(\.districtKey)) }
        let found = preparedUnitIndex().entries.filter { entry in
            keys.map { $0.contains(entry.unit.district) } ?? true && entry.unit.spellings.contains(where: match.matches)
        }
        // The most measures; of equals, the first found.
        guard let best = found.indices.max(by: { a, b in (found[a].places.count, b) < (found[b].places.count, a) }) else { return false }
        let (members, row) = found[best].members(in: workspace, plan: nil, today: today, utcOffset: utcOffset)
        var state = WorkloadState(plan: nil, origin: .plans)
        state.rows = [row]
        state.unit = row
        state.isHome = true
        state.members = members
        state.listing = UnitListing(state.members, in: workspace, filter: filter, order: state.measureOrder, namesPlan: true)
        state.measureCursor = ListCursor(count: state.measures.count, visibleRows: layout.listRows)
        workload = state
        screen = .unitMeasures
        normalize()
        return true
    }

    /// `o` on a unit's list: the next order, the cursor staying on its measure.
    mutating func cycleMeasureOrder() {
        switch screen {
        case .unitMeasures:
            guard let order = workload?.measureOrder.next else { return }
            workload?.measureOrder = order
            relistUnit()
            message = Message("\(Label.sortedBy.text(language)): \(order.label.text(language))")
        case .plan:
            let selected = selectedMeasure?.id
            planOrder = planOrder.next
            if let selected, let row = listedMeasures.firstIndex(where: { currentPillar?.measures[$0].id == selected }) {
                measureCursor.select(row)
            }
            message = Message("\(Label.sortedBy.text(language)): \(planOrder.label.text(language))")
        case .plans, .measure, .workload:
            break
        }
    }

    /// `o`: the next order of `Workload.Order.allCases`, the cursor staying on its unit.
    mutating func cycleOrder() {
        guard let state = workload else { return }
        let orders = Workload.Order.allCases
        let next = orders[((orders.firstIndex(of: state.order) ?? 0) + 1) % orders.count]
        workload?.order = next
        refreshWorkload()
        message = Message("\(Label.sortedBy.text(language)): \(AppState.label(of: next).text(language))")
    }

    static func label(of order: Workload.Order) -> Label {
        switch order {
        case .open: .orderOpen
        case .overdue: .orderOverdue
        case .done: .orderDone
        case .name: .orderName
        }
    }

    /// Enter on a unit: its measures.
    mutating func drillIntoUnit() {
        guard var state = workload, state.rows.indices.contains(state.cursor.row) else { return }
        state.unit = state.rows[state.cursor.row]
        state.measureCursor = ListCursor()
        findMembers(of: &state)
        workload = state
        relistUnit()
        let (count, rows) = (workload?.measures.count ?? 0, layout.listRows)
        workload?.measureCursor = ListCursor(count: count, visibleRows: rows)
        screen = .unitMeasures
    }

    /// Enter on one of a unit's measures: the measure screen, which goes back here.
    mutating func openDrilledMeasure() -> [Effect] {
        guard let measure = drilledMeasure, let location = workspace.location(of: measure.id) else { return [] }
        select(location)
        return openMeasure(from: .unitMeasures)
    }
}
