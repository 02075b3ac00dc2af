import FoundationEssentials
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
        // A new plan adds all its measures: no table of ids is made for it (one was 6% of an import).
        guard let old else {
            (added, changed, vanished, orphaned) = (new.measures.map(\.id), [], [], [])
            return
        }
        let before = Dictionary(old.measures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.measures.map(\.id))
        added = new.measures.filter { before[$0.id] == nil }.map(\.id)
        changed = new.measures.filter { measure in before[measure.id].map { $0 != measure } ?? false }.map(\.id)
        vanished = old.measures.map(\.id).filter { !after.contains($0) }
        let remaining = Set(new.measures.flatMap { [$0.id] + $0.tasks.map(\.id) })
        orphaned = old.measures.flatMap { [$0.id] + $0.tasks.map(\.id) }.filter { !remaining.contains($0) && recorded.contains($0) }
    }

    /// Ids recorded in `ledger` that no plan of `workspace` holds any more.
    public static func orphans(in workspace: Workspace) -> [String] {
        let ledger = workspace.ledger
        // Each recorded id looked up where the ledger keeps it (a set of them all, built only to be
        // filtered, was 3% of `duban plans` at 100,000 measures), every processor taking every n-th id.
        let stripes = Processors.count
        let found = Array(0..<stripes).concurrentMap { stripe in
            var orphans = Set<String>()
            func check<Value>(_ kept: [String: Value]) {
                for (n, id) in kept.keys.enumerated() where n % stripes == stripe && workspace.location(of: id) == nil {
                    orphans.insert(id)
                }
            }
            check(ledger.marks)
            check(ledger.notes)
            check(ledger.unitChanges)
            check(ledger.dueDates)
            return orphans
        }
        return Set(found.joined()).sorted()
    }

    /// `validate(_:)` of every plan, side by side; the error is the first plan's refused, in order.
    public static func validate(_ plans: [Plan]) throws(StoreError) {
        for result in plans.concurrentMap({ plan in Result { () throws(StoreError) in try validate(plan) } }) { try result.get() }
    }

    /// Refuses a plan the store could not hold: an id unusable as a file name, a measure or
    /// task id that is not its place in the plan, a unit name with a control character.
    public static func validate(_ plan: Plan) throws(StoreError) {
        let id = plan.id
        // Ids are typed by officers and name files: lower-case letters, digits, - and _ only.
        guard !id.isEmpty, id.utf8.count <= 200, !id.hasPrefix("-"),
              id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
            throw StoreError.badInput("plan id \"\(id)\" must be lower-case letters, digits, - or _ (e.g. jiading-2026)")
        }
        // An id names its place in this plan: one naming another plan's measure would let
        // `done` on it mark both, and a stray byte in it would reach every listing.
        for (p, pillar) in plan.pillars.enumerated() {
            for (m, measure) in pillar.measures.enumerated() {
                try requireId(measure.id, plan: id, place: IdPlace(pillar: p + 1, measure: m + 1))
                for (t, task) in measure.tasks.enumerated() { try requireId(task.id, plan: id, place: IdPlace(pillar: p + 1, measure: m + 1, task: t + 1)) }
                for unit in measure.units where unit.name.unicodeScalars.contains(where: isControl) {
                    throw StoreError.badInput("plan \(id): measure \(measure.id) has a unit name with a control character: "
                                              + "\(quoted(unit.name))")
                }
            }
        }
    }

    /// `found` must be `plan:1.2[.3]` for its place, read from its bytes: the expected id is made
    /// only for the error (making one per measure and task was a tenth of an import's instructions).
    private static func requireId(_ found: String, plan: String, place: IdPlace) throws(StoreError) {
        guard !IdPlace.names(found, plan: plan, place: place) else { return }
        throw StoreError.badInput("plan \(plan): id \(quoted(found)) must be \(place.id(inPlan: plan)), its place in the plan "
                                  + "(pillar.measure.task, counted from 1)")
    }

    /// C0 and C1 controls, DEL (general category Cc is exactly these), line and paragraph separators.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    /// A short, escaped rendering of an id or name, so the error line stays one harmless line.
    private static func quoted(_ text: String) -> String {
        let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return "\"" + shown.unicodeScalars.map { isControl($0) || $0 == "\"" || $0 == "\\" ? $0.escaped(asASCII: true) : String($0) }.joined() + "\""
    }
}
