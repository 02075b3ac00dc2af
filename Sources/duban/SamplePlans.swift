import FoundationEssentials
import PlanImport
import PlanModel
import PlanStore

/// The five sample plans bundled with duban (Samples/ in the executable's resources).
enum SamplePlans {
    /// Creates a store at `directory` holding every bundled sample plan; returns how many.
    static func bootstrap(_ directory: URL, intoNonEmpty: Bool) throws -> Int {
        let files = try sampleFiles()
        let plans = try files.concurrentMap { file in Result { try PlanDocument.read(path: file.path) } }.map { try $0.get() }
        let store = try JSONPlanStore.create(at: directory, now: Date(), intoNonEmpty: intoNonEmpty, warn: Output.warn)
        _ = try store.importPlans(plans)
        return plans.count
    }

    static func sampleFiles() throws -> [URL] {
        guard let path = BundledResources.directories(named: "Samples").first(where: FileManager.default.fileExists),
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw CommandFailure(description: "the bundled sample plans are missing (Samples/ next to the duban binary or in its ../lib/duban)", exitCode: 1)
        }
        let directory = URL(fileURLWithPath: path)
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { directory.appendingPathComponent($0) }
    }
}
