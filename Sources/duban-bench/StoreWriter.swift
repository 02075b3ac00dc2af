import Foundation
import PlanModel
import PlanStore

/// Writes plans and events as a Duban store directory.
enum StoreWriter {
    /// Creates the store through PlanStore itself, so benchmarks run on exactly
    /// what `duban import` and the commands write.
    static func write(plans: [Plan], events: [Event], to store: URL) throws {
        let writer = try JSONPlanStore.create(at: store, now: BenchData.historyStart, warn: { _ in })
        _ = try writer.importPlans(plans)
        try writer.record(events)
    }
}
