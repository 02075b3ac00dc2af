/// The weekly report of the coordinating office: the per-unit workload, the
/// overdue measures and the progress per pillar, for some or all plans.
/// Rendered as Markdown, CSV or JSON (`Report+Markdown`, `Report+CSV`, `Report+JSON`).
public struct Report: Equatable, Sendable, Encodable {
    public enum Format: String, CaseIterable, Sendable {
        case md, csv, json
    }

    /// A measure past its due date and not done.
    public struct OverdueMeasure: Equatable, Sendable, Encodable {
        public var measureId: String
        public var title: String
        public var due: Day
        public var daysLate: Int
        public var status: Status
        public var units: [String]
    }

    /// Measures of one pillar by status.
    public struct PillarProgress: Equatable, Sendable, Encodable {
        public var planId: String
        public var number: String
        public var title: String
        public var total = 0
        public var done = 0
        public var doing = 0
        public var blocked = 0
        public var todo = 0
    }

    public var today: Day
    public var plans: [String]
    /// Sorted by open load.
    public var units: [Workload.Row]
    /// Oldest due date first.
    public var overdue: [OverdueMeasure]
    public var pillars: [PillarProgress]

    /// `plans` nil: every plan of the workspace.
    public init(workspace: Workspace, directory: UnitDirectory, today: Day, plans: Set<String>? = nil) {
        self.today = today
        let selected = workspace.plans.filter { plans?.contains($0.id) ?? true }
        self.plans = selected.map(\.id)
        units = Workload(workspace: workspace, directory: directory, today: today,
                         filter: .init(plans: plans)).sorted(by: .open).rows
        var overdue: [OverdueMeasure] = []
        var pillars: [PillarProgress] = []
        for plan in selected {
            for pillar in plan.pillars {
                var progress = PillarProgress(planId: plan.id, number: pillar.number, title: pillar.title)
                for measure in pillar.measures {
                    let status = workspace.status(of: measure)
                    progress.total += 1
                    switch status {
                    case .done: progress.done += 1
                    case .doing: progress.doing += 1
                    case .blocked: progress.blocked += 1
                    case .todo: progress.todo += 1
                    }
                    if status != .done, let due = workspace.dueDate(of: measure), due < today {
                        overdue.append(OverdueMeasure(measureId: measure.id, title: measure.title, due: due,
                                                      daysLate: due.days(until: today), status: status,
                                                      units: workspace.units(of: measure).map(\.name)))
                    }
                }
                pillars.append(progress)
            }
        }
        self.overdue = overdue.sorted { ($0.due, $0.measureId) < ($1.due, $1.measureId) }
        self.pillars = pillars
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .md: markdown
        case .csv: csv
        case .json: json
        }
    }
}
