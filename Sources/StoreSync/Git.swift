import Foundation

/// `git` run as a subprocess in one store directory: the only place Duban runs git.
struct Git: Sendable {
    let directory: URL

    struct Run {
        var status: Int32
        var output: Data
        var error: String
        var text: String { String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Why git failed, in one line: its own first `fatal:`/`error:` line, else its first line.
    struct Failure: Error, CustomStringConvertible {
        var arguments: [String]
        var message: String
        var description: String { "git \(arguments.first ?? "") failed: \(message)" }
    }

    /// Runs git and returns what it printed, whatever its status.
    @discardableResult
    func run(_ arguments: [String], input: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        // Never ask on the terminal (a dashboard owns it), read git's messages in English,
        // and never wander up into a repository that contains the store.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_SSH_COMMAND"] = environment["GIT_SSH_COMMAND"] ?? "ssh -o BatchMode=yes"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        environment["LC_ALL"] = "C"
        environment["GIT_CEILING_DIRECTORIES"] = directory.deletingLastPathComponent().path
        process.environment = environment
        let output = Pipe(), error = Pipe(), inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        do {
            try process.run()
        } catch {
            throw Failure(arguments: arguments, message: "git cannot be run (\(error.localizedDescription)); install git (Debian: apt install git)")
        }
        if let input {
            inputPipe.fileHandleForWriting.write(input)
            try? inputPipe.fileHandleForWriting.close()
        }
        // stderr is read on the side so a large stdout never blocks git on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: outputData, error: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs git and throws its own message unless it succeeds.
    @discardableResult
    func check(_ arguments: [String], input: Data? = nil) throws -> Run {
        let run = try run(arguments, input: input)
        guard run.status == 0 else { throw Failure(arguments: arguments, message: Self.message(of: run)) }
        return run
    }

    /// Whether `git` succeeds (e.g. `rev-parse --verify`).
    func succeeds(_ arguments: [String]) throws -> Bool { try run(arguments).status == 0 }

    /// Git's reason: its `fatal:` line, else what the remote said (a hook's refusal), else its `error:` line.
    static func message(of run: Run) -> String {
        let lines = run.error.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
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
