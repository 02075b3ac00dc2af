import FoundationEssentials

/// The rules of every change, shared by the CLI (through `EventFactory`) and the
/// dashboard: each returns the change to record, carrying the value it replaces,
/// or nil when it would change nothing, or throws why it is refused.
extension Workspace {
    private func measure(locating id: String) throws(ChangeRefusal) -> (Measure, Location) {
        guard let location = location(of: id), let measure = measure(id) else { throw ChangeRefusal.unknownId(id) }
        return (measure, location)
    }

    private func measure(only id: String) throws(ChangeRefusal) -> Measure {
        let (measure, location) = try measure(locating: id)
        guard location.task == nil else { throw ChangeRefusal.notAMeasure(id) }
        return measure
    }

    /// Marks a measure or task. Marking a measure done while it has open tasks
    /// is refused unless `force`, which the change records.
    public func change(marking id: String, as status: Status, force: Bool = false) throws(ChangeRefusal) -> Change? {
        let (measure, location) = try measure(locating: id)
        let previous = ledger.marks[id]?.status
        guard location.task == nil else {
            return self.status(ofTask: id) == status ? nil : .status(status, previous: previous, force: false)
        }
        if previous == status { return nil }
        let open = openTasks(of: measure)
        if status == .done, !open.isEmpty, !force { throw ChangeRefusal.openTasks(measure: id, open: open) }
        return .status(status, previous: previous, force: status == .done && !open.isEmpty)
    }

    /// The ids of a measure's tasks that are not done.
    public func openTasks(of measure: Measure) -> [String] {
        measure.tasks.map(\.id).filter { status(ofTask: $0) != .done }
    }

    /// Back to not started: the mark is cleared, so a measure's status derives
    /// from its tasks again, unless they are all done (then it is marked todo).
    public func change(reopening id: String) throws(ChangeRefusal) -> Change? {
        let (measure, location) = try measure(locating: id)
        let previous = ledger.marks[id]?.status
        guard location.task == nil else { return previous == nil ? nil : .status(nil, previous: previous, force: false) }
        let tasksDone = !measure.tasks.isEmpty && openTasks(of: measure).isEmpty
        let target: Status? = tasksDone ? .todo : nil
        return previous == target ? nil : .status(target, previous: previous, force: false)
    }

    public func change(noting text: String, on id: String) throws(ChangeRefusal) -> Change {
        _ = try measure(locating: id)
        guard !text.trimmingWhitespace().isEmpty else { throw ChangeRefusal.emptyNote(id) }
        return .note(text)
    }

    /// Replaces the text of a note on `id` (named by the event that added it); the same text changes nothing.
    public func change(editingNote note: String, to text: String, on id: String) throws(ChangeRefusal) -> Change? {
        _ = try measure(locating: id)
        guard let current = ledger.notes[id]?.first(where: { $0.id == note }) else { throw ChangeRefusal.noNote(note, on: id) }
        guard !text.trimmingWhitespace().isEmpty else { throw ChangeRefusal.emptyNote(id) }
        return text == current.text ? nil : .editNote(note: note, text: text, previous: current.text)
    }

    /// Assigns a unit or changes its role. A unit the measure already has under
    /// another name of the alias tables (区发展和改革委员会 for 区发改委) keeps the
    /// measure's spelling, so one unit is never listed twice.
    public func change(assigning unit: String, role: Role, to id: String,
                       directory: UnitDirectory) throws(ChangeRefusal) -> Change? {
        let measure = try measure(only: id)
        guard !unit.trimmingWhitespace(keepingLineBreaks: true).isEmpty else { throw ChangeRefusal.emptyUnitName }
        guard !unit.unicodeScalars.contains(where: UnitDirectory.isSeparator) else { throw ChangeRefusal.compositeUnitName(unit) }
        let existing = assigned(unit, to: measure, directory: directory)
        guard let existing else { return .assign(unit: unit, role: role, previous: nil) }
        return existing.role == role ? nil : .assign(unit: existing.name, role: role, previous: existing.role)
    }

    /// Removes a unit, named by any of its names in the alias tables.
    public func change(unassigning unit: String, from id: String, directory: UnitDirectory) throws(ChangeRefusal) -> Change {
        let measure = try measure(only: id)
        guard let existing = assigned(unit, to: measure, directory: directory) else {
            throw ChangeRefusal.notAssigned(unit: unit, measure: id, assigned: units(of: measure).map(\.name))
        }
        return .unassign(unit: existing.name, previous: existing.role)
    }

    private func assigned(_ unit: String, to measure: Measure, directory: UnitDirectory) -> UnitRef? {
        let units = units(of: measure)
        if let exact = units.first(where: { $0.name == unit }) { return exact }
        let canonical = directory.canonicalName(unit)
        return units.first { directory.canonicalName($0.name) == canonical }
    }

    /// Sets the due date, or clears it (`nil`) back to none.
    public func change(settingDue day: Day?, of id: String) throws(ChangeRefusal) -> Change? {
        let current = dueDate(of: try measure(only: id))
        return current == day ? nil : .due(day, previous: current)
    }
}

extension Workspace {
    /// Whether `change` still applies to `target` as it was decided: the value
    /// it replaces is the current one. False when someone else changed the
    /// target in between (another terminal, another officer), so recording it
    /// would silently overwrite their change.
    public func isCurrent(_ change: Change, on target: String) -> Bool {
        switch change {
        case let .status(_, previous, _):
            return ledger.marks[target]?.status == previous
        case .note:
            return location(of: target) != nil
        case let .editNote(note, _, previous):
            return ledger.notes[target]?.first { $0.id == note }?.text == previous
        case let .assign(unit, _, previous):
            guard let measure = measure(target) else { return false }
            return units(of: measure).first { $0.name == unit }?.role == previous
        case let .unassign(unit, previous):
            guard let measure = measure(target) else { return false }
            return units(of: measure).first { $0.name == unit }?.role == previous
        case let .due(_, previous):
            guard let measure = measure(target) else { return false }
            return dueDate(of: measure) == previous
        case let .undo(event, inverse):
            // By id where the ledger knows it: a value put back by someone else is still theirs.
            return !ledger.undone.contains(event) && ledger.superseding(event, on: target, inverse) == nil
                && (inverse.map { isCurrent($0, on: target) } ?? true)
        }
    }
}
