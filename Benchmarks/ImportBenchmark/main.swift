// The importer's speed and memory (issue 10, issue 14 pt 5): `duban parse` on each sample and on a
// 10,000-line plan as whole processes, and in-process parse throughput (MB/s) on large generated documents
// of every numbering shape, each also parsed by `duban parse` in a process of its own for its peak memory.
//
//   swift build -c release --product duban --product import-benchmark
//   .build/release/import-benchmark [--duban .build/release/duban] [--runs 5] [--lines 10000,50000] [--keep DIR]
import Foundation
import PlanImport
import TestSupport

/// Each line written at once (print's buffer would hold the table until the end).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func option(_ name: String, _ fallback: String) -> String {
    let arguments = CommandLine.arguments
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return fallback }
    return arguments[i + 1]
}
let duban = option("--duban", ".build/release/duban")
let runs = Int(option("--runs", "5")) ?? 5
let sizes = option("--lines", "10000,50000").split(separator: ",").compactMap { Int($0) }
// `--keep DIR` leaves the generated documents there (for a profiler); otherwise they are removed.
let kept = option("--keep", "")
let work = kept.isEmpty ? FileManager.default.temporaryDirectory.appendingPathComponent("import-bench-\(getpid())")
    : URL(fileURLWithPath: kept)
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { if kept.isEmpty { try? FileManager.default.removeItem(at: work) } }

/// Wall milliseconds and peak resident KiB of one `duban` run.
func runDuban(_ args: [String]) -> (ms: Double, peakKiB: Int, status: Int32) {
    let outcome = ChildProcess.run(option("--duban", ".build/release/duban"), args)
    return (outcome.milliseconds, outcome.peakKiB, outcome.status)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func format(_ v: Double) -> String { v >= 100 ? String(format: "%.0f", v) : String(format: "%.1f", v) }

say("## Importer (`scripts/bench-import`)\n")
say("- \(ProcessInfo.processInfo.processorCount) CPUs; medians of \(runs) runs after one warm-up\n")

// Whole processes: the samples and a 10,000-line plan.
say("| document | lines | KiB | `duban parse` ms median (min–max) | peak MiB |")
say("|---|---:|---:|---:|---:|")
var wholeDocuments: [(String, URL)] = []
let samples = URL(fileURLWithPath: "Sources/duban/Samples")
for name in ["jiading-2026", "jiading-2024", "minhang-2026", "jinshan-2026", "xuhui-2026"] {
    wholeDocuments.append((name, samples.appendingPathComponent("\(name).txt")))
}
let tenThousand = work.appendingPathComponent("plan-10000.txt")
try GeneratedDocument.pillarsAndMeasures.text(lines: 10_000).write(to: tenThousand, atomically: true, encoding: .utf8)
wholeDocuments.append(("generated plan, 10,000 lines", tenThousand))
for (name, url) in wholeDocuments {
    let text = try String(contentsOf: url, encoding: .utf8)
    _ = runDuban(["parse", url.path])
    let results = (0..<runs).map { _ in runDuban(["parse", url.path]) }
    let times = results.map(\.ms)
    let status = results.map(\.status).max() ?? 0
    let peak = Double(results.map(\.peakKiB).sorted()[runs / 2]) / 1024
    let line = text.split(whereSeparator: \.isNewline).count
    say("| \(name)\(status == 0 ? "" : " (exit \(status))") | \(line) | \(text.utf8.count / 1024) | \(format(median(times))) (\(format(times.min() ?? 0))–\(format(times.max() ?? 0))) | \(format(peak)) |")
}

// Throughput in process, and each document's peak memory in a process of its own.
say("\n| shape | lines | MB | parse ms median | MB/s | `duban parse` peak MiB | peak ÷ input |")
say("|---|---:|---:|---:|---:|---:|---:|")
for lines in sizes {
    for shape in GeneratedDocument.allCases {
        let text = shape.text(lines: lines)
        let data = Data(text.utf8)
        let megabytes = Double(data.count) / 1_048_576
        var times: [Double] = []
        var outcome = "ok"
        for run in 0...runs {
            let start = DispatchTime.now().uptimeNanoseconds
            do { _ = try PlanImporter.parse(data, source: "\(shape).txt") } catch { outcome = "refused" }
            if run > 0 { times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) }
        }
        let file = work.appendingPathComponent("\(shape)-\(lines).txt")
        try data.write(to: file)
        let process = runDuban(["parse", file.path])
        let peak = Double(process.peakKiB) / 1024
        let ms = median(times)
        say("| \(shape.rawValue)\(outcome == "ok" ? "" : " (\(outcome))") | \(text.split(whereSeparator: \.isNewline).count) | \(String(format: "%.2f", megabytes)) | \(format(ms)) | \(format(megabytes / (ms / 1000))) | \(format(peak)) | \(String(format: "%.1f", peak / megabytes)) |")
    }
}
