import Foundation
import PlanModel

extension Synthetic {
    /// Exactly `count` events over the plans' measures and tasks (none when the
    /// plans have no measure): status changes, notes, due dates, unit changes
    /// and undos by several officers, spread over `History.span` days after `start`.
    public static func events(for plans: [Plan], count: Int, seed: UInt64, start: Date) -> [Event] {
        var history = History(plans: plans, count: count, seed: seed, start: start)
        guard !history.isEmpty else { return [] }
        return (0..<max(0, count)).map { _ in history.next() }
    }
}
