import FoundationEssentials

/// The 督办台账 (ledger) officers hand upward: one row per measure with who
/// leads, the deadline, the status, the light against 序时进度, the progress
/// notes and why it is blocked; above it the plans, the day, who made it and a
/// summary; beside it the per-unit workload and the overdue measures.
/// Rendered as Markdown, CSV or JSON here (`Report+Markdown`, `Report+CSV`,
/// `Report+JSON`) and as XLSX by the `LedgerXLSX` target.
public struct Report: Equatable, Sendable, Encodable {
    public enum Format: String, CaseIterable, Sendable {
        case md, csv, json
    }

    /// What to put in the ledger.
    public struct Options: Sendable {
        /// Nil: every plan of the workspace.
        public var plans: Set<String>?
        /// Only measures this unit takes part in.
        public var unit: UnitMatch?
        /// Only these measure ids (what a filtered screen shows); nil: all. The unit table still counts every measure of the plans.
        public var measures: Set<String>?
        /// Only notes from this day on, and the period's changes.
        public var since: Day?
        /// Keep units with nothing open in the per-unit table.
        public var allUnits: Bool
        public var language: Language
        /// Who made the report.
        public var officer: String
        /// Seconds east of UTC, for the days of event times.
        public var utcOffset: Int

        public init(plans: Set<String>? = nil, unit: UnitMatch? = nil, measures: Set<String>? = nil, since: Day? = nil,
                    allUnits: Bool = false, language: Language = .en, officer: String = "", utcOffset: Int = 0) {
            self.plans = plans
            self.unit = unit
            self.measures = measures
            self.since = since
            self.allUnits = allUnits
            self.language = language
            self.officer = officer
            self.utcOffset = utcOffset
        }
    }

    /// One measure of the ledger.
    public struct Row: Equatable, Sendable, Encodable {
        public var id: String
        /// The document's own number, e.g. "（一）".
        public var label: String
        public var title: String
        /// 牵头单位.
        public var lead: [String]
        /// 配合 or 责任单位: every other unit.
        public var others: [String]
        public var due: Day?
        /// The document's deadline as written ("6月底前完成").
        public var deadline: String?
        public var status: Status
        public var schedule: Schedule
        /// Notes on the measure and its tasks, newest first.
        public var notes: [Entry]
        /// The note recorded when the measure was marked blocked.
        public var blockedBecause: String?

        enum CodingKeys: String, CodingKey {
            case id, label, title, lead, others, due, deadline, status, notes, blockedBecause
        }

