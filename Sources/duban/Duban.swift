import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import PlanStore
import TerminalKit

@main
struct Duban: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duban",
        abstract: Output.help("督办 Duban: track district action plans (pillars, measures, tasks, units) in the terminal.", "督办 Duban：在终端里跟踪各区行动方案（板块、措施、任务、责任单位）。"),
        version: "0.1.0",
        subcommands: [
            DashboardCommand.self, InitCommand.self, ParseCommand.self, ImportCommand.self, RemoveCommand.self, PlansCommand.self, ListCommand.self, ShowCommand.self,
            DoneCommand.self, StartCommand.self, BlockCommand.self, ReopenCommand.self,
            NoteCommand.self, AssignCommand.self, UnassignCommand.self, DueCommand.self,
            UndoCommand.self, HistoryCommand.self,
            WorkloadCommand.self, UnitsCommand.self, ReportCommand.self, SearchCommand.self, CompactCommand.self,
            SyncCommand.self, ConflictsCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// Runs the command; failures print one line on stderr and exit 1 (not
    /// found, refused) or 2 (bad input, including bad arguments).
    static func main() {
        do {
            var command = try EarlyOutline.parsing(arguments: CommandLine.arguments, environment: Home.environment) { try parseAsRoot() }
            try command.run()
            // The one fast exit: output flushed, nothing left to free one by one (see `ProcessLifetime`).
            fflush(nil)
            Glibc.exit(0)
        } catch let failure as CommandFailure {
            fail(failure.description, status: failure.exitCode)
        } catch let error as StoreError {
            let failure = CommandFailure(error)
            fail(failure.description, status: failure.exitCode)
        } catch {
            if exitCode(for: error) == .validationFailure {
                fail(message(for: error), status: 2)
            }
            exit(withError: error)
        }
    }

    /// One line on stderr: a quoted id or file name cannot break it or drive the terminal.
    private static func fail(_ message: String, status: Int32) -> Never {
        Output.standardError("duban: \(TerminalText.sanitized(message))\n")
        Glibc.exit(status)
    }
}
