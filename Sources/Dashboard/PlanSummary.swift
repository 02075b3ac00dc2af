import PlanModel

/// The counts of one plan for the plans screen. Kept in the state and refreshed
/// only for the plan an event touches, so that the plans screen of a store with
/// 100,000 measures draws without walking them all.
public struct PlanSummary: Equatable, Sendable {
    public var measures = 0, done = 0, doing = 0, blocked = 0, overdue = 0

    public init(_ plan: Plan, in workspace: Workspace, today: Day) {
        // By index, each status derived once: iterating would copy (retain and release) every measure.
        for p in plan.pillars.indices {
            let pillar = plan.pillars[p].measures
            measures += pillar.count
            for m in pillar.indices {
                let status = workspace.status(of: pillar[m])
                switch status {
                case .done: done += 1
                case .doing: doing += 1
                case .blocked: blocked += 1
                case .todo: break
                }
                if workspace.isOverdue(pillar[m], status: status, today: today) { overdue += 1 }
            }
        }
    }

    public var fraction: Double { measures == 0 ? 0 : Double(done) / Double(measures) }
}
