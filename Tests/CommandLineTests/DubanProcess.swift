import Foundation

/// The built `duban` binary, run as a child process with extra environment.
enum DubanProcess {
    struct Run {
        var status: Int32
        var data: Data
        var error: String
        var output: String { String(decoding: data, as: UTF8.self) }
    }

    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("duban")

    /// Times are shown in Shanghai; `environment` adds to (or overrides) the test's own. `wrapper`
    /// runs the binary through another program (`setpriv …`, `sh -c 'umask 027; exec "$0" "$@"'`).
    static func run(_ arguments: [String], environment: [String: String] = [:], wrapper: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = wrapper.first.map(URL.init(fileURLWithPath:)) ?? binary
        process.arguments = wrapper.isEmpty ? arguments : wrapper.dropFirst() + [binary.path] + arguments
        // No settings file of the machine's user: a test that wants one sets XDG_CONFIG_HOME itself.
        process.environment = ProcessInfo.processInfo.environment
            .merging(["TZ": "Asia/Shanghai", "XDG_CONFIG_HOME": "/nonexistent/duban-test-config"]) { $1 }
            .merging(environment) { $1 }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, data: out, error: String(decoding: err, as: UTF8.self))
    }
}

extension String {
    /// A listing's rows: its lines after the header.
    var rows: String { split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? "" }
}
