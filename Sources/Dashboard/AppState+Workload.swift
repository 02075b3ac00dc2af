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
            state.unit = state.rows.first { $0.unit.id == unit.unit.id } ?? unit
            state.measures = measureIds(of: unit.unit, plan: state.plan)
            state.measureCursor.fit(count: state.measures.count, visibleRows: layout.listRows)
        }
        workload = state
    }

    private func measureIds(of unit: ResponsibleUnit, plan: String?) -> [String] {
        workspace.measures(naming: unit.name, district: unit.district, directory: directory)
            .map(\.id)
            .filter { id in plan.map { id.hasPrefix($0 + ":") } ?? true }
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
        state.measures = measureIds(of: row.unit, plan: state.plan)
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
