import PlanModel

/// What importing a plan changed against the version already in the store.
/// Progress follows ids: a measure or task whose id still exists keeps all of it.
public struct ImportReport: Codable, Equatable, Sendable {
    public var plan: String
    /// True when the store held no plan of this id before.
    public var isNew: Bool
    public var measures: Int
    /// Measures whose id is new.
    public var added: [String]
    /// Measures whose id remains but whose title, text, units, deadline or tasks changed.
    public var changed: [String]
    /// Measures whose id is gone from the new version.
    public var vanished: [String]
    /// Measure and task ids gone from the plan that have recorded events: their
    /// history stays in the journal and they are shown as orphaned.
    public var orphaned: [String]

    public init(old: Plan?, new: Plan, recorded: Set<String>) {
        plan = new.id
        isNew = old == nil
        measures = new.measures.count
        let before = Dictionary(old?.measures.map { ($0.id, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let after = Set(new.measures.map(\.id))
        added = new.measures.filter { before[$0.id] == nil }.map(\.id)
        changed = new.measures.filter { measure in before[measure.id].map { $0 != measure } ?? false }.map(\.id)
        vanished = old?.measures.map(\.id).filter { !after.contains($0) } ?? []
        let remaining = Set(new.measures.flatMap { [$0.id] + $0.tasks.map(\.id) })
        let previous = old?.measures.flatMap { [$0.id] + $0.tasks.map(\.id) } ?? []
        orphaned = previous.filter { !remaining.contains($0) && recorded.contains($0) }
    }

    /// Ids recorded in `ledger` that no plan of `workspace` holds any more.
    public static func orphans(in workspace: Workspace) -> [String] {
        let ledger = workspace.ledger
        let recorded = Set(ledger.marks.keys).union(ledger.notes.keys).union(ledger.unitChanges.keys)
            .union(ledger.dueDates.keys)
        return recorded.filter { workspace.location(of: $0) == nil }.sorted()
    }

    /// Refuses a plan the store could not hold: an id unusable as a file name, or ids used twice.
    public static func validate(_ plan: Plan) throws(StoreError) {
        let id = plan.id
        // Ids are typed by officers and name files: lower-case letters, digits, - and _ only.
        guard !id.isEmpty, id.utf8.count <= 200, !id.hasPrefix("-"),
              id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
            throw StoreError.badInput("plan id \"\(id)\" must be lower-case letters, digits, - or _ (e.g. jiading-2026)")
        }
        var seen = Set<String>()
        for measure in plan.measures {
            for itemId in [measure.id] + measure.tasks.map(\.id) where !seen.insert(itemId).inserted {
                throw StoreError.badInput("plan \(id): id \(itemId) is used twice")
            }
        }
    }
}
