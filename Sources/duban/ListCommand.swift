import ArgumentParser
import JSONTree
import PlanModel
import PlanStore
import TerminalKit

/// Status and light words are taken in either language (`--status 受阻`, `--light 红`).
extension Status: ExpressibleByArgument {
    public init?(argument: String) {
        guard let status = Status(rawValue: argument) ?? Status.allCases.first(where: { $0.word(in: .zh) == argument }) else { return nil }
        self = status
    }
}
extension Light: ExpressibleByArgument {
    public init?(argument: String) {
        let word = argument.hasSuffix("灯") ? String(argument.dropLast()) : argument
        guard let light = Light(rawValue: argument) ?? Light.allCases.first(where: { $0.word(in: .zh) == word }) else { return nil }
        self = light
    }
}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Output.help("List measures, filtered by plan, pillar, unit, status or overdue.", "列出措施，可按方案、板块、单位、状态或逾期筛选。"))

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Output.help("A plan id.", "方案编号。"))) var plan: String?
    @Option(help: ArgumentHelp(Output.help("A pillar: its ordinal (1, 2, …) or the document's number (一, 二, …).", "板块：序号（1、2、…）或文件中的编号（一、二、…）。"))) var pillar: String?
    @Option(help: ArgumentHelp(Output.help("A responsible unit: any of its names or aliases, or a part of its name.", "责任单位：其任一名称、别名或名称的一部分。"))) var unit: String?
    @Option(help: ArgumentHelp(Output.help("todo, doing, done or blocked.", "todo、doing、done 或 blocked（也可用 待办、进行中、已完成、受阻）。"))) var status: Status?
    @Flag(help: ArgumentHelp(Output.help("Only measures past their due date and not done.", "只看已过期限且未完成的措施。"))) var overdue = false
    @Option(help: ArgumentHelp(Output.help("red, yellow, green or none: only measures with this light (序时进度 against actual progress).", "red、yellow、green 或 none：只列该灯色的措施（实际进度对照序时进度）。")))
    var light: Light?
    @Flag(help: ArgumentHelp(Output.help("Print JSON.", "输出 JSON。"))) var json = false

    struct Row: JSONObject {
        var id: String
        var title: String
        var status: Status
        var tasks: String
        var due: Day?
        var overdue: Bool
        var units: [UnitRef]
        var schedule: Schedule

        // Missing values are written as null, as everywhere in duban's JSON; in key order, the schedule's among them.
        func fields(into object: inout JSONFields) throws {
            let scheduled = Schedule.JSONValues(schedule)
            try object.field("actual", scheduled.actual)
            try object.field("daysLate", scheduled.daysLate)
            try object.field("daysLeft", scheduled.daysLeft)
            try object.field("due", due?.description)
            try object.field("expected", scheduled.expected)
            try object.field("id", id)
            try object.field("light", scheduled.light)
            try object.field("overdue", overdue)
            try object.field("status", status.rawValue)
            try object.field("tasks", tasks)
            try object.field("title", title)
            try object.field("units", units)
        }
    }

    func run() throws {
        try options.withWorkspace(outline: true, measureTitles: true) { _, workspace in
        if let plan, workspace.plan(plan) == nil {
            throw StoreError.unknownPlan(plan, closest: IdSuggestions.closest(to: plan, among: workspace.plans.map(\.id)))
        }
        if let pillar, !workspace.plans.contains(where: { candidate in
            (plan == nil || candidate.id == plan)
                && candidate.pillars.enumerated().contains { pillar == String($0.offset + 1) || pillar == $0.element.number }
        }) {
            throw CommandFailure(description: "no pillar \(pillar) in \(plan ?? "any plan")", exitCode: 1)
        }
        let today = try Output.today()
        let match = try unit.map { UnitMatch($0, directory: try options.unitDirectory(), districts: workspace.plans.compactMap(\.district)) }
        if let match { try match.requireTakingPart(in: workspace, plans: plan.map { [$0] }) }
        let (wanted, pillar, status, overdue, light, utcOffset) = (plan, pillar, status, overdue, light, Output.utcOffset)
        // Each plan's rows on a thread of their own.
        let rows = workspace.plans.filter { wanted == nil || $0.id == wanted }.concurrentFlatMap { (candidate, emit: (Row) -> Void) in
            for (ordinal, part) in candidate.pillars.enumerated() where pillar == nil || pillar == String(ordinal + 1) || pillar == part.number {
                for measure in part.measures {
                    let schedule = workspace.schedule(of: measure, in: candidate, today: today, utcOffset: utcOffset)
                    let units = workspace.units(of: measure)
                    guard status == nil || schedule.status == status, !overdue || schedule.isOverdue,
                          light == nil || schedule.light == light,
                          match.map({ match in units.contains { match.matches($0.name) } }) ?? true else { continue }
                    let progress = schedule.tasks
                    emit(Row(id: measure.id, title: measure.title, status: schedule.status,
                             tasks: progress.total == 0 ? "" : "\(progress.done)/\(progress.total)",
                             due: schedule.end, overdue: schedule.isOverdue, units: units, schedule: schedule))
                }
            }
        }
        if json { return try Output.json(rows) }
        guard !rows.isEmpty else { return }
        let language = Output.language(nil)
        let header = [language.pick("id", "编号"), language.pick("status", "状态"), language.pick("tasks", "任务"),
                      language.pick("due", "期限"), language.pick("title", "标题")]
        Output.print(Output.table(header: header, rows: rows.map { row in
            [row.id, row.status.word(in: language), row.tasks, (row.due?.description ?? "") + (row.overdue ? " !" : ""), row.title]
        }, numericFrom: 2, numericTo: 3))
    }
    }
}
