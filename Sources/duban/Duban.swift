import ArgumentParser

@main
struct Duban: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duban",
        abstract: "督办 Duban: track district action plans (pillars, measures, tasks, units) in the terminal.",
        version: "0.1.0",
        subcommands: [DashboardCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
