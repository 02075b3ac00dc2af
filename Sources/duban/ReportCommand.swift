import ArgumentParser
import Foundation
import LedgerXLSX
import PlanModel
import PlanStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The 督办台账 (ledger): per measure its units, due date, status, light, 序时进度, progress notes and block reason.")

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case md, csv, json, xlsx
    }

    @OptionGroup var options: StoreOptions
    @OptionGroup var filter: PlanFilter
    @Flag(help: "The ledger: the default, and the one report there is.") var ledger = false
    @Option(help: "md (the default), csv (the ledger table, UTF-8 with BOM), json, or xlsx (sheets 台账, 责任单位, 逾期).")
    var format: Format = .md
    @Option(help: "Only the measures this unit takes part in: any of its names or aliases, or a part of its name.")
    var unit: String?
    @Option(help: ArgumentHelp("Only notes from this day on, and what changed since then.", valueName: "YYYY-MM-DD"))
    var since: String?
    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?
    @Flag(name: .customLong("all-units"), help: "Keep units with nothing open in the per-unit sheet.") var allUnits = false
    @Option(help: "zh or en: headers and words (default: from LC_ALL/LANG).") var lang: Language?

    mutating func validate() throws {
        if let since, Day(since) == nil { throw ValidationError("--since takes YYYY-MM-DD, not '\(since)'") }
    }

    func run() throws {
        if format == .xlsx, output == nil, Output.toTerminal {
            throw CommandFailure.badInput("an xlsx file is binary: give --output FILE or redirect standard output")
        }
        try options.withWorkspace { _, workspace in
            let directory = try options.unitDirectory()
            let plans = try filter.plans(in: workspace)
            let match = unit.map { UnitMatch($0, directory: directory, districts: workspace.plans.compactMap(\.district)) }
            if let match { try match.requireTakingPart(in: workspace, plans: plans) }
            let report = Report(workspace: workspace, directory: directory, today: try Output.today(), options: Report.Options(
                plans: plans, unit: match, since: since.flatMap { Day($0) }, allUnits: allUnits,
                language: Output.language(lang),
                officer: options.officerName, utcOffset: Output.utcOffset))
            let text: String? = switch format {
            case .md: report.rendered(as: .md)
            case .csv: report.rendered(as: .csv)
            case .json: report.rendered(as: .json)
            case .xlsx: nil
            }
            guard let output else {
                if let text { return Output.document(text) }
                return FileHandle.standardOutput.write(try report.xlsx())
            }
            let data = try text.map { Data($0.utf8) } ?? report.xlsx()
            do {
                // Written beside the target and renamed over it: no partial file, even on failure.
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure(description: "\(output): cannot write the report (\(CommandFailure.reason(error)))", exitCode: 1)
            }
        }
    }
}
