import PlanModel
import TerminalKit

/// Changes, each decided by the shared rules of `Workspace+Changes` (the CLI's
/// too) and asked of the executable as a `.record` effect.
extension AppState {
    /// The measure id of a measure or task id (`PLAN:P.M.T` → `PLAN:P.M`).
    func measureID(of target: String) -> String {
        guard let location = workspace.location(of: target), location.task != nil,
              let dot = target.lastIndex(of: ".") else { return target }
        return String(target[..<dot])
    }

    /// Space: a done measure or task is reopened, anything else marked done.
    mutating func toggleDone(_ target: String, key: Key, confirmed: Bool) -> [Effect] {
        guard let location = workspace.location(of: target) else { return [] }
        let done = location.task == nil ? workspace.measure(target).map { workspace.status(of: $0) == .done } ?? false
                                        : workspace.status(ofTask: target) == .done
        if done { return decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(reopening: target) } }
        return mark(target, as: .done, key: key, confirmed: confirmed)
    }

    /// `s`: todo → doing → done → todo (blocked → todo).
    mutating func cycleStatus(_ target: String, key: Key, confirmed: Bool) -> [Effect] {
        guard let location = workspace.location(of: target) else { return [] }
        let current = location.task == nil ? workspace.measure(target).map(workspace.status(of:)) ?? .todo
                                           : workspace.status(ofTask: target)
        return mark(target, as: current.cycled, key: key, confirmed: confirmed)
    }

    /// Marks with the shared rules. Done over open tasks is forced only when the
    /// same key is pressed again right after the warning (`confirmed`).
    private mutating func mark(_ target: String, as status: Status, key: Key, confirmed: Bool) -> [Effect] {
        do {
            return try workspace.change(marking: target, as: status, force: confirmed).map { [.record(target: target, changes: [$0])] } ?? []
        } catch {
            if case let .openTasks(measure, open) = error, let action = KeyMap.action(for: key, screen: screen, searching: search.isActive) {
                pendingForce = PendingForce(target: measure, action: action)
                message = Message(forceQuestion(measure, open: open.count, key: key), isError: true)
            } else {
                message = Message(describe(error), isError: true)
            }
            return []
        }
    }

    /// The change the rule decides as a `.record` effect; a refusal as an error message.
    mutating func decide(_ target: String, _ rule: (Workspace) throws(ChangeRefusal) -> Change?) -> [Effect] {
        do {
            return try rule(workspace).map { [.record(target: target, changes: [$0])] } ?? []
        } catch {
            message = Message(describe(error), isError: true)
            return []
        }
    }

    /// Assigns a unit (from the picker or a suggestion). Another spelling of a
    /// unit the measure has changes that unit's role, not adds it twice; a unit
    /// that has the role already is said so, and nothing is recorded.
    mutating func assign(_ unit: String, role: Role, to target: String) -> [Effect] {
        guard let measure = workspace.measure(target) else { return [] }
        let directory = directory
        let name = workspace.units(of: measure).first { directory.isSameUnit($0.name, unit) }?.name ?? unit
        let effects = decide(target) { (w: Workspace) throws(ChangeRefusal) in
            try w.change(assigning: name, role: role, to: target, directory: directory)
        }
        if effects.isEmpty, message == nil {
            message = Message("\(name): \(Label.alreadyAssigned.text(language)) (\(Label.of(role).text(language)))")
        }
        return effects
    }

    /// `y`: the suggestion under the cursor, else the first one.
    mutating func acceptSuggestion() -> [Effect] {
        let shown = shownSuggestions
        guard let measure = selectedMeasure, let first = shown.first else {
            message = Message(Label.noSuggestions.text(language), isError: true)
            return []
        }
        var suggestion = first
        if case let .suggestion(i) = checklistRow, shown.indices.contains(i) { suggestion = shown[i] }
        return assign(suggestion.name, role: suggestion.role, to: measure.id)
    }
}
