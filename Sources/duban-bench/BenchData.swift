import Foundation
import PlanModel
import Synthetic

/// One benchmark data set: synthetic plans, their history, and the state the
/// history leads to (which decides what Taskwarrior sees as completed).
struct BenchData {
    let plans: [Plan]
    let events: [Event]
    let workspace: Workspace

    /// The history starts once every synthetic plan has been issued (January to March).
    static let historyStart = Date(timeIntervalSince1970: 1_775_001_600) // 2026-04-01T00:00:00Z

    init(measures: Int, eventsPerMeasure: Int, seed: UInt64) {
        plans = Synthetic.plans(measures: measures, seed: seed)
        events = Synthetic.events(for: plans, count: measures * eventsPerMeasure, seed: seed &+ 1,
                                  start: BenchData.historyStart)
        var workspace = Workspace(plans: plans)
        for event in events { workspace.apply(event) }
        self.workspace = workspace
    }

    var measures: [Measure] { plans.flatMap(\.measures) }

    /// A measure not done yet and without tasks, for `duban done ID` (a measure
    /// with open tasks would need `--force`).
    var openMeasure: Measure? { measures.first { $0.tasks.isEmpty && workspace.status(of: $0) != .done } }

    /// Writes the Duban store (see `StoreWriter`) and the Taskwarrior import file into `directory`.
    func write(to directory: URL) throws {
        try StoreWriter.write(plans: plans, events: events, to: directory.appending(path: "store"))
        try TaskwarriorImport(workspace: workspace).write(to: directory.appending(path: "taskwarrior.json"))
    }
}
