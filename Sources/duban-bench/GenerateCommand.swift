import ArgumentParser
import Foundation

/// `duban-bench generate`: a synthetic Duban store plus the same data as a Taskwarrior import file.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic store (DIR/store) and Taskwarrior import file (DIR/taskwarrior.json)."
    )

    @Option(help: "Measures to generate: 1k, 10k, 100k or a number.")
    var measures = Size(measures: 1_000)

    @Option(help: "Events in the history per measure.")
    var eventsPerMeasure = 2

    @Option(help: "Seed; the same seed gives the same data.")
    var seed: UInt64 = 2026

    @Option(name: .customLong("out"), help: "Directory to write into (created if needed; must not hold a store yet).")
    var directory: String

    func run() throws {
        let data = BenchData(measures: measures.measures, eventsPerMeasure: eventsPerMeasure, seed: seed)
        let url = URL(fileURLWithPath: directory)
        // Writing into an existing store would append a second history to its journal.
        if FileManager.default.fileExists(atPath: url.appending(path: "store").path) {
            throw ValidationError("\(directory)/store already exists: remove it or choose another directory")
        }
        do {
            try data.write(to: url)
        } catch {
            throw ValidationError("\(directory): cannot write: \(error.localizedDescription)")
        }
        print("\(data.plans.count) plans, \(measures.measures) measures, \(data.events.count) events → \(url.path)")
    }
}
