import ArgumentParser
import Foundation
import LedgerXLSX
import PlanModel

/// `duban-bench model`: in-process timings of the PlanModel work every store
/// open does (decoding plans and journal, folding, indexing, deriving status).
/// They are the floor under `duban plans`, `list` and `workload`.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Time PlanModel's decoding, fold and derivation in-process on synthetic data."
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        var columns: [[String]] = []
        var names: [String] = []
        for size in data.sizes.sizes {
            let data = BenchData(measures: size.measures, eventsPerMeasure: self.data.eventsPerMeasure, seed: self.data.seed)
            let steps = try ModelCommand.steps(for: data)
            names = steps.map(\.name)
            columns.append(steps.map { step in
                let times = (0...self.data.runs).map { _ in ModelCommand.milliseconds(step.body) }.dropFirst().sorted()
                return "\(Report.milliseconds(times[times.count / 2])) "
                    + "(\(Report.milliseconds(times.first ?? 0))–\(Report.milliseconds(times.last ?? 0)))"
            })
        }
        print("| step (in-process, ms median (min–max)) | " + data.sizes.sizes.map(\.description).joined(separator: " | ") + " |")
        print("|---|" + String(repeating: "---:|", count: data.sizes.sizes.count))
        for (index, name) in names.enumerated() {
            print("| \(name) | " + columns.map { $0[index] }.joined(separator: " | ") + " |")
        }
    }

    private static func steps(for data: BenchData) throws -> [(name: String, body: () -> Void)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let planFiles = try data.plans.map { try encoder.encode($0) }
        let journalLines = try data.events.map { try encoder.encode($0) }
        let decoder = JSONDecoder()
        // Mid-year, so the lights are a mix. `PlanModel.Report`: this module's own `Report` is the benchmark's table.
        guard let today = Day("2026-07-01") else { throw ValidationError("no day 2026-07-01") }
        let ledger = {
            PlanModel.Report(workspace: data.workspace, directory: UnitDirectory(), today: today,
                             options: .init(language: .zh, officer: "bench"))
        }
        return [
            ("decode plan files", { _ = planFiles.map { try? decoder.decode(Plan.self, from: $0) } }),
            ("decode journal lines", { _ = journalLines.map { try? decoder.decode(Event.self, from: $0) } }),
            ("format + parse event times", { _ = data.events.map { Event.parseTime(Event.formatTime($0.time)) } }),
            ("fold ledger", {
                var ledger = Ledger()
                ledger.fold(data.events)
            }),
            ("index workspace", { _ = Workspace(plans: data.plans, ledger: data.workspace.ledger) }),
            ("derive every measure's status", {
                _ = data.measures.count { data.workspace.status(of: $0) == .done }
            }),
            ("ledger (every measure's row and light)", { _ = ledger() }),
            ("ledger as xlsx (rows, XML, zip)", { _ = ledger().xlsx() }),
        ]
    }

    private static func milliseconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
