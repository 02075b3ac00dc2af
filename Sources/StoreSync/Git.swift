import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    /// Runs git and returns what it printed, whatever its status. Spawned and reaped
    /// directly: Foundation's `Process` waited ~55 ms per run, most of a sync's time.
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
        var output: [Int32] = [0, 0], error: [Int32] = [0, 0]
        guard pipe(&output) == 0, pipe(&error) == 0 else {
            throw Failure(arguments: arguments, message: "pipe: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, error[1], 2)
        for fd in output + error { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = (["git", "-C", directory.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, envp)
        close(output[1])
        close(error[1])
        defer {
            close(output[0])
            close(error[0])
        }
        guard spawned == 0 else {
            throw Failure(arguments: arguments, message: "git cannot be run (\(String(cString: strerror(spawned)))); install git (Debian: apt install git)")
        }
        // stderr is read on the side so a large stdout never blocks git on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let errorRead = error[0]
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = Self.readAll(errorRead)
            group.leave()
        }
        let outputData = Self.readAll(output[0])
        group.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Run(status: code, output: outputData, error: String(decoding: errorData, as: UTF8.self))
    }

    private static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count > 0 { data.append(contentsOf: buffer[0..<count]) } else if count == 0 || errno != EINTR { return data }
        }
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
