import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: Output.help("Show recorded changes: all, or of one measure (with its tasks) or task.", "查看修改记录：全部，或某项措施（含其任务）、某项任务的。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("A measure or task id.", "措施或任务编号。"))) var id: String?
    @Option(help: ArgumentHelp(Output.help("Only changes on or after this day (YYYY-MM-DD, local time).", "只看这一天（YYYY-MM-DD，本地时间）及以后的修改。"))) var since: String?
    @Flag(help: ArgumentHelp(Output.help("Print JSON (the journal's events).", "输出 JSON（日志中的事件）。"))) var json = false

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
