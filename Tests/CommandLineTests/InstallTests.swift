import Foundation
import Testing

/// scripts/install.sh on a release tree laid out as scripts/package lays it out, with the
/// debug binary standing in for the release one (no release build inside the tests).
@Suite("Install")
struct InstallTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("duban-install-\(UUID().uuidString)")
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// An unpacked release: bin/duban, lib/duban/{Samples,Themes}, a man page, a completion, install.sh.
    func release() throws -> URL {
        let root = scratch.appendingPathComponent("duban-0.0.0-linux-test")
        let manager = FileManager.default
        for directory in ["bin", "lib/duban", "share/man/man1", "share/bash-completion/completions"] {
            try manager.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        try manager.copyItem(at: DubanProcess.binary, to: root.appendingPathComponent("bin/duban"))
        try manager.copyItem(at: Self.checkout.appendingPathComponent("Sources/duban/Samples"), to: root.appendingPathComponent("lib/duban/Samples"))
        try manager.copyItem(at: Self.checkout.appendingPathComponent("Themes"), to: root.appendingPathComponent("lib/duban/Themes"))
        // A theme only the installed Themes folder has, to show that folder is found.
        try Data(#"{"name": "installed-test", "inherits": "light"}"#.utf8)
            .write(to: root.appendingPathComponent("lib/duban/Themes/installed-test.json"))
        try Data(".Dt DUBAN 1\n".utf8).write(to: root.appendingPathComponent("share/man/man1/duban.1"))
        let completion = try DubanProcess.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0 && completion.output.contains("_duban"), "bash completion: \(completion.error)")
        try completion.data.write(to: root.appendingPathComponent("share/bash-completion/completions/duban"))
        try manager.copyItem(at: Self.checkout.appendingPathComponent("scripts/install.sh"), to: root.appendingPathComponent("install.sh"))
        return root
    }

    /// Every path under `directory` with its contents (nil for a directory).
    func tree(_ directory: URL) -> [String: Data?] {
        var result: [String: Data?] = [:]
        let paths = FileManager.default.subpaths(atPath: directory.path) ?? []
        for path in paths {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory)
            result[path] = isDirectory.boolValue ? .some(nil) : try? Data(contentsOf: directory.appendingPathComponent(path))
        }
        return result
    }

    /// Runs `executable` with the test's environment; (status, stdout, stderr).
    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = scratch  // not the checkout, whose ./Themes would be found first
        var environment = ProcessInfo.processInfo.environment
        environment["DUBAN_THEMES"] = nil
        environment["NO_COLOR"] = nil  // it would choose the built-in monochrome theme
        environment["XDG_CONFIG_HOME"] = "/nonexistent/duban-test-config"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func shell(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try run("/bin/sh", arguments)
    }

    @Test("install.sh --prefix puts duban where it finds its samples; --uninstall leaves the prefix as it was, also after a reinstall")
    func installThenUninstall() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let release = try release()
        let prefix = scratch.appendingPathComponent("prefix")
        // A prefix already in use: its own bin, share/man and lib must survive.
        for directory in ["bin", "share/man/man1", "lib"] {
            try FileManager.default.createDirectory(at: prefix.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        try Data("other".utf8).write(to: prefix.appendingPathComponent("bin/other"))
        try Data(".Dt LS 1".utf8).write(to: prefix.appendingPathComponent("share/man/man1/ls.1"))
        let before = tree(prefix)

        let script = release.appendingPathComponent("install.sh").path
        for _ in 1...2 {
            let install = try shell([script, "--prefix", prefix.path])
            #expect(install.status == 0, "install: \(install.error)")
            #expect(install.output.contains("\(prefix.path)/bin/duban"), "says how to run it: \(install.output)")
        }
        for path in ["bin/duban", "lib/duban/Samples/jinshan-2026.txt", "lib/duban/Themes/light.json",
                     "share/man/man1/duban.1", "share/bash-completion/completions/duban", "lib/duban/install.sh"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "installed \(path)")
        }
        // The installed binary, run from elsewhere, creates its first store from lib/duban/Samples.
        let store = scratch.appendingPathComponent("store").path
        let duban = prefix.appendingPathComponent("bin/duban").path
        let frame = try run(duban, ["--store", store, "--render-once", "100x30"])
        #expect(frame.status == 0, "installed duban: \(frame.error)")
        #expect(frame.output.contains("jinshan-2026"), "the sample plans were found: \(frame.output)")
        // Once the store exists, the status line is free to say when a theme is missing.
        let themed = try run(duban, ["--store", store, "--render-once", "100x30", "--theme", "installed-test"])
        #expect(themed.status == 0 && !themed.output.contains("no such theme"), "the themes were found: \(themed.output)")

        // Uninstalled with the copy kept in the prefix, as the release may be gone by then.
        try FileManager.default.removeItem(at: release)
        let uninstall = try shell([prefix.appendingPathComponent("lib/duban/install.sh").path, "--uninstall", "--prefix", prefix.path])
        #expect(uninstall.status == 0, "uninstall: \(uninstall.error)")
        #expect(tree(prefix) == before, "left behind: \(Set(tree(prefix).keys).subtracting(before.keys).sorted())")
    }

    @Test("install.sh into a prefix that does not exist yet removes the whole prefix again")
    func installIntoNewPrefix() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let release = try release()
        let prefix = scratch.appendingPathComponent("prefix")
        let install = try shell([release.appendingPathComponent("install.sh").path, "--prefix", prefix.path])
        #expect(install.status == 0, "install: \(install.error)")
        let uninstall = try shell([release.appendingPathComponent("install.sh").path, "--uninstall", "--prefix", prefix.path])
        #expect(uninstall.status == 0, "uninstall: \(uninstall.error)")
        #expect(!FileManager.default.fileExists(atPath: prefix.path))
        #expect(FileManager.default.fileExists(atPath: release.path), "only what install made")
    }

    @Test("no module of the binary imports Foundation (swift-corelibs-foundation, CoreFoundation and ICU), only FoundationEssentials")
    func foundationEssentialsOnly() throws {
        // The targets `duban` links (Package.swift); benchmarks and test support may import Foundation.
        let modules = ["JSONTree", "PlanModel", "PlanImport", "DocumentReaders", "PlanStore", "StoreSync", "TerminalKit",
                       "Dashboard", "LedgerXLSX", "NcursesTerminal", "Platform", "duban"]
        var importing: [String] = []
        for module in modules {
            let directory = Self.checkout.appendingPathComponent("Sources/\(module)")
            let files = try #require(FileManager.default.enumerator(atPath: directory.path)).compactMap { $0 as? String }
            #expect(files.contains { $0.hasSuffix(".swift") }, "\(module)")
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                if text.split(separator: "\n").contains(where: { $0.hasSuffix("import Foundation") }) { importing.append("\(module)/\(file)") }
            }
        }
        #expect(importing == [])
    }

    @Test("the completion scripts for bash, zsh and fish and the man page's source name the subcommands and their options")
    func completionsAndManual() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try DubanProcess.run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell): \(script.error)")
            for word in ["workload", "import", "store", "theme"] {
                #expect(script.output.contains(word), "\(shell) completion offers \(word)")
            }
        }
        // scripts/make-manual turns this into share/man/man1/duban.1.
        let help = try DubanProcess.run(["--experimental-dump-help"])
        let tool = try #require(try JSONSerialization.jsonObject(with: help.data) as? [String: Any])
        let command = try #require(tool["command"] as? [String: Any])
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        #expect(command["commandName"] as? String == "duban")
        #expect(Set(["dashboard", "init", "import", "remove", "workload", "report", "sync"]).isSubset(of: names), "\(names)")
    }
}
