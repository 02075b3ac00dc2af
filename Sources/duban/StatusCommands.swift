import ArgumentParser
import PlanModel
import PlanStore

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark measures or tasks done (a measure with open tasks needs --force).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Measure or task ids.") var ids: [String]
    @Flag(help: "Mark a measure done even though some of its tasks are open (recorded in the event).") var force = false

    func run() throws {
        try ChangeRecorder.run(options, command: "done", ids: ids) { factory, id, workspace throws(StoreError) in
            try factory.status(.done, of: id, in: workspace, force: force).map { [$0] } ?? []
        }
    }
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Mark measures or tasks as being worked on (doing).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Measure or task ids.") var ids: [String]

    func run() throws {
        try ChangeRecorder.run(options, command: "start", ids: ids) { factory, id, workspace throws(StoreError) in
            try factory.status(.doing, of: id, in: workspace).map { [$0] } ?? []
        }
    }
}

struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "block", abstract: "Mark measures or tasks blocked, with a note saying why.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Measure or task ids.") var ids: [String]
    @Option(help: "Why it is blocked (recorded as a note).") var note: String

    func run() throws {
        try ChangeRecorder.run(options, command: "block", ids: ids) { factory, id, workspace throws(StoreError) in
            let status = try factory.status(.blocked, of: id, in: workspace)
            return (status.map { [$0] } ?? []) + [try factory.note(note, on: id, in: workspace)]
        }
    }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Clear the mark of measures or tasks (a measure's status derives from its tasks again).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Measure or task ids.") var ids: [String]

    func run() throws {
        try ChangeRecorder.run(options, command: "reopen", ids: ids) { factory, id, workspace throws(StoreError) in
            try factory.reopen(id, in: workspace).map { [$0] } ?? []
        }
    }
}
