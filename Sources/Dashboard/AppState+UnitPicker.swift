import PlanModel
import TerminalKit

/// The unit picker: `a` assigns a unit, `A` removes one.
extension AppState {
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

    /// Keys while the picker is open: ↑/↓ move through the names, Tab toggles the
    /// role, typing edits the filter (the cursor back on the first name).
    mutating func editPicker(_ key: Key) -> [Effect] {
        guard var current = picker else { return [] }
        switch key {
        case .up: current.cursor.move(by: -1)
        case .down: current.cursor.move(by: 1)
        case .tab: current.role = current.role == .lead ? .support : .lead
        case .escape: picker = nil; return []
        case .enter: return choose(in: current)
        default:
            let before = current.editor.text
            guard current.editor.handle(key) else { return [] }
            if current.editor.text != before {
                let options = current.options(directory: directory).count
                current.cursor = ListCursor(count: options, visibleRows: layout.pickerRows(options: options, kind: current.kind))
            }
        }
        picker = current
        return []
    }

    private mutating func choose(in current: UnitPicker) -> [Effect] {
        let options = current.options(directory: directory)
        guard options.indices.contains(current.cursor.row) else { return [] }
        message = nil
        let picked = options[current.cursor.row]
        let target = current.target
        let directory = directory
        let effects: [Effect]
        switch current.kind {
        case .remove:
            effects = decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(unassigning: picked, from: target, directory: directory) }
        case .assign:
            effects = assign(picked, role: current.role, to: target)
        }
        // A refused name keeps the overlay open to correct it.
        if message?.isError != true { picker = nil }
        return effects
    }
}
