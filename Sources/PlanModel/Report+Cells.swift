/// The ledger's tables as rows of text cells, in the report's language: what
/// the Markdown, CSV and XLSX writers lay out.
extension Report {
    /// The columns of the ledger.
    public enum Column: CaseIterable, Sendable {
        case number, measure, lead, others, due, status, light, expected, actual, remaining, progress, blockedBecause

        public func header(in language: Language) -> String {
            switch self {
            case .number: language.pick("No.", "序号")
            case .measure: language.pick("Measure", "措施")
            case .lead: language.pick("Lead unit", "牵头单位")
            case .others: language.pick("Supporting / responsible units", "配合/责任单位")
            case .due: language.pick("Due", "完成时限")
            case .status: language.pick("Status", "状态")
            case .light: language.pick("Light", "灯")
            case .expected: language.pick("Expected", "序时进度")
            case .actual: language.pick("Actual", "实际进度")
            case .remaining: language.pick("Days late / left", "逾期天数/剩余天数")
            case .progress: language.pick("Progress", "进展情况")
            case .blockedBecause: language.pick("Blocked because", "受阻原因")
            }
        }
    }

    public var header: [String] { Column.allCases.map { $0.header(in: language) } }

    /// The cells of a row, in `Column` order; progress notes one per line.
    public func cells(_ row: Row) -> [String] {
        Column.allCases.map { column in
            switch column {
            case .number: row.label.isEmpty ? row.id : "\(row.id) \(row.label)"
            case .measure: row.title
            case .lead: row.lead.joined(separator: "、")
            case .others: row.others.joined(separator: "、")
            case .due: row.due?.description ?? row.deadline ?? ""
            case .status: row.status.word(in: language)
            case .light: row.schedule.light.word(in: language)
            case .expected: row.schedule.expected.map(Schedule.percent) ?? ""
            case .actual: Schedule.percent(row.schedule.actual)
            case .remaining: row.schedule.remaining(in: language)
            case .progress: row.notes.map { "\($0.day) \($0.officer)\(language.pick(": ", "："))\($0.text)" }
                .joined(separator: "\n")
            case .blockedBecause: row.blockedBecause ?? ""
            }
        }
    }

    /// "日期：2026-07-01　制表：王" and the unit when the ledger is one unit's.
    public var byline: String {
        var parts = [language.pick("Date: \(today)", "日期：\(today)")]
        if !madeBy.isEmpty { parts.append(language.pick("Made by: \(madeBy)", "制表：\(madeBy)")) }
        if let unit { parts.append(language.pick("Unit: \(unit)", "责任单位：\(unit)")) }
        return parts.joined(separator: language.pick("  ", "　"))
    }

    /// 共 N 项：已完成 a，进行中 b，受阻 c，逾期 d；红灯 x 黄灯 y 绿灯 z
    public var summaryLine: String {
        let s = summary
        return language.pick(
            "\(s.total) measures: \(s.done) done, \(s.doing) doing, \(s.blocked) blocked, \(s.overdue) overdue; "
                + "\(s.red) red, \(s.yellow) yellow, \(s.green) green",
            "共 \(s.total) 项：已完成 \(s.done)，进行中 \(s.doing)，受阻 \(s.blocked)，逾期 \(s.overdue)；"
                + "红灯 \(s.red) 黄灯 \(s.yellow) 绿灯 \(s.green)")
    }

    /// The period's changes, with the measure ids, or nil without `since`.
    public var periodLine: String? {
        guard let period else { return nil }
        func list(_ ids: [String]) -> String { ids.isEmpty ? "" : language.pick(" (", "（") + ids.joined(separator: language.pick(", ", "、")) + language.pick(")", "）") }
        return language.pick(
            "Since \(period.since): \(period.done.count) done\(list(period.done)), "
                + "\(period.blocked.count) newly blocked\(list(period.blocked)), "
                + "\(period.overdue.count) newly overdue\(list(period.overdue))",
            "\(period.since) 以来：完成 \(period.done.count) 项\(list(period.done))，"
                + "新增受阻 \(period.blocked.count) 项\(list(period.blocked))，新增逾期 \(period.overdue.count) 项\(list(period.overdue))")
    }

    /// The heading: the plans' titles and what the document is.
    public var heading: String {
        language.pick(title.isEmpty ? "Ledger" : "Ledger: \(title)", title + "督办台账")
    }

    /// The per-unit table (the workload): header.
    public static func unitHeader(in language: Language) -> [String] {
        [language.pick("Unit", "责任单位"), language.pick("District", "区"), language.pick("Total", "总数"),
         language.pick("Done", "已完成"), language.pick("Doing", "进行中"), language.pick("Blocked", "受阻"),
         language.pick("Todo", "待办"), language.pick("Open", "未完成"), language.pick("Overdue", "逾期"),
         language.pick("Led", "牵头")]
    }

    /// One unit's row; the district by its name in the plans (`金山区`).
    public static func unitCells(_ row: Workload.Row, districts: [String: String]) -> [String] {
        [row.unit.name, districts[row.unit.district] ?? row.unit.district]
            + [row.total, row.done, row.doing, row.blocked, row.todo, row.open, row.overdue, row.led].map(String.init)
    }

    /// The overdue sheet's columns: a subset of the ledger's.
    public static let overdueColumns: [Column] = [.number, .measure, .lead, .others, .due, .remaining, .status, .progress]

    public func cells(_ row: Row, columns: [Column]) -> [String] {
        let all = cells(row)
        return columns.compactMap { column in Column.allCases.firstIndex(of: column).map { all[$0] } }
    }
}
