import Foundation

extension Report {
    /// The three tables one after another, each with its header, separated by an
    /// empty line. UTF-8 with a byte-order mark so Excel reads the Chinese text;
    /// RFC 4180 quoting and CRLF line ends.
    var csv: String {
        var lines: [[String]] = [Report.unitHeader] + units.map(Report.unitCells)
        lines += [[], Report.overdueHeader] + overdue.map(Report.overdueCells)
        lines += [[], Report.pillarHeader] + pillars.map(Report.pillarCells)
        return "\u{FEFF}" + lines.map { $0.map(Report.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Quoted when it holds a comma, quote or line break; a cell a spreadsheet
    /// would run as a formula (= + - @, tab, CR first) gets a leading `'`.
    static func csvField(_ cell: String) -> String {
        var value = cell
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
