import ArgumentParser
import Foundation
import PlanModel
import PlanStore
import TerminalKit

extension Workload.Order: ExpressibleByArgument {}
extension Report.Format: ExpressibleByArgument {}

/// The plan filter the workload commands share, checked against the store.
struct PlanFilter: ParsableArguments {
    @Option(help: "Only this plan (repeatable).") var plan: [String] = []

    func plans(in workspace: Workspace) throws -> Set<String>? {
        for id in plan where workspace.plan(id) == nil {
            throw StoreError.unknownId(id, closest: IdSuggestions.closest(to: id, among: workspace.plans.map(\.id)))
        }
        return plan.isEmpty ? nil : Set(plan)
    }
}

struct WorkloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workload",
        abstract: "Per responsible unit: measures total, done, doing, blocked, todo, overdue and led.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var filter: PlanFilter
    @Option(help: "open (default), overdue, done (completion) or name.") var sort: Workload.Order = .open
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try options.withWorkspace { _, workspace in
        let today = try Output.requireToday()
        let workload = Workload(workspace: workspace, directory: try options.unitDirectory(), today: today,
                                filter: .init(plans: try filter.plans(in: workspace))).sorted(by: sort)
        if json { return try Output.json(workload.rows) }
        let header = ["unit", "district", "total", "done", "doing", "blocked", "todo", "open", "overdue", "led"]
        let rows = workload.rows.map { row in
            [row.unit.name, row.unit.district]
                + [row.total, row.done, row.doing, row.blocked, row.todo, row.open, row.overdue, row.led].map(String.init)
        }
        print(Output.table(header: header, rows: rows, numericFrom: 2))
    }
    }
}

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "List the responsible units of the plans with their spellings and aliases.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var filter: PlanFilter
    @Flag(help: "Print JSON.") var json = false

    struct Row: Encodable {
        var unit: String
        var district: String
        var measures: Int
        var spellings: [String]
        var aliases: [String]
    }

    func run() throws {
        try options.withWorkspace { _, workspace in
        let directory = try options.unitDirectory()
        let today = try Output.requireToday()
        let workload = Workload(workspace: workspace, directory: directory, today: today,
                                filter: .init(plans: try filter.plans(in: workspace))).sorted(by: .name)
        let rows = workload.rows.map { row in
            Row(unit: row.unit.name, district: row.unit.district, measures: row.total, spellings: row.unit.spellings,
                aliases: directory.aliases(of: row.unit.name).filter { !row.unit.spellings.contains($0) })
        }
        if json { return try Output.json(rows) }
        print(Output.table(header: ["unit", "district", "measures", "also written"],
                           rows: rows.map { [$0.unit, $0.district, String($0.measures),
                                             ($0.spellings.dropFirst() + $0.aliases).joined(separator: "、")] },
                           numericFrom: 2, numericTo: 3))
    }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The per-unit table, the overdue list and the progress per pillar, as Markdown, CSV or JSON.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var filter: PlanFilter
    @Option(help: "md, csv (UTF-8 with BOM, opens in Excel) or json.") var format: Report.Format
    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file")) var output: String?

    func run() throws {
        try options.withWorkspace { _, workspace in
        let report = Report(workspace: workspace, directory: try options.unitDirectory(), today: try Output.requireToday(),
                            plans: try filter.plans(in: workspace))
        let data = Data(report.rendered(as: format).utf8)
        guard let output else { return FileHandle.standardOutput.write(data) }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure(description: "\(output): cannot write the report", exitCode: 1)
        }
    }
    }
}
