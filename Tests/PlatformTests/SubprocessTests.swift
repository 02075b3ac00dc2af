import Platform
import Testing

@Suite("Child processes")
struct SubprocessTests {
    @Test("status, standard output and standard error come back apart")
    func outputs() throws {
        let run = try Subprocess.run("sh", ["-c", "echo out; echo err >&2; exit 3"])
        #expect(run.status == 3)
        #expect(String(decoding: run.output, as: UTF8.self) == "out\n")
        #expect(String(decoding: run.error, as: UTF8.self) == "err\n")
    }

    @Test("megabytes on both outputs at once: neither pipe blocks the child")
    func bothFull() throws {
        let run = try Subprocess.run("sh", ["-c", "head -c 3000000 /dev/zero; head -c 2000000 /dev/zero >&2; head -c 1000000 /dev/zero"])
        #expect(run.status == 0)
        #expect(run.output.count == 4_000_000)
        #expect(run.error.count == 2_000_000)
    }

    @Test("standard input is empty, the environment is the one given, a signal is 128 + its number")
    func inputEnvironmentSignal() throws {
        #expect(try Subprocess.run("cat", []).output.isEmpty)
        let environment = try Subprocess.run("sh", ["-c", "echo \"$DUBAN_X-$HOME\""], environment: ["DUBAN_X": "区", "PATH": "/usr/bin:/bin"])
        #expect(String(decoding: environment.output, as: UTF8.self) == "区-\n")
        #expect(try Subprocess.run("sh", ["-c", "kill -9 $$"]).status == 137)
    }

    @Test("a program that is not there is a failure saying so")
    func missing() {
        #expect(throws: Subprocess.SpawnFailure.self) { try Subprocess.run("duban-no-such-program", []) }
        #expect((try? Subprocess.run("duban-no-such-program", [])) == nil)
        do { _ = try Subprocess.run("duban-no-such-program", []) } catch { #expect(error.reason == "No such file or directory") }
    }
}
