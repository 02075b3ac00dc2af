import TerminalKit

/// One sheet of a workbook: rows of cells, the rows frozen above the scroll
/// area, and column widths in Excel's units (about one Latin character; a
/// Chinese character takes two, as in a terminal).
public struct Worksheet: Equatable, Sendable {
    public enum Style: Int, Sendable {
        // The order of `cellXfs` in `Workbook.stylesXML`.
        case plain, header, wrapped, red, yellow, green, title, percent
    }

    public struct Cell: Equatable, Sendable {
        public enum Value: Equatable, Sendable {
            case text(String)
            case number(Double)
        }

        public var value: Value
        public var style: Style

        public init(_ value: Value, style: Style = .plain) {
            self.value = value
            self.style = style
        }

        public static func text(_ text: String, style: Style = .plain) -> Cell { Cell(.text(text), style: style) }
    }

    public var name: String
    public var rows: [[Cell]]
    /// Rows 1…frozenRows stay in view while scrolling.
    public var frozenRows: Int
    public var columnWidths: [Double]

    public init(name: String, rows: [[Cell]], frozenRows: Int, columnWidths: [Double]) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
        self.columnWidths = columnWidths
    }

    /// Widths that fit the widest line of each column in display columns (CJK = 2),
    /// plus a margin, within `minimum`…`maximum[column]` (wrapped columns are capped lower).
    public static func fittedWidths(_ rows: [[Cell]], maximum: [Double], minimum: Double = 6) -> [Double] {
        var widths = Array(repeating: minimum, count: maximum.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                guard case let .text(text) = cell.value else { continue }
                let widest = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { DisplayWidth.of($0) }.max() ?? 0
                widths[column] = max(widths[column], min(maximum[column], Double(widest) + 2))
            }
        }
        return widths
    }

    /// `A`, `B`, … `Z`, `AA`: the letters of a 0-based column.
    static func columnName(_ column: Int) -> String {
        var n = column + 1
        var name = ""
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The part `xl/worksheets/sheetN.xml`; every string an inline string, so
    /// text that looks like a formula (`=SUM(…)`) stays text.
    var xml: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        if frozenRows > 0 {
            out += "<pane ySplit=\"\(frozenRows)\" topLeftCell=\"A\(frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !columnWidths.isEmpty {
            out += "<cols>"
            for (column, width) in columnWidths.enumerated() {
                out += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (column, cell) in row.enumerated() {
                let reference = Worksheet.columnName(column) + String(r + 1)
                let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case let .text(text):
                    guard !text.isEmpty else {
                        if cell.style != .plain { out += "<c r=\"\(reference)\"\(style)/>" }
                        continue
                    }
                    out += "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    Worksheet.appendEscaped(text, to: &out)
                    out += "</t></is></c>"
                case let .number(number):
                    // Whole numbers as `16`, not Swift's `16.0`.
                    let value = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
                    out += "<c r=\"\(reference)\"\(style)><v>\(value)</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData></worksheet>"
        return out
    }

    /// XML text: `& < >` escaped, `"` too (for attributes), and the control
    /// characters XML 1.0 cannot carry at all dropped.
    static func appendEscaped(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
