import ArgumentParser
import FoundationEssentials
import LedgerXLSX
import PlanModel
import PlanStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Output.help("The 督办台账 (ledger): per measure its units, due date, status, light, 序时进度, progress notes and block reason.", "督办台账：每项措施的责任单位、期限、状态、红黄绿灯、序时进度、进展备注和受阻原因。"))

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case md, csv, json, xlsx
    }

    @OptionGroup var options: StoreOptions
    @OptionGroup var filter: PlanFilter
    @Flag(help: ArgumentHelp(Output.help("The ledger: the default, and the one report there is.", "督办台账：默认且唯一的报表。"))) var ledger = false
    @Option(help: ArgumentHelp(Output.help("md (the default), csv (the ledger table, UTF-8 with BOM), json, or xlsx (sheets 台账, 责任单位, 逾期).", "md（默认）、csv（台账表格，带 BOM 的 UTF-8）、json 或 xlsx（工作表：台账、责任单位、逾期）。")))
    var format: Format = .md
    @Option(help: ArgumentHelp(Output.help("Only the measures this unit takes part in: any of its names or aliases, or a part of its name.", "只看此单位参与的措施：其任一名称、别名或名称的一部分。")))
    var unit: String?
    @Option(help: ArgumentHelp(Output.help("Only notes from this day on, and what changed since then.", "只看这一天起的备注及此后的变化。"), valueName: "YYYY-MM-DD"))
    var since: String?
    @Option(help: ArgumentHelp(Output.help("Write to this file (atomically) instead of standard output.", "写入此文件（原子写入），而非标准输出。"), valueName: "file"))
    var output: String?
    @Flag(name: .customLong("all-units"), help: ArgumentHelp(Output.help("Keep units with nothing open in the per-unit sheet.", "在按单位工作表中保留没有未完成措施的单位。"))) var allUnits = false
    @Option(help: ArgumentHelp(Output.help("zh or en: headers and words (default: from LC_ALL/LANG).", "zh 或 en：表头和用词（默认：取 LC_ALL/LANG）。"))) var lang: Language?

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
                return try report.xlsx().withUnsafeBytes { try Output.standardOutput($0.bindMemory(to: UInt8.self)) }
            }
            let data = text.map { Data($0.utf8) } ?? report.xlsx()
            do {
                // Written beside the target and renamed over it: no partial file, even on failure.
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure(description: "\(output): cannot write the report (\(CommandFailure.reason(error)))", exitCode: 1)
            }
        }
    }
}
