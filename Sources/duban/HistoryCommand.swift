import ArgumentParser
import Foundation
import PlanModel
import PlanStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Show recorded changes: all, or of one measure (with its tasks) or task.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "A measure or task id.") var id: String?
    @Option(help: "Only changes on or after this day (YYYY-MM-DD, local time).") var since: String?
    @Flag(help: "Print JSON (the journal's events).") var json = false

    func validate() throws {
        if let since, Day(since) == nil { throw ValidationError("not a day: \(since) (YYYY-MM-DD)") }
    }

    func run() throws {
        let store = try options.openStore()
        let start = since.flatMap(Day.init).flatMap(Output.start(of:))
        let targets = try id.map { try Self.targets(of: $0, in: store) }
        let events = try store.history(of: targets, since: start)
        if json { return try Output.json(events) }
        if !events.isEmpty { Output.print(Output.lines(events).joined(separator: "\n")) }
    }

    /// A measure with its tasks, or a task; an orphaned id (gone from its plan) still has its history.
    static func targets(of id: String, in store: some PlanStoring) throws(StoreError) -> Set<String> {
        let workspace: Workspace
        do {
            workspace = try store.workspace(for: [id])
        } catch {
            guard case .unknownId = error, try !store.history(of: [id], since: nil).isEmpty else { throw error }
            return [id]
        }
        let tasks = workspace.location(of: id)?.task == nil ? workspace.measure(id)?.tasks.map(\.id) ?? [] : []
        return Set([id] + tasks)
    }
}
