// duban-peak-meter OUT COMMAND [ARG...]: runs COMMAND (output discarded), then writes "<peak KiB> <exit status>"
// to OUT. A test cannot measure a child's peak itself: glibc's posix_spawn clones the parent's memory map
// (CLONE_VM), and Linux carries the parent's resident size into the child's ru_maxrss at exec, so in a test
// runner of ~45 MiB every smaller peak reads as 45 MiB. This meter is small (no Foundation), so the floor
// it passes on is below any duban run's own peak.
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
/// One line on standard error (fd 2; the C `stderr` global is not concurrency-safe).
func complain(_ line: String) { _ = line.withCString { write(2, $0, strlen($0)) } }

guard arguments.count >= 3 else {
    complain("usage: duban-peak-meter OUT COMMAND [ARG...]\n")
    exit(64)
}
var actions = posix_spawn_file_actions_t()
posix_spawn_file_actions_init(&actions)
posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
let argv = arguments[2...].map { strdup($0) } + [nil]
var pid: pid_t = 0
guard posix_spawn(&pid, arguments[2], &actions, nil, argv, environ) == 0 else {
    complain("duban-peak-meter: cannot run \(arguments[2])\n")
    exit(70)
}
var status: Int32 = 0
var usage = rusage()
wait4(pid, &status, 0, &usage)
guard let out = fopen(arguments[1], "w") else { exit(73) }
fputs("\(usage.ru_maxrss) \((status >> 8) & 0xFF)\n", out)
fclose(out)
