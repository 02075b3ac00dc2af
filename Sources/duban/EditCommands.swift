import ArgumentParser
import PlanModel
import PlanStore
import TerminalKit

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note to a measure or task (e.g. the evidence for a sign-off), or edit one (--edit).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "A measure or task id.") var id: String
    @Argument(help: "The note.") var text: String
    @Option(help: ArgumentHelp("Replace the text of this note of the id instead (the id of the event that added it: show --json, history --json); history keeps both texts.",
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
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Make a unit responsible for a measure, or change its role.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "A measure id.") var id: String
    @Argument(help: "The unit (责任单位), e.g. 区发改委.") var unit: String
    @Option(help: "lead (牵头), support (配合) or responsible (not distinguished).") var role: Role = .responsible

    func run() throws {
        let directory = try options.unitDirectory()
        try ChangeRecorder.run(options, command: "assign", ids: [id]) { factory, id, workspace throws(StoreError) in
            try factory.assign(unit, role: role, to: id, in: workspace, directory: directory).map { [$0] } ?? []
        }
    }
}

struct UnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unassign", abstract: "Remove a unit from a measure.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "A measure id.") var id: String
    @Argument(help: "The unit (责任单位).") var unit: String

    func run() throws {
        let directory = try options.unitDirectory()
        try ChangeRecorder.run(options, command: "unassign", ids: [id]) { factory, id, workspace throws(StoreError) in
            [try factory.unassign(unit, from: id, in: workspace, directory: directory)]
        }
    }
}

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "due", abstract: "Set a measure's due date, or clear it (none).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "A measure id.") var id: String
    @Argument(help: "2026-12-31, 2026/12/31, 2026年12月31日, 12月31日 or 12-31 (this year), 月底, 年底; or none.") var date: String

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
        commandName: "undo", abstract: "Undo your last change(s) (a command's changes are one step); each undo is recorded as an event.")

    @OptionGroup var options: StoreOptions
    @Option(help: "How many of your steps to undo.") var steps = 1
    @Option(help: "Undo only changes on this measure (and its tasks) or task.") var id: String?

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
