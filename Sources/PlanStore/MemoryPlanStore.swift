import FoundationEssentials
import PlanModel
import Synchronization

/// The in-memory twin of `JSONPlanStore`, for tests and previews: same
/// contract, nothing on disk.
public final class MemoryPlanStore: PlanStoring, @unchecked Sendable {
    private let lock = Mutex<Void>(())
    private var plans: [String: Plan] = [:]
    private var events: [Event] = []

    public init() {}

    public func load() throws(StoreError) -> Workspace {
        lock.withLock { _ in
            var ledger = Ledger()
            ledger.fold(events)
            return Workspace(plans: plans.keys.sorted().compactMap { plans[$0] }, ledger: ledger)
        }
    }

    public func workspace(for ids: [String]) throws(StoreError) -> Workspace {
        try lock.withLock { _ throws(StoreError) in try workspace(of: ids) }
    }

    public func update(_ ids: [String], _ build: (Workspace) throws(StoreError) -> [Event]) throws(StoreError) -> [Event] {
        try lock.withLock { _ throws(StoreError) in
            let built = try build(try workspace(of: ids)).stamped(after: events.map(\.time).max())
            events.append(contentsOf: built)
            return built
        }
    }

    /// Every plan with its progress; the caller holds the lock.
    private func workspace(of ids: [String]) throws(StoreError) -> Workspace {
        var ledger = Ledger(tracksStanding: true)
        ledger.fold(events)
        let workspace = Workspace(plans: plans.keys.sorted().compactMap { plans[$0] }, ledger: ledger)
        for id in ids where workspace.location(of: id) == nil {
            throw StoreError.unknownId(id, closest: IdSuggestions.closest(to: id, among: workspace.allIds))
        }
        return workspace
    }

    public func ledger(of officer: String) throws(StoreError) -> Ledger {
        lock.withLock { _ in
            var ledger = Ledger()
            ledger.fold(events.filter { $0.officer == officer })
            return ledger
        }
    }

    public func record(_ events: [Event]) throws(StoreError) {
        lock.withLock { _ in self.events.append(contentsOf: events) }
    }

    public func importPlans(_ plans: [Plan]) throws(StoreError) -> [ImportReport] {
        try ImportReport.validate(plans)
        return lock.withLock { _ in
            plans.map { plan in
                let report = ImportReport(old: self.plans[plan.id], new: plan, recorded: Set(events.map(\.target)))
                self.plans[plan.id] = plan
                return report
            }
        }
    }

    public func removePlan(_ id: String) throws(StoreError) {
        try lock.withLock { _ throws(StoreError) in
            guard plans.removeValue(forKey: id) != nil else {
                throw StoreError.unknownPlan(id, closest: IdSuggestions.closest(to: id, among: plans.keys))
            }
        }
    }

    public func history(of targets: Set<String>?, since: Date?) throws(StoreError) -> [Event] {
        lock.withLock { _ in
            events.inFoldOrder().filter { event in
                (targets?.contains(event.target) ?? true) && since.map { event.time >= $0 } ?? true
            }
        }
    }

    public func compact() throws(StoreError) {}
}
