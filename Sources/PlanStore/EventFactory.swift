import FoundationEssentials
import PlanModel

/// Builds an officer's events from the current state: each carries the value
/// it replaces, so it can be undone. A change that changes nothing gives nil.
/// The rules (e.g. a measure with open tasks is done only with `force`) are
/// `Workspace`'s, shared with the dashboard; this stamps every event with id,
/// time and officer (the one place that does) and passes refusals on typed,
/// for the command line and the dashboard to word.
public struct EventFactory: Sendable {
    public var officer: String
    public var time: Date

    public init(officer: String, time: Date) {
        self.officer = officer
        self.time = time
    }

    /// The event of `change` on `target`, stamped with a new id, this time and this officer.
    public func event(_ target: String, _ change: Change) -> Event {
        Event(id: EventID.make(time: time), time: time, officer: officer, target: target, change: change)
    }

    /// What the workspace's rule decides; an unknown id gets the closest existing ids.
    private func decide<Decision>(in workspace: Workspace,
                                  _ rule: () throws(ChangeRefusal) -> Decision) throws(StoreError) -> Decision {
        do {
            return try rule()
        } catch {
            if case let .unknownId(id) = error {
                throw StoreError.unknownId(id, closest: IdSuggestions.closest(to: id, among: workspace.allIds))
            }
            throw StoreError.refused(error)
        }
    }

    /// Marks a measure or task. Marking a measure done while it has open tasks
    /// is refused unless `force`, which the event records.
    public func status(_ status: Status, of id: String, in workspace: Workspace, force: Bool = false) throws(StoreError) -> Event? {
        try decide(in: workspace) { () throws(ChangeRefusal) in
            try workspace.change(marking: id, as: status, force: force)
        }.map { event(id, $0) }
    }

    /// Back to not started: the mark is cleared, so a measure's status derives
    /// from its tasks again, unless they are all done (then it is marked todo).
    public func reopen(_ id: String, in workspace: Workspace) throws(StoreError) -> Event? {
        try decide(in: workspace) { () throws(ChangeRefusal) in try workspace.change(reopening: id) }.map { event(id, $0) }
    }

    public func note(_ text: String, on id: String, in workspace: Workspace) throws(StoreError) -> Event {
        event(id, try decide(in: workspace) { () throws(ChangeRefusal) in try workspace.change(noting: text, on: id) })
    }

    public func editNote(_ note: String, to text: String, on id: String, in workspace: Workspace) throws(StoreError) -> Event? {
        try decide(in: workspace) { () throws(ChangeRefusal) in
            try workspace.change(editingNote: note, to: text, on: id)
        }.map { event(id, $0) }
    }

    public func assign(_ unit: String, role: Role, to id: String, in workspace: Workspace,
                       directory: UnitDirectory) throws(StoreError) -> Event? {
        try decide(in: workspace) { () throws(ChangeRefusal) in
            try workspace.change(assigning: unit, role: role, to: id, directory: directory)
        }.map { event(id, $0) }
    }

    public func unassign(_ unit: String, from id: String, in workspace: Workspace,
                         directory: UnitDirectory) throws(StoreError) -> Event {
        event(id, try decide(in: workspace) { () throws(ChangeRefusal) in
            try workspace.change(unassigning: unit, from: id, directory: directory)
        })
    }

    /// Sets the due date, or clears it (`nil`) back to none.
    public func due(_ day: Day?, of id: String, in workspace: Workspace) throws(StoreError) -> Event? {
        try decide(in: workspace) { () throws(ChangeRefusal) in try workspace.change(settingDue: day, of: id) }.map { event(id, $0) }
    }

    /// Refuses `events` if any was decided on a state that has changed since
    /// (`Workspace.isCurrent`), checking each on the state the earlier ones leave.
    public static func requireCurrent(_ events: [Event], in workspace: Workspace) throws(StoreError) {
        var workspace = workspace
        for event in events {
            guard workspace.isCurrent(event.change, on: event.target) else {
                throw StoreError.changedMeanwhile(target: event.target)
            }
            workspace.apply(event)
        }
    }
}
