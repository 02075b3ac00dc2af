import ArgumentParser
import PlanModel
import PlanStore

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: Output.help("Mark measures or tasks done (a measure with open tasks needs --force).", "把措施或任务标记为已完成（还有未完成任务的措施须加 --force）。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("Measure or task ids.", "措施或任务编号。"))) var ids: [String]
    @Flag(help: ArgumentHelp(Output.help("Mark a measure done even though some of its tasks are open (recorded in the event).", "即使还有未完成的任务也把措施标记为完成（记入事件）。"))) var force = false

    func run() throws {
        try ChangeRecorder.run(options, command: "done", ids: ids) { factory, id, workspace throws(StoreError) in
            try factory.status(.done, of: id, in: workspace, force: force).map { [$0] } ?? []
        }
    }
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: Output.help("Mark measures or tasks as being worked on (doing).", "把措施或任务标记为进行中。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("Measure or task ids.", "措施或任务编号。"))) var ids: [String]

    func run() throws {
        try ChangeRecorder.run(options, command: "start", ids: ids) { factory, id, workspace throws(StoreError) in
            try factory.status(.doing, of: id, in: workspace).map { [$0] } ?? []
        }
    }
}

struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "block", abstract: Output.help("Mark measures or tasks blocked, with a note saying why.", "把措施或任务标记为受阻，并附原因备注。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("Measure or task ids.", "措施或任务编号。"))) var ids: [String]
    @Option(help: ArgumentHelp(Output.help("Why it is blocked (recorded as a note).", "受阻原因（记为备注）。"))) var note: String

    func run() throws {
        try ChangeRecorder.run(options, command: "block", ids: ids) { factory, id, workspace throws(StoreError) in
            let status = try factory.status(.blocked, of: id, in: workspace)
            return (status.map { [$0] } ?? []) + [try factory.note(note, on: id, in: workspace)]
        }
    }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: Output.help("Clear the mark of measures or tasks (a measure's status derives from its tasks again).", "清除措施或任务的标记（措施的状态重新由其任务得出）。"))

    @OptionGroup var options: StoreOptions
    @Argument(help: ArgumentHelp(Output.help("Measure or task ids.", "措施或任务编号。"))) var ids: [String]

    func run() throws {
        try ChangeRecorder.run(options, command: "reopen", ids: ids) { factory, id, workspace throws(StoreError) in
            try factory.reopen(id, in: workspace).map { [$0] } ?? []
        }
    }
}
