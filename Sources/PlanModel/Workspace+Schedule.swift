import Foundation

extension Workspace {
    /// A measure's `Schedule` today: one call per row for every screen and listing.
    /// `utcOffset` (seconds east of UTC) turns the time a measure was done into a day.
    /// `rules`: else the workspace's `scheduleRules`.
    public func schedule(of measure: Measure, today: Day, utcOffset: Int = 0, rules: Schedule.Rules? = nil) -> Schedule {
        let status = status(of: measure)
        let end = dueDate(of: measure)
        let plan = location(of: measure.id).map { plans[$0.plan] }
        let start = plan?.date ?? (plan?.year ?? end?.year).flatMap { Day(year: $0, month: 1, day: 1) }
        return Schedule(status: status, tasks: taskProgress(of: measure), start: start, end: end,
                        doneOn: status == .done ? doneDay(of: measure, utcOffset: utcOffset) : nil,
                        today: today, rules: rules ?? scheduleRules)
    }

    /// The day a done measure was marked done; done through its tasks, the day its last task was.
    public func doneDay(of measure: Measure, utcOffset: Int) -> Day? {
        let time = ledger.marks[measure.id].map(\.time)
            ?? measure.tasks.compactMap { ledger.marks[$0.id]?.time }.max()
        return time.flatMap { Day($0, utcOffset: utcOffset) }
    }
}
