import Foundation
import PlanModel

/// Builds an officer's events from the current state: each carries the value
/// it replaces, so it can be undone. A change that changes nothing gives nil.
/// The CLI and the dashboard build every event here, so the rules (e.g. a
/// measure with open tasks is done only with `force`) hold everywhere.
public struct EventFactory: Sendable {
    public var officer: String
    public var time: Date

    public init(officer: String, time: Date) {
        self.officer = officer
        self.time = time
    }

    private func event(_ target: String, _ change: Change) -> Event {
        Event(id: EventID.make(time: time), time: time, officer: officer, target: target, change: change)
    }

    private func locate(_ id: String, in workspace: Workspace) throws(StoreError) -> (Measure, Workspace.Location) {
        guard let location = workspace.location(of: id), let measure = workspace.measure(id) else {
            throw StoreError.unknownId(id, closest: IdSuggestions.closest(to: id, among: workspace.allIds))
        }
        return (measure, location)
    }

    private func measureOnly(_ id: String, in workspace: Workspace, for verb: String) throws(StoreError) -> Measure {
        let (measure, location) = try locate(id, in: workspace)
        guard location.task == nil else { throw StoreError.badInput("\(verb) takes a measure id; \(id) is a task") }
        return measure
    }

    /// Marks a measure or task. Marking a measure done while it has open tasks
    /// is refused unless `force`, which the event records.
    public func status(_ status: Status, of id: String, in workspace: Workspace, force: Bool = false) throws(StoreError) -> Event? {
        let (measure, location) = try locate(id, in: workspace)
        let previous = workspace.ledger.marks[id]?.status
        guard location.task == nil else {
            return workspace.status(ofTask: id) == status ? nil : event(id, .status(status, previous: previous, force: false))
        }
        if previous == status { return nil }
        let open = measure.tasks.map(\.id).filter { workspace.status(ofTask: $0) != .done }
        if status == .done, !open.isEmpty, !force {
            throw StoreError.refused("\(id) has \(open.count) open task\(open.count == 1 ? "" : "s") (\(open.joined(separator: ", "))); use --force to mark it done anyway")
        }
        return event(id, .status(status, previous: previous, force: status == .done && !open.isEmpty))
    }

    /// Back to not started: the mark is cleared, so a measure's status derives
    /// from its tasks again, unless they are all done (then it is marked todo).
    public func reopen(_ id: String, in workspace: Workspace) throws(StoreError) -> Event? {
        let (measure, location) = try locate(id, in: workspace)
        let previous = workspace.ledger.marks[id]?.status
        guard location.task == nil else {
            return previous == nil ? nil : event(id, .status(nil, previous: previous, force: false))
        }
        let tasksDone = !measure.tasks.isEmpty && measure.tasks.allSatisfy { workspace.status(ofTask: $0.id) == .done }
        let target: Status? = tasksDone ? .todo : nil
        return previous == target ? nil : event(id, .status(target, previous: previous, force: false))
    }

    public func note(_ text: String, on id: String, in workspace: Workspace) throws(StoreError) -> Event {
        _ = try locate(id, in: workspace)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.badInput("the note for \(id) is empty")
        }
        return event(id, .note(text))
    }

    public func assign(_ unit: String, role: Role, to id: String, in workspace: Workspace) throws(StoreError) -> Event? {
        let measure = try measureOnly(id, in: workspace, for: "assign")
        guard !unit.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.badInput("the unit name is empty") }
        let current = workspace.units(of: measure).first { $0.name == unit }?.role
        return current == role ? nil : event(id, .assign(unit: unit, role: role, previous: current))
    }

    public func unassign(_ unit: String, from id: String, in workspace: Workspace) throws(StoreError) -> Event {
        let measure = try measureOnly(id, in: workspace, for: "unassign")
        let units = workspace.units(of: measure)
        guard let current = units.first(where: { $0.name == unit })?.role else {
            let names = units.map(\.name).joined(separator: ", ")
            throw StoreError.refused("\(unit) is not assigned to \(id) (assigned: \(names.isEmpty ? "none" : names))")
        }
        return event(id, .unassign(unit: unit, previous: current))
    }

    /// Sets the due date, or clears it (`nil`) back to none.
    public func due(_ day: Day?, of id: String, in workspace: Workspace) throws(StoreError) -> Event? {
        let measure = try measureOnly(id, in: workspace, for: "due")
        let current = workspace.dueDate(of: measure)
        return current == day ? nil : event(id, .due(day, previous: current))
    }

    /// Undo events for the officer's last `steps` changes not yet undone, newest first.
    /// `ledger` must hold at least the officer's own events (`PlanStoring.ledger(of:)`).
    public func undo(steps: Int, in ledger: Ledger) -> [Event] {
        var ledger = ledger
        var events: [Event] = []
        for _ in 0..<max(steps, 0) {
            guard let undo = ledger.undo(by: officer, id: EventID.make(time: time), time: time) else { break }
            ledger.apply(undo)
            events.append(undo)
        }
        return events
    }
}
