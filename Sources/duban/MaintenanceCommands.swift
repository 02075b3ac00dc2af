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
        if text.trimmingWhitespace(keepingLineBreaks: true).isEmpty { throw ValidationError("give a text to search for") }
    }

    func run() throws {
        try options.withWorkspace { _, workspace in
        let wanted = try filter.plans(in: workspace)
        guard let query = SearchQuery(text) else { throw ValidationError("give a text to search for") }
        // Each plan on a processor of its own: reading every text is most of a search.
        let rows = workspace.plans.filter { wanted?.contains($0.id) ?? true }.concurrentFlatMap { (plan, emit: (Row) -> Void) in
            for pillar in plan.pillars {
                for measure in pillar.measures {
                    if let snippet = Self.snippet(of: query, in: measure) {
                        emit(Row(id: measure.id, title: measure.title, status: workspace.status(of: measure), snippet: snippet))
                    }
                }
            }
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
    /// on one line; nil when the measure does not hold the query. The text is made a string
    /// only when its stored bytes hold the query.
    private static func snippet(of query: SearchQuery, in measure: Measure) -> String? {
        func excerpt(_ field: String) -> String? {
            query.firstMatch(in: field).map { range in
                let excerpt = TextLayout.excerpt(field, around: range, columns: SearchCommand.snippetColumns)
                return excerpt.utf8.contains(0x0A) ? excerpt.replacing(scalar: "\n", with: " ") : excerpt
            }
        }
        if let found = excerpt(measure.title) { return found }
        if query.occurs(in: measure.deferredText), let found = excerpt(measure.text) { return found }
        for task in measure.tasks { if let found = excerpt(task.title) { return found } }
        return excerpt(measure.label)
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
