import ArgumentParser
import Dashboard
import PlanModel
import PlanStore
import TerminalKit

struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plans", abstract: Output.help("List the plans in the store with their progress.", "列出存储中的方案及其进度。"))

    @OptionGroup var options: StoreOptions
    @Flag(help: ArgumentHelp(Output.help("Print JSON.", "输出 JSON。"))) var json = false

    struct Row: Encodable {
        var id: String
        var title: String
        var measures: Int
        var done: Int
        var overdue: Int
    }

    struct Listing: Encodable {
        var plans: [Row]
        /// Ids with recorded progress that no plan holds any more (vanished on re-import).
        var orphaned: [String]
    }

    func run() throws {
        // Counts need ids, tasks, deadlines and the ledger: the indexes, not the plan files.
        try options.withWorkspace(outline: true) { _, workspace in
            let today = try Output.today()
            let rows = workspace.plans.concurrentMap { plan in
                let counts = PlanSummary(plan, in: workspace, today: today)
                return Row(id: plan.id, title: plan.title, measures: counts.measures, done: counts.done, overdue: counts.overdue)
            }
            let listing = Listing(plans: rows, orphaned: ImportReport.orphans(in: workspace))
            if json { return try Output.json(listing) }
            let language = Output.language(nil)
            guard !rows.isEmpty else {
                return Output.print(language.pick("no plans in \(options.directory.path)", "\(options.directory.path) 中没有方案"))
            }
            let header = [language.pick("id", "编号"), language.pick("done", "已完成"), language.pick("overdue", "逾期"),
                          language.pick("title", "标题")]
            Output.print(Output.table(header: header, rows: rows.map { row in
                ["\(row.id)", "\(row.done)/\(row.measures)", "\(row.overdue)", row.title]
            }, numericFrom: 1, numericTo: 3))
            if !listing.orphaned.isEmpty {
                Output.print(language.pick("orphaned (history kept, no longer in a plan): ", "已不在方案中（历史保留）：")
                             + listing.orphaned.map { TerminalText.sanitized($0) }.joined(separator: language.pick(", ", "、")))
            }
        }
    }
}
