import ArgumentParser
import PlanModel
import PlanStore
import TerminalKit

struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plans", abstract: "List the plans in the store with their progress.")

    @OptionGroup var options: StoreOptions
    @Flag(help: "Print JSON.") var json = false

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

    /// Overdue measures of `plan`, by index: iterating would copy (retain and release) every measure.
    private static func overdueCount(of plan: Plan, in workspace: Workspace, today: Day) -> Int {
        var count = 0
        for p in plan.pillars.indices {
            let measures = plan.pillars[p].measures
            for m in measures.indices where workspace.isOverdue(measures[m], today: today) { count += 1 }
        }
        return count
    }

    func run() throws {
        try options.withWorkspace { _, workspace in
            let today = try Output.today()
            let rows = workspace.plans.map { plan in
                let progress = workspace.progress(of: plan)
                let overdue = Self.overdueCount(of: plan, in: workspace, today: today)
                return Row(id: plan.id, title: plan.title, measures: progress.total, done: progress.done, overdue: overdue)
            }
            let listing = Listing(plans: rows, orphaned: ImportReport.orphans(in: workspace))
            if json { return try Output.json(listing) }
            guard !rows.isEmpty else { return Output.print("no plans in \(options.directory.path)") }
            let ids = rows.map { TerminalText.sanitized($0.id) }
            let idWidth = ids.map(DisplayWidth.of).max() ?? 0
            for (row, id) in zip(rows, ids) {
                let counts = "\(row.done)/\(row.measures) done" + (row.overdue > 0 ? ", \(row.overdue) overdue" : "")
                Output.print(TextLayout.fit(id, toWidth: idWidth) + "  " + counts + "  " + TerminalText.sanitized(row.title))
            }
            if !listing.orphaned.isEmpty {
                Output.print("orphaned (history kept, no longer in a plan): "
                             + listing.orphaned.map { TerminalText.sanitized($0) }.joined(separator: ", "))
            }
        }
    }
}
