import Foundation

extension Report {
    /// GitHub-flavoured Markdown: a heading and a table per part.
    var markdown: String {
        var lines = ["# Workload report \(today)", "", "Plans: \(plans.joined(separator: ", "))", "", "## Units", ""]
        lines += Report.table(header: Report.unitHeader, rightAligned: 2..., rows: units.map(Report.unitCells))
        lines += ["", "## Overdue measures", ""]
        lines += overdue.isEmpty ? ["None."]
            : Report.table(header: Report.overdueHeader, rightAligned: 3...3, rows: overdue.map(Report.overdueCells))
        lines += ["", "## Progress per pillar", ""]
        lines += Report.table(header: Report.pillarHeader, rightAligned: 3..., rows: pillars.map(Report.pillarCells))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(header: [String], rightAligned: some RangeExpression<Int>, rows: [[String]]) -> [String] {
        func line(_ cells: [String]) -> String { "| " + cells.map(escaped).joined(separator: " | ") + " |" }
        let rule = header.indices.map { rightAligned.contains($0) ? "---:" : "---" }
        return [line(header), "|" + rule.joined(separator: "|") + "|"] + rows.map(line)
    }

    /// A pipe would end the cell and a line break the row.
    private static func escaped(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|").components(separatedBy: .newlines).joined(separator: " ")
    }
}
