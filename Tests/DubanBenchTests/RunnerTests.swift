import Foundation
import Testing
@testable import duban_bench

@Suite("Runner: whole-process runs, n/a for what fails")
struct RunnerTests {
    let work = FileManager.default.temporaryDirectory.appending(path: "runner-tests-\(UUID().uuidString)")

    func runner() throws -> Runner {
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        return Runner(duban: "/bin/sh", runs: 2, warmup: 1, work: work, taskwarrior: nil)
    }

    @Test("a command that succeeds is measured; one that fails is n/a with its exit status and first error line")
    func outcomes() throws {
        let runner = try runner()
        defer { try? FileManager.default.removeItem(at: work) }
        let ok = runner.measure(.init(arguments: ["-c", "echo hello"]), program: "/bin/sh", data: work,
                                environment: runner.dubanEnvironment)
        guard case let .measured(median, min, max, _) = ok else {
            Issue.record("expected a measurement, got \(ok)")
            return
        }
        #expect(min <= median && median <= max)
        let failing = runner.measure(.init(arguments: ["-c", "echo 'Error: Unknown option' >&2; exit 64"]),
                                     program: "/bin/sh", data: work, environment: runner.dubanEnvironment)
        guard case let .unavailable(reason) = failing else {
            Issue.record("expected n/a, got \(failing)")
            return
        }
        #expect(reason == "exit 64: Error: Unknown option")
    }

    @Test("a missing program or side is reported, not a crash")
    func missing() throws {
        let runner = try runner()
        defer { try? FileManager.default.removeItem(at: work) }
        let absent = runner.measure(.init(arguments: []), program: "/nonexistent/duban", data: work,
                                    environment: runner.dubanEnvironment)
        guard case .unavailable = absent else {
            Issue.record("expected n/a, got \(absent)")
            return
        }
        let notInstalled = runner.measure(.init(arguments: ["count"]), program: runner.taskwarrior, data: work,
                                          environment: runner.taskEnvironment)
        guard case .unavailable("not installed") = notInstalled else {
            Issue.record("expected not installed, got \(notInstalled)")
            return
        }
        guard case .none = runner.measure(nil, program: "/bin/sh", data: work, environment: runner.dubanEnvironment)
        else {
            Issue.record("no command should give no outcome")
            return
        }
    }

    @Test("a writing command runs on a fresh copy each time and leaves the data untouched")
    func freshCopies() throws {
        let runner = try runner()
        defer { try? FileManager.default.removeItem(at: work) }
        let data = work.appending(path: "store")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("1\n".utf8).write(to: data.appending(path: "journal"))
        // Fails unless the journal holds exactly one line, i.e. unless each run starts from the original.
        let append = #"test "$(wc -l < "$DUBAN_STORE/journal")" -eq 1 && echo 2 >> "$DUBAN_STORE/journal""#
        let outcome = runner.measure(.init(arguments: ["-c", append], writes: true), program: "/bin/sh", data: data,
                                     environment: runner.dubanEnvironment)
        guard case .measured = outcome else {
            Issue.record("expected a measurement, got \(outcome)")
            return
        }
        #expect(try String(contentsOf: data.appending(path: "journal"), encoding: .utf8) == "1\n")
    }

    @Test("a command run once per file passes each file whole, quotes and spaces included")
    func eachFile() throws {
        _ = try runner()
        defer { try? FileManager.default.removeItem(at: work) }
        let command = Operation.Command(arguments: ["parse", "it's"], eachFile: ["a b.txt", "c'd.txt"])
        let output = work.appending(path: "out")
        let run = ProcessRun.run(Runner.commandLine("/bin/echo", command), environment: [:], output: output)
        #expect(run.exitStatus == 0)
        #expect(try String(contentsOf: output, encoding: .utf8) == "parse it's a b.txt\nparse it's c'd.txt\n")
    }
}

extension RunnerTests {
    @Test("a command with a restore step runs on the data itself and is put back after every run")
    func restore() throws {
        let runner = try runner()
        defer { try? FileManager.default.removeItem(at: work) }
        let data = work.appending(path: "store")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let flag = data.appending(path: "done").path
        // `done` fails if the previous run was not undone; `undo` removes the mark.
        let command = Operation.Command(arguments: ["-c", "test ! -e '\(flag)' && touch '\(flag)'"],
                                        restore: ["-c", "rm '\(flag)'"])
        guard case .measured = runner.measure(command, program: "/bin/sh", data: data,
                                              environment: runner.dubanEnvironment) else {
            Issue.record("expected a measurement")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: flag))
        let failing = Operation.Command(arguments: ["-c", "true"], restore: ["-c", "echo 'nothing to undo' >&2; exit 1"])
        let outcome = runner.measure(failing, program: "/bin/sh", data: data, environment: runner.dubanEnvironment)
        guard case let .unavailable(reason) = outcome else {
            Issue.record("a failing restore should give n/a, got \(outcome)")
            return
        }
        #expect(reason.hasSuffix("after it: exit 1: nothing to undo"))
    }
}
