import PlanModel

/// Where the dashboard's plans and events come from and go to. The store will
/// provide one of these; until then the dashboard runs on an in-memory copy of
/// the sample fixture.
struct DashboardDataSource {
    /// Reads every plan with its events folded in.
    var load: () throws -> Workspace
    /// Appends one event (a change or an undo) to the store.
    var append: (Event) throws -> Void
    /// The events about a measure and its tasks, oldest first.
    var history: (_ measureID: String) -> [Event]

    /// A store in memory, starting from `workspace` and the `events` it was built from.
    static func inMemory(_ workspace: Workspace, events: [Event]) -> DashboardDataSource {
        final class Memory: @unchecked Sendable {
            var workspace: Workspace
            var events: [Event]
            init(_ workspace: Workspace, _ events: [Event]) { self.workspace = workspace; self.events = events }
        }
        let memory = Memory(workspace, events)
        return DashboardDataSource(
            load: { memory.workspace },
            append: { event in memory.events.append(event); memory.workspace.apply(event) },
            history: { id in memory.events.filter { $0.target == id || $0.target.hasPrefix(id + ".") } }
        )
    }
}
