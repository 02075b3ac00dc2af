import ArgumentParser
import PlanModel
import PlanStore
import TerminalKit

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: Output.help("Add a note to a measure or task (e.g. the evidence for a sign-off), or edit one (--edit).", "给措施或任务添加备注（如销号依据），或修改备注（--edit）。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("A measure or task id.", "措施或任务编号。"))) var id: String
    @Argument(help: ArgumentHelp(Output.help("The note.", "备注内容。"))) var text: String
    @Option(help: ArgumentHelp(Output.help("Replace the text of this note of the id instead (the id of the event that added it: show --json, history --json); history keeps both texts.", "改为替换该编号上这条备注的内容（备注的事件编号：见 show --json、history --json）；修改记录保留新旧两版。"),
                               valueName: "event-id"))
    var edit: String?

    func run() throws {
        try ChangeRecorder.run(options, command: "note", ids: [id]) { factory, id, workspace throws(StoreError) in
            guard let edit else { return [try factory.note(text, on: id, in: workspace)] }
            return try factory.editNote(edit, to: text, on: id, in: workspace).map { [$0] } ?? []
        }
    }
}

extension Role: ExpressibleByArgument {}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: Output.help("Make a unit responsible for a measure, or change its role.", "为措施添加责任单位，或修改其角色。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("A measure id.", "措施编号。"))) var id: String
    @Argument(help: ArgumentHelp(Output.help("The unit (责任单位), e.g. 区发改委.", "责任单位，如 区发改委。"))) var unit: String
    @Option(help: ArgumentHelp(Output.help("lead (牵头), support (配合) or responsible (not distinguished).", "lead（牵头）、support（配合）或 responsible（不区分）。"))) var role: Role = .responsible

    func run() throws {
        let directory = try options.unitDirectory()
        try ChangeRecorder.run(options, command: "assign", ids: [id]) { factory, id, workspace throws(StoreError) in
            try factory.assign(unit, role: role, to: id, in: workspace, directory: directory).map { [$0] } ?? []
        }
    }
}

struct UnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unassign", abstract: Output.help("Remove a unit from a measure.", "从措施中移除责任单位。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("A measure id.", "措施编号。"))) var id: String
    @Argument(help: ArgumentHelp(Output.help("The unit (责任单位).", "责任单位。"))) var unit: String

    func run() throws {
        let directory = try options.unitDirectory()
        try ChangeRecorder.run(options, command: "unassign", ids: [id]) { factory, id, workspace throws(StoreError) in
            [try factory.unassign(unit, from: id, in: workspace, directory: directory)]
        }
    }
}

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "due", abstract: Output.help("Set a measure's due date, or clear it (none).", "设置措施的期限，或清除（none）。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("A measure id.", "措施编号。"))) var id: String
    @Argument(help: ArgumentHelp(Output.help("2026-12-31, 2026/12/31, 2026年12月31日, 12月31日 or 12-31 (this year), 月底, 年底; or none.", "2026-12-31、2026/12/31、2026年12月31日、12月31日或 12-31（今年）、月底、年底；或 none。"))) var date: String

    func run() throws {
        var day: Day?
        if date != "none" {
            day = Day(typed: date, today: try Output.today())
            guard day != nil else {
                throw CommandFailure.badInput("not a day: \(date) (2026-12-31, 2026年12月31日, 12-31, 月底, 年底, or none)")
            }
        }
        try ChangeRecorder.run(options, command: "due", ids: [id]) { factory, id, workspace throws(StoreError) in
            try factory.due(day, of: id, in: workspace).map { [$0] } ?? []
        }
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: Output.help("Undo your last change(s) (a command's changes are one step); each undo is recorded as an event.", "撤销你最近的修改（一条命令的修改为一步）；每次撤销都记为一条事件。"))

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Output.help("How many of your steps to undo.", "撤销你的几步修改。"))) var steps = 1
    @Option(help: ArgumentHelp(Output.help("Undo only changes on this measure (and its tasks) or task.", "只撤销这项措施（及其任务）或任务上的修改。"))) var id: String?

    func validate() throws {
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1") }
    }

    func run() throws {
        let store = try options.openStore()
        let factory = options.eventFactory()
        let outcome: UndoOutcome
        do throws(StoreError) {
            // An unknown id is refused with the closest ids, as by every command that takes one.
            if let id { _ = try store.workspace(for: [id]) }
            outcome = try store.undo(steps: steps, in: id.map { UndoScope(ids: [$0]) } ?? .everything, as: factory)
        } catch {
            throw CommandFailure(error, command: "undo")
        }
        let lines = outcome.undone.map { "\(TerminalText.sanitized($0.target)): \(Output.describe($0.change))" }
            + outcome.skipped.map(Self.describe)
        if !lines.isEmpty { Output.print(lines.joined(separator: "\n")) }
        guard !outcome.undone.isEmpty else {
            let officer = TerminalText.sanitized(factory.officer), language = Output.language(nil)
            let on = id.map { language.pick(" on \(TerminalText.sanitized($0))", "（\(TerminalText.sanitized($0))）") } ?? ""
            throw CommandFailure(description: language.pick("nothing of \(officer)'s to undo\(on)", "\(officer) 没有可撤销的操作\(on)"),
                                 exitCode: 1)
        }
    }

    /// `skipped P:1.6: done — li changed it since (duban history P:1.6)`, in the interface language.
    static func describe(_ skip: UndoOutcome.Skip) -> String {
        let target = TerminalText.sanitized(skip.event.target), language = Output.language(nil)
        let why = switch skip.reason {
        case let .superseded(by):
            language.pick("\(TerminalText.sanitized(by.officer)) changed it since (duban history \(target))",
                          "\(TerminalText.sanitized(by.officer)) 之后已改过（duban history \(target)）")
        case .changed: language.pick("changed since (duban history \(target))", "之后已被改过（duban history \(target)）")
        case .gone: language.pick("no plan holds it any more", "已不在任何方案中")
        }
        return language.pick("skipped \(target): \(Output.describe(skip.event.change)) — \(why)",
                             "跳过 \(target)：\(Output.describe(skip.event.change)) — \(why)")
    }
}
