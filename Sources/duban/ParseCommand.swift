import ArgumentParser
import FoundationEssentials
import PlanModel

/// `duban parse FILE [--json] [--id ID]`: parse one plan document and print its tree or its JSON. Touches no store.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: Output.help("Parse one plan document and print its pillars, measures, units and tasks.", "解析一份方案文件，打印其板块、措施、责任单位和任务。")
    )

    @Argument(help: ArgumentHelp(Output.help("The plan document (text or markdown in UTF-8, UTF-16, UTF-32, GB18030 or Big5; .docx; .pdf).", "方案文件（UTF-8、UTF-16、UTF-32、GB18030 或 Big5 编码的文本或 markdown；.docx；.pdf）。")))
    var file: String

    @Flag(help: ArgumentHelp(Output.help("Print the plan as JSON (the schema in docs/import.md).", "以 JSON 输出方案（格式见 docs/import.md）。")))
    var json = false

    @Option(help: ArgumentHelp(Output.help("Plan id to use instead of the derived <district-pinyin>-<year>.", "用此方案编号代替自动生成的 <区拼音>-<年份>。")))
    var id: String?

    @Option(help: ArgumentHelp(Output.help("Refuse documents larger than this many megabytes (checked before reading).", "拒绝超过此大小（MB）的文件（读取前检查）。"), valueName: "MB"))
    var maxSize = PlanDocument.defaultMaxSize

    @Flag(help: ArgumentHelp(Output.help("Parse a document even though some of its bytes could not be decoded (they read as �).", "即使部分字节无法解码（显示为 �）也解析文件。")))
    var force = false

    func run() throws {
        let plan = try PlanDocument.read(path: file, id: id, maxSize: maxSize, keepingDamage: force)
        if json { return try Output.json(plan) }
        // A pillar at a time: a long plan's whole tree held as one growing string raised the peak memory by
        // several times the document's size.
        Self.tree(of: plan) { Output.print($0, terminator: "") }
    }

    /// The plan as an indented tree, handed to `emit` in pieces: header, then each pillar with its measures
    /// (units and deadline) and tasks.
    static func tree(of plan: Plan, emit: (String) -> Void) {
        var out = "\(plan.id)  \(plan.title)\n"
        let facts = [plan.district, plan.year.map(String.init), plan.docNumber, plan.date?.description].compactMap { $0 }
        if !facts.isEmpty { out += "  " + facts.joined(separator: " · ") + "\n" }
        out += "  \(plan.pillars.count) pillars, \(plan.measures.count) measures, "
            + "\(plan.measures.reduce(0) { $0 + $1.tasks.count }) tasks\n"
        emit(out)
        for pillar in plan.pillars {
            out = ""
            // 一、 takes its 、; 第一部分 and 第一章 are followed by a space, as documents write them.
            let heading = pillar.number.isEmpty ? "" : pillar.number + (pillar.number.hasPrefix("第") ? " " : "、")
            out += "\n\(heading)\(pillar.title)\n"
            var section: Section?
            for measure in pillar.measures {
                if let s = measure.section, s != section { out += "  \(s.label) \(s.title)\n" }
                section = measure.section
                let indent = measure.section == nil ? "  " : "    "
                out += "\(indent)\(measure.id)  \(measure.label) \(measure.title)\n"
                if !measure.units.isEmpty {
                    let units = measure.units.map { $0.role == .responsible ? $0.name : "\($0.name)(\($0.role.rawValue))" }
                    out += "\(indent)    units: \(units.joined(separator: "、"))\n"
                }
                if let deadline = measure.deadline {
                    out += "\(indent)    due: \(deadline.text)\(deadline.date.map { " (\($0))" } ?? "")\n"
                }
                for task in measure.tasks { out += "\(indent)    - \(task.title)\n" }
            }
            emit(out)
        }
    }
}
