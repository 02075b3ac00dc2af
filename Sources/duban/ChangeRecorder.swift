import FoundationEssentials
import PlanModel
import PlanStore
import TerminalKit

/// The shared path of every change command: resolve the ids against the
/// store (without reading plan bodies), build each id's events on the state
/// the previous ids left, record them all in one durable append under the
/// same lock as the read, then print a line per change. If any id is refused,
/// nothing is recorded.
enum ChangeRecorder {
    static func run(_ options: StoreOptions, command: String, ids: [String],
                    build: (EventFactory, String, Workspace) throws(StoreError) -> [Event]) throws {
        let store = try options.openStore()
        let factory = options.eventFactory()
        var lines: [String] = []
        // Decided and appended under one lock: no other writer slips in between.
        do throws(StoreError) {
            _ = try store.update(ids) { current throws(StoreError) in
                var workspace = current
                var events: [Event] = []
                for id in ids {
                    let built = try build(factory, id, workspace)
                    built.forEach { workspace.apply($0) }
                    events += built
                    lines += built.isEmpty ? ["\(TerminalText.sanitized(id)): unchanged"]
                        : built.map { "\(TerminalText.sanitized($0.target)): \(Output.describe($0.change))" }
                }
                return events
            }
        } catch {
            throw CommandFailure(error, command: command)
        }
        Output.print(lines.joined(separator: "\n"))
    }
}