        /// The schedule's fields inline; missing values as null, as everywhere in duban's JSON.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(label, forKey: .label)
            try c.encode(title, forKey: .title)
            try c.encode(lead, forKey: .lead)
            try c.encode(others, forKey: .others)
            try c.encode(due, forKey: .due)
            try c.encode(deadline, forKey: .deadline)
            try c.encode(status, forKey: .status)
            try schedule.encode(to: encoder)
            try c.encode(notes, forKey: .notes)
            try c.encode(blockedBecause, forKey: .blockedBecause)
        }
    }

    /// A progress note in the ledger.
    public struct Entry: Equatable, Sendable, Encodable {
        public var day: Day
        public var officer: String
        public var text: String
        /// The measure or task the note is on.
        public var target: String
    }

    /// Counts of the summary line.
    public struct Summary: Equatable, Sendable, Encodable {
        public var total = 0, done = 0, doing = 0, blocked = 0, todo = 0, overdue = 0
        public var red = 0, yellow = 0, green = 0, none = 0
    }

    /// What changed since `since`: measure ids.
    public struct Period: Equatable, Sendable, Encodable {
        public var since: Day
        public var done: [String] = []
        public var blocked: [String] = []
        public var overdue: [String] = []
    }

    public var title: String
    public var today: Day
    public var madeBy: String
    public var language: Language
    public var plans: [String]
    /// The `--unit` query, when the ledger is one unit's.
    public var unit: String?
    public var summary: Summary
    public var period: Period?
    public var rows: [Row]
    /// The per-unit workload of the same measures, by open load; units with
    /// nothing open are left out unless `allUnits`.
    public var units: [Workload.Row]
    /// District key → its name in the plans (`jinshan` → `金山区`).
    public var districts: [String: String]

    enum CodingKeys: String, CodingKey {
        case title, today, madeBy, language, plans, unit, summary, period, rows, units, districts
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(today, forKey: .today)
        try c.encode(madeBy, forKey: .madeBy)
        try c.encode(language, forKey: .language)
        try c.encode(plans, forKey: .plans)
        try c.encode(unit, forKey: .unit)
        try c.encode(summary, forKey: .summary)
        try c.encode(period, forKey: .period)
        try c.encode(rows, forKey: .rows)
        try c.encode(units, forKey: .units)
        try c.encode(districts, forKey: .districts)
    }

    public init(workspace: Workspace, directory: UnitDirectory, today: Day, options: Options = Options()) {
        self.today = today
        madeBy = options.officer
        language = options.language
        unit = options.unit?.query
        let selected = workspace.plans.filter { options.plans?.contains($0.id) ?? true }
        plans = selected.map(\.id)
        title = selected.map(\.title).joined(separator: "、")
        districts = Report.districtNames(of: workspace.plans)
        var rows: [Row] = []
        for plan in selected {
            for pillar in plan.pillars.indices {
                let measures = plan.pillars[pillar].measures
                for m in measures.indices {
                    if let only = options.measures, !only.contains(measures[m].id) { continue }
                    let units = workspace.units(of: measures[m])
                    if let match = options.unit, !units.contains(where: { match.matches($0.name) }) { continue }
                    rows.append(Report.row(measures[m], of: plan, units: units, in: workspace, today: today, options: options))
                }
            }
        }
        self.rows = rows
        summary = Report.summary(of: rows)
        period = options.since.map { Report.period(since: $0, rows: rows, workspace: workspace, options: options) }
        var workload = Workload(workspace: workspace, directory: directory, today: today,
                                filter: .init(plans: options.plans)).sorted(by: .open).rows
        if let match = options.unit { workload.removeAll { !$0.unit.spellings.contains(where: match.matches) } }
        if !options.allUnits { workload.removeAll { $0.open == 0 } }
        units = workload
    }

    /// Overdue and not done, oldest due date first.
    public var overdue: [Row] {
        rows.filter(\.schedule.isOverdue)
            .sorted { ($0.schedule.daysLate ?? 0, $1.id) > ($1.schedule.daysLate ?? 0, $0.id) }
    }

    private static func row(_ measure: Measure, of plan: Plan, units: [UnitRef], in workspace: Workspace, today: Day,
                            options: Options) -> Row {
        let schedule = workspace.schedule(of: measure, in: plan, today: today, utcOffset: options.utcOffset)
        let notes = workspace.notes(of: measure).reversed().compactMap { target, note -> Entry? in
            guard let day = Day(note.time, utcOffset: options.utcOffset), options.since.map({ $0 <= day }) ?? true else { return nil }
            return Entry(day: day, officer: note.officer, text: note.text, target: target)
        }
        return Row(id: measure.id, label: measure.label, title: measure.title,
                   lead: units.filter { $0.role == .lead }.map(\.name),
                   others: units.filter { $0.role != .lead }.map(\.name),
                   due: schedule.end, deadline: measure.deadline?.text, status: schedule.status, schedule: schedule,
                   notes: notes, blockedBecause: workspace.blockReason(of: measure.id))
    }

    private static func summary(of rows: [Row]) -> Summary {
        var summary = Summary()
        for row in rows {
            summary.total += 1
            switch row.status {
            case .done: summary.done += 1
            case .doing: summary.doing += 1
            case .blocked: summary.blocked += 1
            case .todo: summary.todo += 1
            }
            if row.schedule.isOverdue { summary.overdue += 1 }
            switch row.schedule.light {
            case .red: summary.red += 1
            case .yellow: summary.yellow += 1
            case .green: summary.green += 1
            case .none: summary.none += 1
            }
        }
        return summary
    }

    /// Done in the period, blocked in the period (and still blocked), and fallen due in the period.
    private static func period(since: Day, rows: [Row], workspace: Workspace, options: Options) -> Period {
        var period = Period(since: since)
        for row in rows {
            switch row.status {
            case .done:
                if let measure = workspace.measure(row.id),
                   let day = workspace.doneDay(of: measure, utcOffset: options.utcOffset), since <= day {
                    period.done.append(row.id)
                }
            case .blocked:
                if let mark = workspace.ledger.marks[row.id], let day = Day(mark.time, utcOffset: options.utcOffset),
                   since <= day {
                    period.blocked.append(row.id)
                }
            case .todo, .doing: break
            }
            if row.schedule.isOverdue, let due = row.due, since <= due { period.overdue.append(row.id) }
        }
        return period
    }

    /// District key → the name the plans give (`金山区`), the key where no plan names it.
    public static func districtNames(of plans: [Plan]) -> [String: String] {
        var names: [String: String] = [:]
        for plan in plans {
            if let name = plan.district, !name.isEmpty { names[plan.districtKey] = names[plan.districtKey] ?? name }
        }
        return names
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .md: markdown
        case .csv: csv
        case .json: json
        }
    }
}
