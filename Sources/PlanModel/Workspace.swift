/// The plans of a store together with their progress: what every screen,
/// listing and report reads. Pure: "today" is always passed in.
public struct Workspace: Equatable, Sendable {
    public private(set) var plans: [Plan]
    public private(set) var ledger: Ledger
    /// Set on a store's slice for some ids (`PlanStoring.workspace(for:)`) and on its outline
    /// (`JSONPlanStore.loadOutline`): enough to decide changes or list plans, but its plans and
    /// measures may have empty titles and text, so no measure of it is shown or reported.
    public let isSlice: Bool
    /// The thresholds of the 序时进度 lights (the officer's setting), for every `schedule(of:)`.
    public var scheduleRules = Schedule.Rules()
    /// Unsettled conflicts among synced officers' changes (filled by whoever reads a synced store).
    public var conflicts: [Conflict] = []
    /// Each plan's place in `plans`, by id, and where the ids that do not name their own place
    /// (`IdPlace`) point. The others, every id of an imported plan, are read from the id and
    /// checked against the measure there: a table of 450,000 hashed ids was a fifth of
    /// `duban plans` at 100,000 measures, all of it on one processor.
    private var planIndexes: [String: Int] = [:]
    private var elsewhere: [String: Location] = [:]
    /// By plan: whether every id of it names its own place, so that an id read as a place in it is
    /// that measure's or task's without comparing (a look-up then touches no id string).
    private var namesItsPlaces: [Bool] = []

    /// Where an id points inside `plans`.
    public struct Location: Equatable, Sendable {
        public var plan: Int
        public var pillar: Int
        public var measure: Int
        /// Set when the id names a task.
        public var task: Int?
    }

    public init(plans: [Plan], ledger: Ledger = Ledger(), isSlice: Bool = false) {
        self.plans = plans
        self.ledger = ledger
        self.isSlice = isSlice
        reindex()
    }

    private mutating func reindex() {
        for p in plans.indices.reversed() { planIndexes[plans[p].id] = p }
        namesItsPlaces = Array(repeating: true, count: plans.count)
        // By index, reading only the ids: copying each Measure would retain and release all its strings.
        for p in plans.indices {
            // A plan whose id an earlier plan has keeps all its ids in the table.
            let plan = plans[p].id, own = planIndexes[plan] == p
            for q in plans[p].pillars.indices {
                let measures = plans[p].pillars[q].measures
                for m in measures.indices {
                    let id = measures[m].id
                    if !own || !IdPlace.names(id, plan: plan, place: IdPlace(pillar: q + 1, measure: m + 1)) {
                        elsewhere[id] = Location(plan: p, pillar: q, measure: m, task: nil)
                        namesItsPlaces[p] = false
                    }
                    let tasks = measures[m].tasks
                    for t in tasks.indices
                    where !own || !IdPlace.names(tasks[t].id, plan: plan, place: IdPlace(pillar: q + 1, measure: m + 1, task: t + 1)) {
                        elsewhere[tasks[t].id] = Location(plan: p, pillar: q, measure: m, task: t)
                        namesItsPlaces[p] = false
                    }
                }
            }
        }
    }

    /// Where `id` points: at the place it names if the measure or task there has it, else where the table says.
    public func location(of id: String) -> Location? {
        if let (plan, place) = IdPlace.parse(id), let p = planIndexes[plan] {
            let pillars = plans[p].pillars, inPlace = namesItsPlaces[p]
            if place.pillar <= pillars.count, place.measure <= pillars[place.pillar - 1].measures.count {
                let q = place.pillar - 1, m = place.measure - 1
                if let task = place.task {
                    let tasks = pillars[q].measures[m].tasks
                    if task <= tasks.count, inPlace || tasks[task - 1].id == id {
                        return Location(plan: p, pillar: q, measure: m, task: task - 1)
                    }
                } else if inPlace || pillars[q].measures[m].id == id {
                    return Location(plan: p, pillar: q, measure: m, task: nil)
                }
            }
        }
        return elsewhere[id]
    }

    /// Folds one event in; a change to a conflicted field settles that conflict.
    public mutating func apply(_ event: Event) {
        ledger.apply(event)
        if let field = event.change.setting?.field, !conflicts.isEmpty {
            conflicts.removeAll { $0.target == event.target && $0.standing.change.setting?.field == field }
        }
    }

    /// The unsettled conflicts on a measure or its tasks.
    public func conflicts(of measure: Measure) -> [Conflict] {
        conflicts.filter { $0.target == measure.id || $0.target.hasPrefix(measure.id + ".") }
    }

    /// The first plan of that id.
    public func plan(_ id: String) -> Plan? { planIndexes[id].map { plans[$0] } }

    public func measure(_ id: String) -> Measure? {
        guard let l = location(of: id) else { return nil }
        return plans[l.plan].pillars[l.pillar].measures[l.measure]
    }

