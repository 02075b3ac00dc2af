import FoundationEssentials
import PlanModel
import Platform

/// `git` run as a subprocess in one store directory: the only place Duban runs git.
struct Git: Sendable {
    let directory: URL

    struct Run {
        var status: Int32
        var output: Data
        var error: String
        var text: String { String(decoding: output, as: UTF8.self).trimmingWhitespace() }
    }

    /// Why git failed, in one line: its own first `fatal:`/`error:` line, else its first line.
    struct Failure: Error, CustomStringConvertible {
        var arguments: [String]
        var message: String
        var description: String { "git \(arguments.first ?? "") failed: \(message)" }
    }

    /// Runs git and returns what it printed, whatever its status.
    @discardableResult
    func run(_ arguments: [String]) throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        // Never ask on the terminal (a dashboard owns it), read git's messages in English,
        // and never wander up into a repository that contains the store.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_SSH_COMMAND"] = environment["GIT_SSH_COMMAND"] ?? "ssh -o BatchMode=yes"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        environment["LC_ALL"] = "C"
        environment["GIT_CEILING_DIRECTORIES"] = directory.deletingLastPathComponent().path
        let run: Subprocess.Output
        do { run = try Subprocess.run("git", ["-C", directory.path] + arguments, environment: environment) } catch {
            throw Failure(arguments: arguments, message: "git cannot be run (\(error.reason)); install git (Debian: apt install git)")
        }
        return Run(status: run.status, output: Data(run.output), error: String(decoding: run.error, as: UTF8.self))
    }

    /// Runs git and throws its own message unless it succeeds.
    @discardableResult
    func check(_ arguments: [String]) throws -> Run {
        let run = try run(arguments)
        guard run.status == 0 else { throw Failure(arguments: arguments, message: Self.message(of: run)) }
        return run
    }

    /// Whether `git` succeeds (e.g. `rev-parse --verify`).
    func succeeds(_ arguments: [String]) throws -> Bool { try run(arguments).status == 0 }

    /// Git's reason: its `fatal:` line, else what the remote said (a hook's refusal), else its `error:` line.
    static func message(of run: Run) -> String {
        let lines = run.error.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace(keepingLineBreaks: true) }
        let remote = lines.first { $0.hasPrefix("remote:") && $0.count > "remote:".count }
        return lines.first { $0.hasPrefix("fatal:") } ?? remote ?? lines.first { $0.hasPrefix("error:") } ?? lines.first
            ?? "exit status \(run.status)"
    }

    /// A file's bytes at a revision or index stage (`HEAD:journal.jsonl`, `:3:plans/x.json`), nil if it has none.
    func show(_ object: String) throws -> Data? {
        let run = try run(["show", object])
        return run.status == 0 ? run.output : nil
    }
}
