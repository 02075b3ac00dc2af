import ArgumentParser

@main
struct DubanBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duban-bench",
        abstract: "Benchmarks Duban against Taskwarrior on the same synthetic data (see BENCHMARKS.md).",
        subcommands: [RunCommand.self, GenerateCommand.self, ModelCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
