import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run to completion with its output discarded, reaped with `wait4` for its own resource use.
/// `ru_maxrss` is the child's peak only when it exceeds this process's resident size: glibc's `posix_spawn`
/// shares this process's memory map until `exec` (`CLONE_VM`), and Linux carries that map's size into the
/// child's peak. A large caller (a test runner) measures through `duban-peak-meter` (Tests/PeakMeter).
public enum ChildProcess {
    public struct Outcome: Sendable {
        public var milliseconds: Double
        /// Peak resident memory, KiB.
        public var peakKiB: Int
        public var status: Int32
    }

    public static func run(_ executable: String, _ arguments: [String]) -> Outcome {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            return Outcome(milliseconds: 0, peakKiB: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return Outcome(milliseconds: ms, peakKiB: usage.ru_maxrss, status: (status >> 8) & 0xFF)
    }
}
