import PlanModel
import TerminalKit

/// The workload screen, its drill-down, the unit picker (`a`/`A`) and unit suggestions (`y`).
extension AppState {
    // MARK: Workload

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
        let selected = state.rows.indices.contains(state.row) ? state.rows[state.row].unit.id : nil
        let filter = Workload.Filter(plans: state.plan.map { [$0] })
        state.rows = Workload(workspace: workspace, directory: directory, today: today, filter: filter).sorted(by: state.order).rows
        if let selected, let row = state.rows.firstIndex(where: { $0.unit.id == selected }) { state.row = row }
        if let unit = state.unit {
            state.unit = state.rows.first { $0.unit.id == unit.unit.id } ?? unit
            state.measures = measureIds(of: unit.unit, plan: state.plan)
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
        guard var state = workload, state.rows.indices.contains(state.row) else { return }
        let row = state.rows[state.row]
        state.unit = row
        state.measures = measureIds(of: row.unit, plan: state.plan)
        state.measureRow = 0
        state.measureOffset = 0
        workload = state
        screen = .unitMeasures
    }

    /// Enter on one of a unit's measures: the measure screen, which goes back here.
    mutating func openDrilledMeasure() -> [Effect] {
        guard let measure = drilledMeasure, let location = workspace.location(of: measure.id) else { return [] }
        select(location)
        return openMeasure(from: .unitMeasures)
    }

    /// Enter on a related measure of the measure screen: that measure; Esc comes back here.
    mutating func openRelated() -> [Effect] {
        guard let related = selectedRelated, let current = selectedMeasure,
              let location = workspace.location(of: related.measureId) else { return [] }
        let visit = MeasureVisit(measure: current.id, checklistRow: checklistRow, scroll: measureScroll, suggestions: suggestions)
        let trail = measureTrail
        select(location)
        let effects = openMeasure(from: measureOrigin)
        measureTrail = trail + [visit]
        return effects
    }

    /// Esc after a related measure: the measure it was opened from, cursor and scroll as they were.
    mutating func returnFromRelated() -> [Effect]? {
        guard let visit = measureTrail.last, let location = workspace.location(of: visit.measure) else { return nil }
        let trail = measureTrail.dropLast()
        select(location)
        suggestions = visit.suggestions
        let effects = openMeasure(from: measureOrigin)
        measureTrail = Array(trail)
        checklistRow = visit.checklistRow
        measureScroll = visit.scroll
        return effects
    }

    /// Puts the plan screen's cursors on a measure, clearing a filter that hides it.
    private mutating func select(_ location: Workspace.Location) {
        planRow = location.plan
        pillarRow = location.pillar
        if !listedMeasures.contains(location.measure) { filter = MeasureFilter() }
        measureRow = listedMeasures.firstIndex(of: location.measure) ?? 0
        focus = .measures
    }

    /// Shows the selected measure and asks for what the screen needs from the store.
    mutating func openMeasure(from origin: Screen) -> [Effect] {
        guard let measure = selectedMeasure else { return [] }
        screen = .measure
        measureOrigin = origin
        measureTrail = []
        checklistRow = 0; measureScroll = 0; history = []
        if suggestions?.measure != measure.id { suggestions = nil }
        return [.loadHistory(measure: measure.id), .loadSuggestions(measure: measure.id)]
    }

    // MARK: Unit picker

    /// `a`: every unit of the measure's district (from its plans) and every name
    /// of the alias tables; `A`: the measure's own units.
    mutating func startPicker(_ kind: UnitPicker.Kind) {
        guard let measure = unitTarget, let location = workspace.location(of: measure.id) else { return }
        let units = workspace.units(of: measure)
        switch kind {
        case .remove:
            guard !units.isEmpty else { message = Message(Label.noUnits.text(language), isError: true); return }
            picker = UnitPicker(kind: .remove, target: measure.id, names: units.map(\.name))
        case .assign:
            let district = workspace.plans[location.plan].districtKey
            let plans = Set(workspace.plans.filter { $0.districtKey == district }.map(\.id))
            let rows = Workload(workspace: workspace, directory: directory, today: today, filter: Workload.Filter(plans: plans)).rows
            let known = Set(rows.map(\.unit.canonicalName))
            let names = rows.map(\.unit.name).sorted() + directory.canonicalNames.filter { !known.contains($0) }
            picker = UnitPicker(kind: .assign, target: measure.id, names: names,
                                role: units.contains { $0.role == .lead } ? .support : .lead)
        }
    }

    mutating func editPicker(_ key: Key) -> [Effect] {
        guard var current = picker else { return [] }
        switch key {
        case let .character(c): current.text.append(c); current.row = 0
        case .backspace, .delete: if !current.text.isEmpty { current.text.removeLast(); current.row = 0 }
        case .control("u"): current.text = ""; current.row = 0
        case .up: current.row = max(0, current.row - 1)
        case .down: current.row = min(max(0, current.options(directory: directory).count - 1), current.row + 1)
        case .tab: current.role = current.role == .lead ? .support : .lead
        case .escape: picker = nil; return []
        case .enter: return choose(in: current)
        default: return []
        }
        picker = current
        return []
    }

    private mutating func choose(in current: UnitPicker) -> [Effect] {
        let options = current.options(directory: directory)
        guard options.indices.contains(current.row), let measure = workspace.measure(current.target) else { return [] }
        message = nil
        let picked = options[current.row]
        let target = current.target
        let directory = directory
        let effects: [Effect]
        switch current.kind {
        case .remove:
            effects = decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(unassigning: picked, from: target, directory: directory) }
        case .assign:
            // Another spelling of a unit the measure has changes that unit's role, not adds it twice.
            let name = workspace.units(of: measure).first { directory.isSameUnit($0.name, picked) }?.name ?? picked
            let role = current.role
            effects = decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(assigning: name, role: role, to: target, directory: directory) }
            if effects.isEmpty, message == nil {
                message = Message("\(name): \(Label.alreadyAssigned.text(language)) (\(Label.of(role).text(language)))")
            }
        }
        // A refused name keeps the overlay open to correct it.
        if message?.isError != true { picker = nil }
        return effects
    }

    // MARK: Suggestions

    /// `y`: the suggestion under the cursor, else the first one.
    mutating func acceptSuggestion() -> [Effect] {
        let shown = shownSuggestions
        guard let measure = selectedMeasure, !shown.isEmpty else {
            message = Message(Label.noSuggestions.text(language), isError: true)
            return []
        }
        let index = checklistRow - measure.tasks.count - 1
        let suggestion = shown.indices.contains(index) ? shown[index] : shown[0]
        return [.record(target: measure.id, change: suggestion.assignment)]
    }
}
