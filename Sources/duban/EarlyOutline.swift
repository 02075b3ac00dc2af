import Dispatch
import FoundationEssentials
import PlanModel
import PlanStore
import Synchronization

/// A listing's outline of the store, read while swift-argument-parser parses the arguments on another
/// thread: the parse is a quarter of a 1,000-measure `workload`'s instructions, all of it before any
/// reading could start. The read is made from what the arguments plainly say (the subcommand,
/// the last `--store`) and is used only when the parsed command asks for the same read of the same
/// directory (`StoreOptions.withWorkspace`); else it is dropped. Its warnings (a torn journal line set
/// aside) print as they come, as any read's do: they are true of the store the arguments name.
enum EarlyOutline {
    /// The listings that read an outline, and whether theirs holds measure titles.
    static let listings = ["plans": false, "list": true, "workload": false, "units": false]

    /// The read made while the arguments were parsed, until a command takes it.
    private static let started = Mutex<Read?>(nil)

    private struct Read: @unchecked Sendable {
        let directory: URL
        let measureTitles: Bool
        let result: Result<(JSONPlanStore, Workspace), any Error>
    }

    /// Runs `parse` (swift-argument-parser's) and returns what it gives. When `arguments` name a listing, the
    /// parse runs on another thread while this one reads the store they name; `environment` gives the store
    /// as the command will. The read stays on the calling thread, as a command's own read would: moved to a
    /// worker, a 100,000-measure read was slower (its memory from a worker's heap).
    static func parsing<Parsed>(arguments: [String], environment: [String: String], _ parse: @escaping () throws -> Parsed) throws -> Parsed {
        guard arguments.count > 1, let measureTitles = listings[arguments[1]] else { return try parse() }
        var explicit: String?
        var i = 2
        while i < arguments.count, arguments[i] != "--" {
            if arguments[i] == "--store", i + 1 < arguments.count {
                explicit = arguments[i + 1]
                i += 1
            } else if arguments[i].hasPrefix("--store=") {
                explicit = String(arguments[i].dropFirst("--store=".count))
            }
            i += 1
        }
        let directory = StoreOptions.directory(explicit: explicit, environment: environment,
                                               home: Home.directory(environment: environment))
        let parsed = Handoff(parse)
        let done = DispatchGroup()
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            parsed.run()
            done.leave()
        }
        let read = Read(directory: directory, measureTitles: measureTitles, result: Result {
            try StoreOptions.readOutline(at: directory, measureTitles: measureTitles, warn: Output.warn)
        })
        started.withLock { $0 = read }
        done.wait()
        return try parsed.outcome!.get()
    }

    /// The parse handed to another thread and its outcome back: each touched by one thread at a time
    /// (before the hand-off, on the worker, after `done`).
    private final class Handoff<Parsed>: @unchecked Sendable {
        let work: () throws -> Parsed
        var outcome: Result<Parsed, any Error>?
        init(_ work: @escaping () throws -> Parsed) { self.work = work }
        func run() { outcome = Result { try work() } }
    }

    /// The early read, if it is the one asked for. Taken once.
    static func take(directory: URL, measureTitles: Bool) -> Result<(JSONPlanStore, Workspace), any Error>? {
        guard let read = started.withLock({ read in defer { read = nil }; return read }),
              read.directory.path == directory.path, read.measureTitles == measureTitles else { return nil }
        return read.result
    }
}