    /// The title of a measure or task.
    public func title(of id: String) -> String? {
        guard let l = location(of: id) else { return nil }
        let measure = plans[l.plan].pillars[l.pillar].measures[l.measure]
        return l.task.map { measure.tasks[$0].title } ?? measure.title
    }

    /// Every measure and task id, in plan order, for suggestions on an unknown id.
    public var allIds: [String] {
        plans.flatMap { plan in plan.measures.flatMap { [$0.id] + $0.tasks.map(\.id) } }
    }

    /// The notes of a measure and of its tasks, oldest first, each with the id it is on.
    public func notes(of measure: Measure) -> [(target: String, note: Ledger.Note)] {
        ([measure.id] + measure.tasks.map(\.id))
            .flatMap { target in (ledger.notes[target] ?? []).map { (target: target, note: $0) } }
            .sorted { ($0.note.time, $0.note.id) < ($1.note.time, $1.note.id) }
    }

    /// Why a blocked measure or task is blocked: the first note on it made at or after
    /// its block mark (`duban block --note`, the dashboard's `b`); nil when not blocked.
    public func blockReason(of id: String) -> String? {
        guard let mark = ledger.marks[id], mark.status == .blocked else { return nil }
        return ledger.notes[id]?.first { $0.time >= mark.time }?.text
    }

    // MARK: Derived progress

    /// A task's status: its mark, else todo.
    public func status(ofTask id: String) -> Status { ledger.marks[id]?.status ?? .todo }

    /// A measure's status: its own mark if marked, else derived from its tasks
    /// (all done → done; any started or done → doing; else todo).
    public func status(of measure: Measure) -> Status {
        if let mark = ledger.marks[measure.id] { return mark.status }
        return Self.status(derivedFrom: taskCounts(of: measure))
    }

    /// Done tasks out of all tasks of the measure (3/7).
    public func taskProgress(of measure: Measure) -> Progress { taskCounts(of: measure).progress }

    /// How many of a measure's tasks are done and how many started (doing or done): one look-up per
    /// task, by index (copying each task would retain and release its strings), for both the measure's
    /// status and its progress; listings ask them of every measure.
    func taskCounts(of measure: Measure) -> (progress: Progress, started: Int) {
        var done = 0, started = 0
        for t in measure.tasks.indices {
            switch status(ofTask: measure.tasks[t].id) {
            case .done:
                done += 1
                started += 1
            case .doing: started += 1
            case .todo, .blocked: break
            }
        }
        return (Progress(done: done, total: measure.tasks.count), started)
    }

    /// An unmarked measure's status from its tasks: all done → done; any started → doing; else (or no task) todo.
    static func status(derivedFrom counts: (progress: Progress, started: Int)) -> Status {
        guard counts.progress.total > 0 else { return .todo }
        return counts.progress.done == counts.progress.total ? .done : counts.started > 0 ? .doing : .todo
    }

    /// The due date set in the store, else the document's deadline date.
    public func dueDate(of measure: Measure) -> Day? {
        if let set = ledger.dueDates[measure.id] { return set }
        return measure.deadline?.date
    }

    public func isOverdue(_ measure: Measure, today: Day) -> Bool {
        guard let due = dueDate(of: measure) else { return false }
        return due < today && status(of: measure) != .done
    }

    /// The same, for a caller that has the measure's status already (a count of both, without deriving it twice).
    public func isOverdue(_ measure: Measure, status: Status, today: Day) -> Bool {
        guard status != .done, let due = dueDate(of: measure) else { return false }
        return due < today
    }

    /// The document's units with the store's assignments applied, document order first.
    public func units(of measure: Measure) -> [UnitRef] {
        guard let changes = ledger.unitChanges[measure.id] else { return measure.units }
        // A measure's few units and changes compared by bytes: hashing a Chinese name normalises it first
        // (~1,000 instructions), and a workload asks this of every measure whose units were changed.
        func change(of name: String) -> Role?? { changes.first { $0.key.hasSameBytes(as: name) }?.value }
        var result: [UnitRef] = []
        for unit in measure.units {
            switch change(of: unit.name) {
            case .none: result.append(unit)
            case .some(.some(let role)): result.append(UnitRef(name: unit.name, role: role))
            case .some(.none): break
            }
        }
        for (name, role) in changes.sorted(by: { $0.key < $1.key })
        where !measure.units.contains(where: { $0.name.hasSameBytes(as: name) }) {
            if let role { result.append(UnitRef(name: name, role: role)) }
        }
        return result
    }

    /// Measures done out of all measures of a plan.
    public func progress(of plan: Plan) -> Progress {
        // By index: `plan.measures`, and iterating, would copy (retain and release) every measure.
        var done = 0, total = 0
        for pillar in plan.pillars.indices {
            let measures = plan.pillars[pillar].measures
            total += measures.count
            for m in measures.indices where status(of: measures[m]) == .done { done += 1 }
        }
        return Progress(done: done, total: total)
    }
}
