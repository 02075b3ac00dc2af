import JSONTree

/// 序时进度 (expected progress) of one measure on one day, against its actual
/// progress, and the light that follows. The one definition every screen,
/// listing and report uses; pure: the day is a parameter.
public struct Schedule: Equatable, Sendable {
    /// The thresholds of the lights.
    public struct Rules: Equatable, Sendable {
        /// Yellow when actual progress trails expected progress by more than this fraction.
        public var yellowGap: Double
        /// Yellow when the end is this many days away or fewer and the measure is not done.
        public var dueSoonDays: Int

        public init(yellowGap: Double = 0.25, dueSoonDays: Int = 14) {
            self.yellowGap = yellowGap
            self.dueSoonDays = dueSoonDays
        }
    }

    public var status: Status
    /// Done tasks out of all (`list`'s tasks column), as `actual` was worked out from.
    public var tasks: Progress
    /// The plan's date, else 1 January of its year (else of the end's year).
    public var start: Day?
    /// The due date: set in the store, else the document's deadline.
    public var end: Day?
    /// The elapsed fraction of [start, end] today, 0…1; nil without an end.
    public var expected: Double?
    /// Done tasks out of all tasks; without tasks 0, ½ while doing; 1 when done.
    public var actual: Double
    public var light: Light
    /// Open and past the end: days since the end. Done after the end: how many days after.
    public var daysLate: Int?
    /// Open and not past the end: days until the end (0 on the day).
    public var daysLeft: Int?

    /// `doneOn`: the day a done measure was done (for "done 11 days late").
    public init(status: Status, tasks: Progress, start: Day?, end: Day?, doneOn: Day? = nil, today: Day,
                rules: Rules = Rules()) {
        self.status = status
        self.tasks = tasks
        self.start = start
        self.end = end
        if status == .done {
            actual = 1
        } else if tasks.total > 0 {
            actual = tasks.fraction
        } else {
            actual = status == .doing ? 0.5 : 0
        }
        if let start, let end {
            let span = start.days(until: end)
            expected = span <= 0 ? (today < end ? 0 : 1)
                : min(1, max(0, Double(start.days(until: today)) / Double(span)))
        }
        if let end {
            if status == .done {
                if let doneOn, end < doneOn { daysLate = end.days(until: doneOn) }
            } else if end < today {
                daysLate = end.days(until: today)
            } else {
                daysLeft = today.days(until: end)
            }
        }
        light = switch status {
        case .done: .green
        case .blocked: .red
        case .todo, .doing:
            if end == nil { .none }
            else if daysLeft == nil { .red }
            else if let expected, expected - actual > rules.yellowGap { .yellow }
            else if let daysLeft, daysLeft <= rules.dueSoonDays { .yellow }
            else { .green }
        }
    }

    /// Overdue and not done.
    public var isOverdue: Bool { status != .done && daysLate != nil }

    /// "逾期 11 天" / "剩 5 天" / "逾期 11 天完成" (or the English), empty without an end.
    public func remaining(in language: Language) -> String {
        if let daysLeft { return language.pick("\(daysLeft) day\(daysLeft == 1 ? "" : "s") left", "剩 \(daysLeft) 天") }
        guard let daysLate else { return "" }
        let days = "\(daysLate) day\(daysLate == 1 ? "" : "s") late"
        return status != .done ? language.pick(days, "逾期 \(daysLate) 天") : language.pick("done " + days, "逾期 \(daysLate) 天完成")
    }

    /// `40%`: a fraction as the ledger writes it, rounded to a whole percent.
    public static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }
}

extension Schedule: JSONObject {
    /// The fields `list --json`, `show --json` and the JSON ledger share; fractions
    /// to three decimals, missing values as null.
    public func fields(into object: inout JSONFields) throws { try Schedule.fields(of: self, into: &object) }

    /// The same fields, all null for something without a schedule (a task).
    public static func fields(of schedule: Schedule?, into object: inout JSONFields) throws {
        let values = JSONValues(schedule)
        try object.field("actual", values.actual)
        try object.field("daysLate", values.daysLate)
        try object.field("daysLeft", values.daysLeft)
        try object.field("expected", values.expected)
        try object.field("light", values.light)
    }

    /// The values of those fields, for a row that writes them among its own in key order
    /// (keys out of order are moved after: 4% of `list --json`).
    public struct JSONValues {
        public var light: String?, expected: Double?, actual: Double?, daysLate: Int?, daysLeft: Int?

        public init(_ schedule: Schedule?) {
            light = schedule?.light.rawValue
            expected = schedule?.expected.map(rounded)
            actual = schedule.map { rounded($0.actual) }
            daysLate = schedule?.daysLate
            daysLeft = schedule?.daysLeft
        }
    }

    private static func rounded(_ fraction: Double) -> Double { (fraction * 1000).rounded() / 1000 }
}
