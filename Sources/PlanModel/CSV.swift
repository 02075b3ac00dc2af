/// Comma-separated values as Excel and WPS open them: UTF-8 with a byte-order
/// mark (else the Chinese comes out garbled), RFC 4180 quoting, CRLF line ends.
public enum CSV {
    public static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Quoted when it holds a comma, quote or line break; a cell a spreadsheet
    /// would run as a formula (= + - @, tab, CR first) gets a leading `'`.
    public static func field(_ cell: String) -> String {
        var value = cell
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacing(scalar: "\"", with: "\"\"") + "\""
    }
}

extension Report {
    /// The ledger only: its header and one line per measure.
    var csv: String { CSV.document([header] + rows.map(cells)) }
}
