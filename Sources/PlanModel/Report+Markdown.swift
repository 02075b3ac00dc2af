import FoundationEssentials

extension Report {
    /// GitHub-flavoured Markdown: the heading, byline and summary, then the ledger table.
    var markdown: String {
        var lines = ["# " + heading, "", byline, "", summaryLine]
        if let periodLine { lines += ["", periodLine] }
        lines += [""] + Report.markdownTable([header] + rows.map(cells))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A GFM table of a header row and the rows under it, one line each; line breaks inside a cell become `<br>`.
    public static func markdownTable(_ table: [[String]]) -> [String] {
        func line(_ cells: [String]) -> String { "| " + cells.map(escaped).joined(separator: " | ") + " |" }
        guard let header = table.first else { return [] }
        return [line(header), "|" + header.map { _ in "---" }.joined(separator: "|") + "|"] + table.dropFirst().map(line)
    }

    /// A pipe would end the cell and a line break the row.
    private static func escaped(_ cell: String) -> String {
        cell.replacing(scalar: "|", with: "\\|").unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: \.isLineBreak)
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: "<br>")
    }
}
