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
            let on = id.map { " on \(TerminalText.sanitized($0))" } ?? ""
            throw CommandFailure(description: "nothing of \(TerminalText.sanitized(factory.officer))'s to undo\(on)", exitCode: 1)
        }
    }

    /// `skipped P:1.6: done — li changed it since (duban history P:1.6)`.
    static func describe(_ skip: UndoOutcome.Skip) -> String {
        let target = TerminalText.sanitized(skip.event.target)
        let why = switch skip.reason {
        case let .superseded(by): "\(TerminalText.sanitized(by.officer)) changed it since (duban history \(target))"
        case .changed: "changed since (duban history \(target))"
        case .gone: "no plan holds it any more"
        }
        return "skipped \(target): \(Output.describe(skip.event.change)) — \(why)"
    }
}
