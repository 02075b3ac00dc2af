#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One whole-process run: wall time from just before spawn to just after
/// reaping, CPU times and peak RSS from `wait4`'s rusage.
struct ProcessRun {
    var wallMilliseconds: Double
    var peakKibibytes: Int
    var exitStatus: Int32
    /// First line of the command's standard error, for an "n/a" reason.
    var errorLine: String

    /// Where GNU time lives. A process spawned from this (large) runner starts
    /// with the runner's own peak RSS as its floor; GNU time's floor is ~1 MiB,
    /// so its `%M` is the command's true peak.
    static let gnuTime = "/usr/bin/time"
    static var hasGNUTime: Bool { FileManager.default.isExecutableFile(atPath: gnuTime) }

    /// Runs `arguments` (first = program, looked up in PATH) with `environment`;
    /// stdout goes to `output` (truncated), stderr to a scratch file beside it.
    static func run(_ arguments: [String], environment: [String: String], output: URL) -> ProcessRun {
        let rssFile = output.appendingPathExtension("rss")
        let errorFile = output.appendingPathExtension("err")
        let argv = hasGNUTime ? [gnuTime, "-q", "-f", "%M", "-o", rssFile.path, "--"] + arguments : arguments

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }

        var pid = pid_t()
        let start = monotonicNanoseconds()
        let spawned = posix_spawnp(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else {
            return ProcessRun(wallMilliseconds: 0, peakKibibytes: 0, exitStatus: 127,
                              errorLine: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let wall = Double(monotonicNanoseconds() - start) / 1_000_000

        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        var peak = usage.ru_maxrss
        if hasGNUTime, let text = try? String(contentsOf: rssFile, encoding: .utf8),
           let last = text.split(whereSeparator: \.isNewline).last, let value = Int(last) {
            peak = value
        }
        let error = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        let firstLine = error.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return ProcessRun(wallMilliseconds: wall, peakKibibytes: peak, exitStatus: code, errorLine: firstLine)
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
