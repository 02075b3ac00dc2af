import Foundation

/// The benchmark's Markdown: one table per size with the ratio Duban /
/// Taskwarrior per row, then how each cost grows with size.
struct Report {
    struct Section {
        typealias Row = (operation: Operation, duban: Outcome, taskwarrior: Outcome)
        var title: String
        /// The size, for the growth table; nil for the size-independent section.
        var size: Size?
        var rows: [Row]
    }

    var header: [String]
    var sections: [Section] = []

    var markdown: String {
        var lines = header + [""]
        for section in sections {
            lines += ["### \(section.title)", "",
                      "| operation | Duban command | Duban ms median (min–max) | Duban peak MiB "
                      + "| Taskwarrior command | Taskwarrior ms median (min–max) | Taskwarrior peak MiB | Duban / Taskwarrior |",
                      "|---|---|---:|---:|---|---:|---:|---:|"]
            for row in section.rows {
                let (dubanTime, dubanPeak) = Report.cells(row.duban)
                let (taskTime, taskPeak) = Report.cells(row.taskwarrior)
                lines.append("| \(row.operation.name) | \(Report.command("duban", row.operation.duban)) | \(dubanTime) "
                             + "| \(dubanPeak) | \(Report.command("task", row.operation.taskwarrior)) | \(taskTime) "
                             + "| \(taskPeak) | \(Report.ratio(row.duban, row.taskwarrior)) |")
            }
            lines.append("")
        }
        lines += growth
        return lines.joined(separator: "\n") + "\n"
    }

    /// Median ms per size, one line per operation and tool, for sizes measured.
    private var growth: [String] {
        let sized = sections.filter { $0.size != nil }
        guard sized.count > 1, let first = sized.first else { return [] }
        var lines = ["### Growth with size (median ms)", "",
                     "| operation | tool | " + sized.compactMap { $0.size?.description }.joined(separator: " | ") + " |",
                     "|---|---|" + String(repeating: "---:|", count: sized.count)]
        for (index, row) in first.rows.enumerated() {
            for (tool, pick) in [("Duban", { (r: Section) in r.rows[index].duban }),
                                 ("Taskwarrior", { (r: Section) in r.rows[index].taskwarrior })] {
                let outcomes = sized.map(pick)
                if outcomes.allSatisfy({ if case .none = $0 { true } else { false } }) { continue }
                lines.append("| \(row.operation.name) | \(tool) | "
                             + outcomes.map { $0.median.map(Report.milliseconds) ?? "n/a" }.joined(separator: " | ") + " |")
            }
        }
        return lines + [""]
    }

    private static func cells(_ outcome: Outcome) -> (String, String) {
        switch outcome {
        case let .measured(median, min, max, peak):
            ("\(milliseconds(median)) (\(milliseconds(min))–\(milliseconds(max)))", String(format: "%.1f", peak))
        case let .unavailable(reason): ("n/a (\(escaped(reason)))", "n/a")
        case .none: ("—", "—")
        }
    }

    private static func command(_ program: String, _ command: Operation.Command?) -> String {
        guard let command else { return "—" }
        // Absolute paths (work directory) shown by file name only.
        let arguments = command.display.map { [$0] } ?? command.arguments.map {
            $0.hasPrefix("/") && $0.count > 1 && !$0.hasSuffix("/") ? URL(fileURLWithPath: $0).lastPathComponent : $0
        }
        return "`" + ([program] + arguments).joined(separator: " ") + "`"
    }

    private static func ratio(_ duban: Outcome, _ taskwarrior: Outcome) -> String {
        guard let d = duban.median, let t = taskwarrior.median, t > 0 else {
            if case .none = duban { return "—" }
            if case .none = taskwarrior { return "—" }
            return "n/a"
        }
        return String(format: d / t < 0.1 ? "%.3f" : "%.2f", d / t)
    }

    /// 200000 → "200,000".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        return digits.enumerated().map { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? ",\(digit)" : String(digit)
        }.joined()
    }

    static func milliseconds(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }

    private static func escaped(_ text: String) -> String {
        let short = text.count > 70 ? String(text.prefix(67)) + "..." : text
        return short.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    }
}
