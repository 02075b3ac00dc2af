extension Report {
    static let unitHeader = ["Unit", "District", "Total", "Done", "Doing", "Blocked", "Todo", "Open", "Overdue", "Led"]
    static let overdueHeader = ["Measure", "Title", "Due", "Days late", "Status", "Units"]
    static let pillarHeader = ["Plan", "Pillar", "Title", "Total", "Done", "Doing", "Blocked", "Todo", "Done %"]

    static func unitCells(_ row: Workload.Row) -> [String] {
        [row.unit.name, row.unit.district] + [row.total, row.done, row.doing, row.blocked, row.todo, row.open,
                                              row.overdue, row.led].map(String.init)
    }

    static func overdueCells(_ measure: OverdueMeasure) -> [String] {
        [measure.measureId, measure.title, measure.due.description, String(measure.daysLate),
         measure.status.rawValue, measure.units.joined(separator: "、")]
    }

    static func pillarCells(_ pillar: PillarProgress) -> [String] {
        let percent = pillar.total == 0 ? 0 : pillar.done * 100 / pillar.total
        return [pillar.planId, pillar.number, pillar.title] + [pillar.total, pillar.done, pillar.doing,
                                                               pillar.blocked, pillar.todo, percent].map(String.init)
    }
}
