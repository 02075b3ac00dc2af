import FoundationEssentials
import PlanModel

extension Report {
    /// The ledger as an `.xlsx` file: sheets 台账 (ledger), 责任单位 (units) and 逾期 (overdue).
    public func xlsx() -> Data {
        // Stamped with the report's day (UTC midnight), so one ledger always gives the same bytes.
        let modified = Date(timeIntervalSince1970: Double(Day(year: 1970, month: 1, day: 1).map { $0.days(until: today) } ?? 0) * 86_400)
        return Workbook(sheets: workbookSheets, modified: modified).data()
    }

    public var workbookSheets: [Worksheet] { [ledgerSheet, unitSheet, overdueSheet] }

    /// Title, byline, summary (and period) above the header row, which stays frozen.
    var ledgerSheet: Worksheet {
        var top: [[Worksheet.Cell]] = [[.text(heading, style: .title)], [.text(byline)], [.text(summaryLine)]]
        if let periodLine { top.append([.text(periodLine)]) }
        let table = [header.map { Worksheet.Cell.text($0, style: .header) }] + rows.map(ledgerCells)
        return Worksheet(name: language.pick("Ledger", "台账"), rows: top + table, frozenRows: top.count + 1,
                         columnWidths: Worksheet.fittedWidths(table, maximum: Column.allCases.map(\.maximumWidth)))
    }

    private func ledgerCells(_ row: Row) -> [Worksheet.Cell] {
        zip(Column.allCases, cells(row)).map { column, text in
            switch column {
            case .light:
                switch row.schedule.light {
                case .red: return .text(text, style: .red)
                case .yellow: return .text(text, style: .yellow)
                case .green: return .text(text, style: .green)
                case .none: return .text(text)
                }
            case .expected:
                return row.schedule.expected.map { Worksheet.Cell(.number($0), style: .percent) } ?? .text("")
            case .actual: return Worksheet.Cell(.number(row.schedule.actual), style: .percent)
            default: return .text(text, style: column.isWrapped ? .wrapped : .plain)
            }
        }
    }

    var unitSheet: Worksheet {
        let header = Report.unitHeader(in: language).map { Worksheet.Cell.text($0, style: .header) }
        let table = [header] + units.map { row in
            Report.unitCells(row, districts: districts).enumerated().map { column, text in
                column < 2 ? Worksheet.Cell.text(text) : Worksheet.Cell(.number(Double(text) ?? 0))
            }
        }
        return Worksheet(name: language.pick("Units", "责任单位"), rows: table, frozenRows: 1,
                         columnWidths: Worksheet.fittedWidths(table, maximum: [30] + Array(repeating: 12, count: 9)))
    }

    var overdueSheet: Worksheet {
        let columns = Report.overdueColumns
        let table = [columns.map { Worksheet.Cell.text($0.header(in: language), style: .header) }]
            + overdue.map { row in
                zip(columns, cells(row, columns: columns)).map { column, text in
                    Worksheet.Cell.text(text, style: column.isWrapped ? .wrapped : .plain)
                }
            }
        return Worksheet(name: language.pick("Overdue", "逾期"), rows: table, frozenRows: 1,
                         columnWidths: Worksheet.fittedWidths(table, maximum: columns.map(\.maximumWidth)))
    }
}

private extension Report.Column {
    /// Long text wraps within its column instead of widening it.
    var isWrapped: Bool { [.measure, .others, .progress, .blockedBecause].contains(self) }

    /// The widest a fitted column gets, in Excel's units.
    var maximumWidth: Double {
        switch self {
        case .progress: 50
        case .measure, .others, .blockedBecause: 30
        default: 20
        }
    }
}
