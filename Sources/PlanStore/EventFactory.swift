import Foundation
import PlanModel

/// Builds an officer's events from the current state: each carries the value
/// it replaces, so it can be undone. A change that changes nothing gives nil.
/// The rules (e.g. a measure with open tasks is done only with `force`) are
/// `Workspace`'s, shared with the dashboard; this adds id, time and officer and
/// words refusals for the command line.
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

    /// What the workspace's rule decides, with a refusal worded for the command line.
    private func decide<Decision>(_ verb: String, in workspace: Workspace,
                                  _ rule: () throws(ChangeRefusal) -> Decision) throws(StoreError) -> Decision {
        do {
            return try rule()
        } catch {
            switch error {
            case let .unknownId(id):
                throw StoreError.unknownId(id, closest: IdSuggestions.closest(to: id, among: workspace.allIds))
            case let .notAMeasure(id):
                throw StoreError.badInput("\(verb) takes a measure id; \(id) is a task")
            case let .openTasks(id, open):
                throw StoreError.refused("\(id) has \(open.count) open task\(open.count == 1 ? "" : "s") (\(open.joined(separator: ", "))); use --force to mark it done anyway")
            case let .emptyNote(id):
                throw StoreError.badInput("the note for \(id) is empty")
            case .emptyUnitName:
                throw StoreError.badInput("the unit name is empty")
            case let .compositeUnitName(unit):
                throw StoreError.badInput("\(unit) names several units (it contains 、 , ， ; or ；); assign them one at a time")
            case let .notAssigned(unit, id, assigned):
                let names = assigned.joined(separator: ", ")
                throw StoreError.refused("\(unit) is not assigned to \(id) (assigned: \(names.isEmpty ? "none" : names))")
            }
        }
    }

    /// Marks a measure or task. Marking a measure done while it has open tasks
    /// is refused unless `force`, which the event records.
    public func status(_ status: Status, of id: String, in workspace: Workspace, force: Bool = false) throws(StoreError) -> Event? {
        try decide("status", in: workspace) { () throws(ChangeRefusal) in
            try workspace.change(marking: id, as: status, force: force)
        }.map { event(id, $0) }
    }

    /// Back to not started: the mark is cleared, so a measure's status derives
    /// from its tasks again, unless they are all done (then it is marked todo).
    public func reopen(_ id: String, in workspace: Workspace) throws(StoreError) -> Event? {
        try decide("reopen", in: workspace) { () throws(ChangeRefusal) in try workspace.change(reopening: id) }.map { event(id, $0) }
    }

    public func note(_ text: String, on id: String, in workspace: Workspace) throws(StoreError) -> Event {
        event(id, try decide("note", in: workspace) { () throws(ChangeRefusal) in try workspace.change(noting: text, on: id) })
    }

    public func assign(_ unit: String, role: Role, to id: String, in workspace: Workspace,
                       directory: UnitDirectory) throws(StoreError) -> Event? {
        try decide("assign", in: workspace) { () throws(ChangeRefusal) in
            try workspace.change(assigning: unit, role: role, to: id, directory: directory)
        }.map { event(id, $0) }
    }

    public func unassign(_ unit: String, from id: String, in workspace: Workspace,
                         directory: UnitDirectory) throws(StoreError) -> Event {
        event(id, try decide("unassign", in: workspace) { () throws(ChangeRefusal) in
            try workspace.change(unassigning: unit, from: id, directory: directory)
        })
    }

    /// Sets the due date, or clears it (`nil`) back to none.
    public func due(_ day: Day?, of id: String, in workspace: Workspace) throws(StoreError) -> Event? {
        try decide("due", in: workspace) { () throws(ChangeRefusal) in try workspace.change(settingDue: day, of: id) }.map { event(id, $0) }
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

    /// Refuses `events` if any was decided on a state that has changed since
    /// (`Workspace.isCurrent`), checking each on the state the earlier ones leave.
    public static func requireCurrent(_ events: [Event], in workspace: Workspace) throws(StoreError) {
        var workspace = workspace
        for event in events {
            guard workspace.isCurrent(event.change, on: event.target) else {
                throw StoreError.refused("\(event.target) was changed meanwhile (another terminal or officer); "
                                         + "nothing recorded: look again (duban history \(event.target))")
            }
            workspace.apply(event)
        }
    }
}
