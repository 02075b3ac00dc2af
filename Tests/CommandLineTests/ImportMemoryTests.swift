import Foundation
import Testing
import TestSupport

/// The importer's memory is bounded by its input (issue 14): `duban parse` of a large document of each
/// costly shape, in a process of its own, needs at most ten times the document's size beyond what the
/// process needs to parse a one-line plan (the runtime, ICU and the binary).
@Suite("Import: peak memory bounded by the input")
struct ImportMemoryTests {
    /// Through `duban-peak-meter`: a child spawned by the test runner itself would report the runner's
    /// ~45 MiB as its peak whenever its own is smaller (see Tests/PeakMeter).
    static func peakKiB(parsing text: String) throws -> (peak: Int, status: Int32) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("duban-memory-\(UUID().uuidString).txt")
        let report = file.appendingPathExtension("peak")
        try Data(text.utf8).write(to: file)
        defer { [file, report].forEach { try? FileManager.default.removeItem(at: $0) } }
        let meter = DubanProcess.binary.deletingLastPathComponent().appendingPathComponent("duban-peak-meter")
        let run = ChildProcess.run(meter.path, [report.path, DubanProcess.binary.path, "parse", file.path])
        try #require(run.status == 0, "duban-peak-meter failed")
        let fields = try String(contentsOf: report, encoding: .utf8).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(fields.count == 2)
        return (fields[0], Int32(fields[1]))
    }

    @Test("duban parse of a 1 MB document needs ≤ 10× its size beyond a tiny plan's peak", arguments: [
        GeneratedDocument.pillarsAndMeasures, .wrapped, .singleLine, .nestedParens, .measuresAtDepth,
    ])
    func peakMemory(shape: GeneratedDocument) throws {
        var lines = 1000
        var text = shape.text(lines: lines)
        while text.utf8.count < 1_000_000 {
            lines = lines * 1_000_000 / max(1, text.utf8.count) + 100
            text = shape.text(lines: lines)
        }
        let baseline = try Self.peakKiB(parsing: "某区行动方案（2026年）\n一、政务\n1. 推进网办。完善系统。\n").peak
        let run = try Self.peakKiB(parsing: text)
        // The one-line document has no structure: refused (exit 2) after it is read whole.
        #expect(run.status == (shape == .singleLine ? 2 : 0))
        let extra = (run.peak - baseline) * 1024
        #expect(extra <= 10 * text.utf8.count,
                "\(shape): \(extra / 1024) KiB beyond the \(baseline / 1024) MiB baseline for \(text.utf8.count / 1024) KiB, \(String(format: "%.1f", Double(extra) / Double(text.utf8.count)))×")
    }
}
