// Timings of the JSON store on synthetic stores (not a test):
//     swift build -c release && .build/release/duban-store-bench 1000 10000 100000
// For each size: build a store of that many measures with as many events,
// compact it, add 500 more events, then time a full open (plans + state, in a
// fresh process, with its peak memory; median of 5 after a warm-up), `duban done ID`
// end to end (the release `duban` binary; its memory: `/usr/bin/time -v`), and a compaction.
import Foundation
import PlanModel
import PlanStore
import Synthetic

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    return times.sorted()[runs / 2]
}

/// This process's peak resident memory. On Linux `ru_maxrss` of a process
/// spawned by a large parent reports the parent's size (it survives `exec`),
/// so the kernel's own high-water mark is read instead.
func peakMegabytes() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) {
        return kilobytes / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

/// Child mode: open and load the store, print the time and peak memory.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--open" {
    var workspace: Workspace?
    let time = try seconds {
        workspace = try JSONPlanStore.open(at: URL(fileURLWithPath: CommandLine.arguments[2])) { _ in }.load()
    }
    print(time, peakMegabytes(), workspace?.plans.count ?? 0)
    exit(0)
}

func run(_ executable: URL, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let startup = try median(5) { _ = try run(binDirectory.appendingPathComponent("duban"), ["--version"]) }
print(String(format: "`duban --version` (process start-up alone): %.0f ms", startup * 1000))
print("| measures | plan JSON | journal | import | open (fresh process) | open peak RSS | `duban done` | compaction |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for size in sizes.isEmpty ? [1_000, 10_000, 100_000] : sizes {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-bench-\(size)-\(getpid())")
    defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: directory) } }
    let start = Date(timeIntervalSince1970: 1_767_225_600)
    let store = try JSONPlanStore.create(at: directory, now: start) { _ in }
    let plans = Synthetic.plans(measures: size, seed: 1)
    let importTime = try seconds { for plan in plans { _ = try store.importPlan(plan) } }
    let events = Synthetic.events(for: plans, count: size + 500, seed: 2, start: start)
    try store.record(Array(events.prefix(size)))
    try store.compact()
    try store.record(Array(events.suffix(500)))

    // A warm-up, then the median of 5.
    let open = try (0..<6).map { _ in
        try run(binDirectory.appendingPathComponent("duban-store-bench"), ["--open", directory.path])
            .split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }.dropFirst().sorted { $0[0] < $1[0] }[2]

    let ids = plans.flatMap(\.measures).filter(\.tasks.isEmpty).map(\.id).shuffled().prefix(5)
    let done = try median(ids.count) {
        let id = ids[ids.index(ids.startIndex, offsetBy: Int.random(in: 0..<ids.count))]
        _ = try run(binDirectory.appendingPathComponent("duban"), ["done", id, "--store", directory.path, "--as", "bench"])
    }
    let compaction = try median(3) { try store.compact() }

    func megabytes(_ path: String) -> String {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return String(format: "%.1f MB", Double(bytes) / 1e6)
    }
    let planBytes = (try? FileManager.default.contentsOfDirectory(atPath: directory.path + "/plans"))?.reduce(0) { total, name in
        total + ((try? FileManager.default.attributesOfItem(atPath: directory.path + "/plans/" + name)[.size] as? Int) ?? 0)
    } ?? 0
    print("| \(size) | \(String(format: "%.1f MB", Double(planBytes) / 1e6)) | \(megabytes(directory.path + "/journal.jsonl")) | "
        + String(format: "%.2f s | %.0f ms | %.0f MB | %.0f ms | %.0f ms |", importTime, open[0] * 1000, open[1],
                 done * 1000, compaction * 1000))
}
