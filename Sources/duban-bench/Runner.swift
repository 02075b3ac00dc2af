import Foundation

/// Times commands as whole processes against an isolated Duban store and an
/// isolated Taskwarrior (own TASKRC, TASKDATA and HOME under the work directory).
struct Runner {
    var duban: String
    var runs: Int
    var warmup: Int
    var work: URL
    /// nil when Taskwarrior is not installed.
    var taskwarrior: String?

    private var files: FileManager { .default }
    private var home: URL { work.appending(path: "home") }
    var taskrc: URL { work.appending(path: "taskrc") }

    /// The caller's environment without anything that points Duban or Taskwarrior
    /// elsewhere (their variables, XDG directories); HOME is a scratch directory.
    private var baseEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("DUBAN_") && !$0.key.hasPrefix("TASK") && !$0.key.hasPrefix("XDG_")
        }
        environment["HOME"] = home.path
        environment["DUBAN_USER"] = "bench"
        return environment
    }

    func prepare() throws {
        try files.createDirectory(at: home, withIntermediateDirectories: true)
        let rc = ["confirmation=off", "verbose=nothing", "hooks=off", "color=off", "regex=on"]
            + TaskwarriorImport.rcLines
        try (rc.joined(separator: "\n") + "\n").write(to: taskrc, atomically: true, encoding: .utf8)
    }

    func dubanEnvironment(store: URL) -> [String: String] {
        var environment = baseEnvironment
        environment["DUBAN_STORE"] = store.path
        return environment
    }

    func taskEnvironment(data: URL) -> [String: String] {
        var environment = baseEnvironment
        environment["TASKRC"] = taskrc.path
        environment["TASKDATA"] = data.path
        return environment
    }

    /// Measures `command` of `program`: warm-up runs, then timed runs. Writing
    /// commands run on a fresh copy of `data` each time (copy not timed), or
    /// on `data` itself followed by their untimed `restore` command.
    func measure(_ command: Operation.Command?, program: String?, data: URL,
                 environment: (URL) -> [String: String]) -> Outcome {
        guard let command else { return .none }
        guard let program else { return .unavailable("not installed") }
        let scratch = data.deletingLastPathComponent().appending(path: data.lastPathComponent + ".scratch")
        let output = work.appending(path: "output")
        var timed: [ProcessRun] = []
        do {
            for index in 0..<(warmup + runs) {
                var target = data
                if command.writes || command.startsEmpty {
                    try? files.removeItem(at: scratch)
                    if command.startsEmpty {
                        try files.createDirectory(at: scratch, withIntermediateDirectories: true)
                    } else {
                        try files.copyItem(at: data, to: scratch)
                    }
                    target = scratch
                }
                let run = ProcessRun.run(Runner.commandLine(program, command), environment: environment(target),
                                         output: output)
                guard run.exitStatus == 0 else {
                    return .unavailable("exit \(run.exitStatus)" + (run.errorLine.isEmpty ? "" : ": \(run.errorLine)"))
                }
                if index >= warmup { timed.append(run) }
                if let restore = command.restore {
                    let back = ProcessRun.run([program] + restore, environment: environment(target), output: output)
                    guard back.exitStatus == 0 else {
                        return .unavailable("\(restore.joined(separator: " ")) after it: exit \(back.exitStatus)"
                                            + (back.errorLine.isEmpty ? "" : ": \(back.errorLine)"))
                    }
                }
            }
        } catch {
            return .unavailable(error.localizedDescription)
        }
        if command.writes { try? files.removeItem(at: scratch) }
        return Outcome(runs: timed)
    }

    /// The program and its arguments, or for `eachFile` a shell loop running
    /// it once per file that stops at the first failure.
    static func commandLine(_ program: String, _ command: Operation.Command) -> [String] {
        guard !command.eachFile.isEmpty else { return [program] + command.arguments }
        let quoted = command.arguments.map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
        let script = #"program=$1; shift; for file in "$@"; do "$program" "#
            + quoted.joined(separator: " ") + #" "$file" || exit $?; done"#
        return ["/bin/sh", "-c", script, "sh", program] + command.eachFile
    }

    /// Runs a command once, untimed (setting up data); returns its standard output.
    @discardableResult
    func once(_ arguments: [String], environment: [String: String]) throws -> String {
        let output = work.appending(path: "setup-output")
        let run = ProcessRun.run(arguments, environment: environment, output: output)
        guard run.exitStatus == 0 else {
            throw RunnerError("\(arguments.joined(separator: " ")): exit \(run.exitStatus) \(run.errorLine)")
        }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}

struct RunnerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
