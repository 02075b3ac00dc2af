import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanStore
import TerminalKit

extension Workload.Order: ExpressibleByArgument {}
extension Report.Format: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// The plan filter the workload commands share, checked against the store.
struct PlanFilter: ParsableArguments {
    @Option(help: ArgumentHelp(Output.help("Only this plan (repeatable).", "只看此方案（可重复）。"))) var plan: [String] = []

    func plans(in workspace: Workspace) throws -> Set<String>? {
        for id in plan where workspace.plan(id) == nil {
            throw StoreError.unknownPlan(id, closest: IdSuggestions.closest(to: id, among: workspace.plans.map(\.id)))
        }
        return plan.isEmpty ? nil : Set(plan)
    }
}

struct WorkloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workload",
        abstract: Output.help("Per responsible unit: measures total, done, doing, blocked, todo, overdue and led.", "按责任单位统计：措施总数、已完成、进行中、受阻、待办、逾期和牵头数。"))

    @OptionGroup var options: StoreOptions
    @OptionGroup var filter: PlanFilter
    @Option(help: ArgumentHelp(Output.help("open (default), overdue, done (completion) or name.", "open（默认）、overdue、done（完成率）或 name。"))) var sort: Workload.Order = .open
    @Flag(help: ArgumentHelp(Output.help("Print JSON.", "输出 JSON。"))) var json = false
    @Option(help: ArgumentHelp(Output.help("csv (UTF-8 with BOM, opens in Excel), md or json: the table as a file format, headers in the interface language.", "csv（带 BOM 的 UTF-8，可用 Excel 打开）、md 或 json：表格的文件格式，表头用界面语言。")))
    var format: Report.Format?

    func run() throws {
        // Units, statuses and deadlines: the indexes are enough (`JSONPlanStore.loadOutline`).
        try options.withWorkspace(outline: true) { _, workspace in
        let today = try Output.today()
        let workload = Workload(workspace: workspace, directory: try options.unitDirectory(), today: today,
                                filter: .init(plans: try filter.plans(in: workspace))).sorted(by: sort)
        if json || format == .json { return try Output.json(workload.rows) }
        if let format {
            let language = Output.language(nil)
            let table = [Report.unitHeader(in: language)]
                + workload.rows.map { Report.unitCells($0, districts: Report.districtNames(of: workspace.plans)) }
            let text = format == .csv ? CSV.document(table) : Report.markdownTable(table).joined(separator: "\n") + "\n"
            return Output.document(text)
        }
        let header = ["unit", "district", "total", "done", "doing", "blocked", "todo", "open", "overdue", "led"]
        let rows = workload.rows.map { row in
            [row.unit.name, row.unit.district]
                + [row.total, row.done, row.doing, row.blocked, row.todo, row.open, row.overdue, row.led].map(String.init)
        }
        Output.print(Output.table(header: header, rows: rows, numericFrom: 2))
    }
    }
}

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: Output.help("List the responsible units of the plans with their spellings and aliases.", "列出各方案的责任单位及其写法和别名。"))

    @OptionGroup var options: StoreOptions
    @OptionGroup var filter: PlanFilter
    @Flag(help: ArgumentHelp(Output.help("Print JSON.", "输出 JSON。"))) var json = false

    struct Row: Encodable {
        var unit: String
        var district: String
        var measures: Int
        var spellings: [String]
        var aliases: [String]
    }

    func run() throws {
        // Units, statuses and deadlines: the indexes are enough (`JSONPlanStore.loadOutline`).
        try options.withWorkspace(outline: true) { _, workspace in
        let directory = try options.unitDirectory()
        let today = try Output.today()
        let workload = Workload(workspace: workspace, directory: directory, today: today,
                                filter: .init(plans: try filter.plans(in: workspace))).sorted(by: .name)
        let rows = workload.rows.map { row in
            Row(unit: row.unit.name, district: row.unit.district, measures: row.total, spellings: row.unit.spellings,
                aliases: directory.aliases(of: row.unit.name).filter { !row.unit.spellings.contains($0) })
        }
        if json { return try Output.json(rows) }
        Output.print(Output.table(header: ["unit", "district", "measures", "also written"],
                           rows: rows.map { [$0.unit, $0.district, String($0.measures),
                                             ($0.spellings.dropFirst() + $0.aliases).joined(separator: "、")] },
                           numericFrom: 2, numericTo: 3))
    }
    }
}
