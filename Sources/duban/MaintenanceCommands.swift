import ArgumentParser
import JSONTree
import PlanModel
import PlanStore
import TerminalKit

/// `duban search TEXT`: the dashboard's `/` search from the command line.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: Output.help("Find measures whose title, text or tasks contain the text, in all plans (traditional = simplified characters, full-width = ASCII, any case).", "在所有方案中查找标题、正文或任务含该文字的措施（繁简、全半角、大小写均视为相同）。"))

    @OptionGroup var options: StoreOptions
    @OptionGroup var filter: PlanFilter
    @Flag(help: ArgumentHelp(Output.help("Print JSON.", "输出 JSON。"))) var json = false
    @Argument(help: ArgumentHelp(Output.help("The text to look for.", "要查找的文字。"))) var text: String

    struct Row: JSONObject {
        var id: String
        var title: String
        var status: Status
        /// The first match with a little of the text either side: `…普惠性【政策】全面…`.
        var snippet: String

        func fields(into object: inout JSONFields) throws {
            try object.field("id", id)
            try object.field("title", title)
            try object.field("status", status.rawValue)
            try object.field("snippet", snippet)
        }
    }

    /// Display columns of context on each side of the match.
    static let snippetColumns = 12

    func validate() throws {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a text to search for") }
    }

    func run() throws {
        try options.withWorkspace { _, workspace in
        let plans = try filter.plans(in: workspace)
        let index = SearchIndex(plans: workspace.plans), query = text
        let entries = index.matches(of: query).map { index.entries[$0] }
            .filter { plans?.contains(workspace.plans[$0.plan].id) ?? true }
        // A snippet reads the measure's text: the rows are made on every processor.
        let rows = entries.concurrentMap { entry -> Row in
            let measure = workspace.plans[entry.plan].pillars[entry.pillar].measures[entry.measure]
            return Row(id: measure.id, title: measure.title, status: workspace.status(of: measure),
                       snippet: Self.snippet(of: query, in: measure))
        }
        if json { return try Output.json(rows) }
        guard !rows.isEmpty else { throw CommandFailure(description: "no measure contains \"\(text)\"", exitCode: 1) }
        let header = ["id", "status", "title"]
        let table = Output.tableLines(header: header, rows: rows.map { [$0.id, $0.status.rawValue, $0.title] }, numericFrom: 3)
        // Each row, then its snippet on a line of its own under the title (the header's last column).
        let indent = String(repeating: " ", count: DisplayWidth.of(table[0]) - DisplayWidth.of(header[2]))
        Output.print(([table[0]] + zip(table.dropFirst(), rows).flatMap { line, row in
            [line, indent + TerminalText.sanitized(row.snippet)]
        }).joined(separator: "\n"))
        }
    }

    /// The first match in the title, text or tasks (the number last: a match there says little),
    /// on one line.
    private static func snippet(of text: String, in measure: Measure) -> String {
        for field in [measure.title, measure.text] + measure.tasks.map(\.title) + [measure.label] {
            if let range = SearchIndex.firstMatch(of: text, in: field) {
                let excerpt = TextLayout.excerpt(field, around: range, columns: SearchCommand.snippetColumns)
                return excerpt.utf8.contains(0x0A) ? excerpt.replacingOccurrences(of: "\n", with: " ") : excerpt
            }
        }
        return ""
    }
}

/// `duban compact`: fold the journal into a new snapshot now (the journal is kept whole).
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: Output.help("Write a new snapshot of the progress so the store opens faster (the journal is kept whole).", "写入新的进度快照，使存储打开更快（日志完整保留）。"))

    @OptionGroup var options: StoreOptions

    func run() throws {
        try options.openStore().compact()
    }
}
