import ArgumentParser
import JSONTree
import FoundationEssentials
import PlanModel
import PlanStore
import TerminalKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: Output.help("Show a measure or task: text, tasks, units, notes, due date and history.", "查看一项措施或任务：正文、任务、责任单位、备注、期限和修改记录。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("A measure or task id.", "措施或任务编号。"))) var id: String
    @Flag(help: ArgumentHelp(Output.help("Print JSON.", "输出 JSON。"))) var json = false

    struct Item: Encodable {
        var id: String
        var plan: String?
        var measure: String?
        var title: String?
        var text: String?
        var status: Status
        var marked: Ledger.Mark?
        var orphaned: Bool
        var tasks: [TaskRow]
        var units: [UnitRef]
        var due: Day?
        var overdue: Bool
        var notes: [Ledger.Note]
        var history: [Event]
        /// Measures only: 序时进度, actual progress and the light.
        var schedule: Schedule?

        enum CodingKeys: String, CodingKey {
            case id, plan, measure, title, text, status, marked, orphaned, tasks, units, due, overdue, notes, history
        }

        // Missing values are written as null, as everywhere in duban's JSON.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(plan, forKey: .plan)
            try c.encode(measure, forKey: .measure)
            try c.encode(title, forKey: .title)
            try c.encode(text, forKey: .text)
            try c.encode(status, forKey: .status)
            try c.encode(marked, forKey: .marked)
            try c.encode(orphaned, forKey: .orphaned)
            try c.encode(tasks, forKey: .tasks)
            try c.encode(units, forKey: .units)
            try c.encode(due, forKey: .due)
            try c.encode(overdue, forKey: .overdue)
            try c.encode(notes, forKey: .notes)
            try c.encode(history, forKey: .history)
            var object = JSONFields(encoder)
            try Schedule.fields(of: schedule, into: &object)
        }
    }

    struct TaskRow: Encodable {
        var id: String
        var title: String
        var status: Status
        var notes: [Ledger.Note]
    }

    func run() throws {
        try options.withWorkspace { store, workspace in
        let item: Item
        if let location = workspace.location(of: id), let measure = workspace.measure(id) {
            let targets = Set([id] + (location.task == nil ? measure.tasks.map(\.id) : []))
            item = describe(measure, at: location, in: workspace, today: try Output.today(),
                            history: try store.history(of: targets, since: nil))
        } else {
            let history = try store.history(of: [id], since: nil)
            guard !history.isEmpty else {
                throw StoreError.unknownId(id, closest: IdSuggestions.closest(to: id, among: workspace.allIds))
            }
            item = Item(id: id, status: workspace.ledger.marks[id]?.status ?? .todo, marked: workspace.ledger.marks[id],
                        orphaned: true, tasks: [], units: [], overdue: false, notes: workspace.ledger.notes[id] ?? [],
                        history: history)
        }
        if json { return try Output.json(item) }
        Output.print(text(item))
    }
    }

    private func describe(_ measure: Measure, at location: Workspace.Location, in workspace: Workspace, today: Day,
                          history: [Event]) -> Item {
        let plan = workspace.plans[location.plan].id
        if let t = location.task {
            let task = measure.tasks[t]
            return Item(id: id, plan: plan, measure: measure.id, title: task.title, text: task.text,
                        status: workspace.status(ofTask: id), marked: workspace.ledger.marks[id], orphaned: false,
                        tasks: [], units: [], due: nil, overdue: false, notes: workspace.ledger.notes[id] ?? [], history: history)
        }
        let schedule = workspace.schedule(of: measure, today: today, utcOffset: Output.utcOffset)
        return Item(id: id, plan: plan, measure: nil, title: measure.title, text: measure.text,
                    status: schedule.status, marked: workspace.ledger.marks[id], orphaned: false,
                    tasks: measure.tasks.map { TaskRow(id: $0.id, title: $0.title, status: workspace.status(ofTask: $0.id),
                                                         notes: workspace.ledger.notes[$0.id] ?? []) },
                    units: workspace.units(of: measure), due: schedule.end, overdue: schedule.isOverdue,
                    notes: workspace.ledger.notes[id] ?? [], history: history, schedule: schedule)
    }

    private func text(_ item: Item) -> String {
        // One-line fields pass the sanitiser one by one, so a line break inside one shows as ↵, never as a forged line.
        func field(_ text: String) -> String { TerminalText.sanitized(text) }
        let language = Output.language(nil)
        let colon = language.pick(": ", "：")
        var lines: [String] = []
        var head = "\(item.id)  \(item.status.word(in: language))"
        if let mark = item.marked {
            head += language.pick(" (marked by \(field(mark.officer)) \(Output.time(mark.time))\(mark.force ? ", forced" : ""))",
                                  "（\(field(mark.officer)) \(Output.time(mark.time)) 标记\(mark.force ? "，强制" : "")）")
        } else if !item.tasks.isEmpty {
            head += language.pick(" (from its tasks)", "（按任务）")
        }
        lines.append(head)
        if item.orphaned { lines.append(language.pick("orphaned: no longer in any plan; its history is kept", "已不在任何方案中；历史保留")) }
        if let measure = item.measure { lines.append(language.pick("task of \(measure)", "\(measure) 的任务")) }
        if let title = item.title, !title.isEmpty { lines.append(field(title)) }
        if let text = item.text, !text.isEmpty, text != item.title { lines.append(text) }
        if !item.units.isEmpty {
            // Roles only where the document tells them apart ("responsible" everywhere says nothing).
            let roles = item.units.contains { $0.role != .responsible }
            lines.append(language.pick("units", "责任单位") + colon + item.units.map {
                field($0.name) + (roles ? language.pick(" (\($0.role.word(in: language)))", "（\($0.role.word(in: language))）") : "")
            }.joined(separator: language.pick(", ", "、")))
        }
        if let due = item.due {
            lines.append(language.pick("due", "期限") + colon + "\(due)" + (item.overdue ? language.pick(" (overdue)", "（逾期）") : ""))
        }
        if let schedule = item.schedule {
            let remaining = schedule.remaining(in: language)
            let parts = [language.pick("light \(schedule.light.rawValue)", "\(schedule.light.word(in: language))灯")]
                + (schedule.expected.map { [language.pick("expected ", "序时进度 ") + Schedule.percent($0)] } ?? [])
                + [language.pick("actual ", "实际进度 ") + Schedule.percent(schedule.actual)] + (remaining.isEmpty ? [] : [remaining])
            lines.append(parts.joined(separator: language.pick(", ", "，")))
        }
        if !item.tasks.isEmpty {
            let done = item.tasks.count { $0.status == .done }
            lines.append(language.pick("tasks", "任务") + " (\(done)/\(item.tasks.count))" + colon.trimmingWhitespace(keepingLineBreaks: true))
            let width = Status.allCases.map { DisplayWidth.of($0.word(in: language)) }.max() ?? 7
            lines += item.tasks.map { "  \(TextLayout.fit($0.status.word(in: language), toWidth: width)) \($0.id)  \(field($0.title))" }
        }
        // A measure's notes and its tasks' (with the task's id), oldest first.
        let notes = (item.notes.map { (on: "", note: $0) } + item.tasks.flatMap { task in task.notes.map { (on: " [\(task.id)]", note: $0) } })
            .sorted { ($0.note.time, $0.note.id) < ($1.note.time, $1.note.id) }
        if !notes.isEmpty {
            lines.append(language.pick("notes:", "备注："))
            lines += notes.map { "  \(Output.time($0.note.time))  \(field($0.note.officer))\($0.on)\(colon)\(field($0.note.text))" }
        }
        if !item.history.isEmpty {
            lines.append(language.pick("history:", "历史："))
            lines += Output.lines(item.history).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
