import FoundationEssentials

extension Workspace {
    /// A measure's `Schedule` today: one call per row for every screen and listing.
    /// `utcOffset` (seconds east of UTC) turns the time a measure was done into a day.
    /// `rules`: else the workspace's `scheduleRules`. `plan`: the plan holding the measure, when the caller
    /// walks the plans (else it is looked up from the measure's id, a tenth of a listing's rows).
    public func schedule(of measure: Measure, in plan: Plan? = nil, today: Day, utcOffset: Int = 0,
                         rules: Schedule.Rules? = nil) -> Schedule {
        // The measure's mark and its tasks' read once for its status, progress and the day it was done.
        let mark = ledger.marks[measure.id]
        let counts = taskCounts(of: measure)
        let status = mark?.status ?? Self.status(derivedFrom: counts)
        let end = dueDate(of: measure)
        let plan = plan ?? location(of: measure.id).map { plans[$0.plan] }
        let start = plan?.date ?? (plan?.year ?? end?.year).flatMap { Day(year: $0, month: 1, day: 1) }
        return Schedule(status: status, tasks: counts.progress, start: start, end: end,
                        doneOn: status == .done ? doneDay(of: measure, mark: mark, utcOffset: utcOffset) : nil,
                        today: today, rules: rules ?? scheduleRules)
    }

    /// The day a done measure was marked done; done through its tasks, the day its last task was.
    public func doneDay(of measure: Measure, utcOffset: Int) -> Day? {
        doneDay(of: measure, mark: ledger.marks[measure.id], utcOffset: utcOffset)
    }

    private func doneDay(of measure: Measure, mark: Ledger.Mark?, utcOffset: Int) -> Day? {
        let time = mark.map(\.time) ?? measure.tasks.indices.compactMap { ledger.marks[measure.tasks[$0].id]?.time }.max()
        return time.flatMap { Day($0, utcOffset: utcOffset) }
    }
}
