#if canImport(Glibc)
import Glibc
#endif

/// A program run to its end with standard input from /dev/null and both outputs collected. Spawned and
/// reaped directly (`posix_spawnp`, `poll`, `waitpid`): Foundation's `Process` waited ~55 ms a run and
/// brought swift-corelibs-foundation into the binary.
public enum Subprocess {
    public struct Output: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        public var status: Int32
        public var output: [UInt8]
        public var error: [UInt8]
    }

    /// Why it could not be started, as `strerror` words it ("No such file or directory").
    public struct SpawnFailure: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Runs `program` (looked up on this process's PATH) with `environment`, or this process's own.
    public static func run(_ program: String, _ arguments: [String],
                           environment: [String: String]? = nil) throws(SpawnFailure) -> Output {
        var output: [Int32] = [0, 0], error: [Int32] = [0, 0]
        guard pipe(&output) == 0 else { throw SpawnFailure(reason: String(cString: strerror(errno))) }
        guard pipe(&error) == 0 else {
            output.forEach { close($0) }
            throw SpawnFailure(reason: String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, error[1], 2)
        for fd in output + error { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { (argv + (envp ?? [])).forEach { free($0) } }
        var pid = pid_t()
        let spawned = envp.map { posix_spawnp(&pid, program, &actions, nil, argv, $0) }
            ?? posix_spawnp(&pid, program, &actions, nil, argv, environ)
        close(output[1])
        close(error[1])
        defer {
            close(output[0])
            close(error[0])
        }
        guard spawned == 0 else { throw SpawnFailure(reason: String(cString: strerror(spawned))) }
        let (out, err) = drain(output[0], error[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Output(status: code, output: out, error: err)
    }

    /// Both pipes read to their ends together, so a child filling one never blocks on it.
    private static func drain(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var fds = [pollfd(fd: first, events: Int16(POLLIN), revents: 0), pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while fds.contains(where: { $0.fd >= 0 }) {
            guard poll(&fds, nfds_t(fds.count), -1) >= 0 else {
                if errno == EINTR { continue }
                break
            }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = read(fds[index].fd, &buffer, buffer.count)
                if count > 0 {
                    collected[index].append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    fds[index].fd = -1 // poll passes over negative descriptors
                }
            }
        }
        return (collected[0], collected[1])
    }
}
