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

    /// Counts again after a change, keeping the cursor on the same unit.
    mutating func refreshWorkload() {
        guard var state = workload else { return }
        let selected = state.rows.indices.contains(state.cursor.row) ? state.rows[state.cursor.row].unit.id : nil
        let filter = Workload.Filter(plans: state.plan.map { [$0] })
        state.rows = Workload(workspace: workspace, directory: directory, today: today, filter: filter).sorted(by: state.order).rows
        state.cursor.fit(count: state.rows.count, visibleRows: layout.listRows)
        if let selected, let row = state.rows.firstIndex(where: { $0.unit.id == selected }) { state.cursor.select(row) }
        if let unit = state.unit {
            let selectedMeasure = state.measures.indices.contains(state.measureCursor.row) ? state.measures[state.measureCursor.row] : nil
            state.unit = state.rows.first { $0.unit.id == unit.unit.id } ?? unit
            state.listing = listing(of: unit.unit, in: state)
            state.measureCursor.fit(count: state.measures.count, visibleRows: layout.listRows)
            if let selectedMeasure, let row = state.measures.firstIndex(of: selectedMeasure) { state.measureCursor.select(row) }
        }
        workload = state
    }

    /// The unit's measures (of the workload's plan, if any), grouped, filtered and ordered.
    private func listing(of unit: ResponsibleUnit, in state: WorkloadState) -> UnitListing {
        let measures = workspace.measures(naming: unit.name, district: unit.district, directory: directory)
            .filter { measure in state.plan.map { measure.id.hasPrefix($0 + ":") } ?? true }
        return UnitListing(measures, of: unit, in: workspace, directory: directory, filter: filter, order: state.measureOrder,
                           today: today, utcOffset: utcOffset, namesPlan: state.plan == nil)
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
        let rows = Workload(workspace: workspace, directory: directory, today: today, filter: Workload.Filter(plans: nil))
            .sorted(by: .open).rows
            .filter { row in match.matches(row.unit.name) && keys.map { $0.contains(row.unit.district) } ?? true }
        guard let row = rows.max(by: { $0.total < $1.total }) else { return false }
        var state = WorkloadState(plan: nil, origin: .plans)
        state.rows = rows
        state.unit = row
        state.isHome = true
        state.listing = listing(of: row.unit, in: state)
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
            refreshWorkload()
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
        let row = state.rows[state.cursor.row]
        state.unit = row
        state.listing = listing(of: row.unit, in: state)
        state.measureCursor = ListCursor(count: state.measures.count, visibleRows: layout.listRows)
        workload = state
        screen = .unitMeasures
    }

    /// Enter on one of a unit's measures: the measure screen, which goes back here.
    mutating func openDrilledMeasure() -> [Effect] {
        guard let measure = drilledMeasure, let location = workspace.location(of: measure.id) else { return [] }
        select(location)
        return openMeasure(from: .unitMeasures)
    }
}
