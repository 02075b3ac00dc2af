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
            for (column, cell) in row.enumerated() where column < widths.count && widths[column] < maximum[column] {
                // A text is never wider than its UTF-8 bytes: most cells are ruled out without measuring.
                guard case let .text(text) = cell.value, Double(text.utf8.count) + 2 > widths[column] else { continue }
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

    /// The part `xl/worksheets/sheetN.xml`, as UTF-8 bytes (built as bytes: a
    /// 10,000-row ledger is some 10 MB of XML); every string an inline string, so
    /// text that looks like a formula (`=SUM(…)`) stays text.
    var xml: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 1024)
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        add(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        add(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        add("<sheetViews><sheetView workbookViewId=\"0\">")
        if frozenRows > 0 {
            add("<pane ySplit=\"\(frozenRows)\" topLeftCell=\"A\(frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>")
        }
        add("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>")
        if !columnWidths.isEmpty {
            add("<cols>")
            for (column, width) in columnWidths.enumerated() {
                add("<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" customWidth=\"1\"/>")
            }
            add("</cols>")
        }
        add("<sheetData>")
        let columnNames = (0..<(rows.map(\.count).max() ?? 0)).map(Worksheet.columnName)
        for (r, row) in rows.enumerated() {
            let number = String(r + 1)
            add("<row r=\""); add(number); add("\">")
            for (column, cell) in row.enumerated() {
                let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case let .text(text):
                    guard !text.isEmpty else {
                        if cell.style != .plain { add("<c r=\""); add(columnNames[column]); add(number); add("\""); add(style); add("/>") }
                        continue
                    }
                    add("<c r=\""); add(columnNames[column]); add(number); add("\""); add(style)
                    // Spaces at either end are kept only when the text says so.
                    let padded = text.first?.isWhitespace == true || text.last?.isWhitespace == true
                    add(padded ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>")
                    Worksheet.appendEscaped(text, to: &out)
                    add("</t></is></c>")
                case let .number(value):
                    // Whole numbers as `16`, not Swift's `16.0`.
                    let digits = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
                    add("<c r=\""); add(columnNames[column]); add(number); add("\""); add(style)
                    add("><v>"); add(digits); add("</v></c>")
                }
            }
            add("</row>")
        }
        add("</sheetData></worksheet>")
        return out
    }

    /// XML text as UTF-8: `& < >` escaped, `"` too (for attributes), and what XML 1.0
    /// cannot carry at all dropped: control characters other than tab, LF and CR, U+FFFE and U+FFFF.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case 0x09, 0x0A, 0x0D: out.append(byte)
                case 0x00..<0x20: break
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                    index += 2 // U+FFFE, U+FFFF
                default: out.append(byte)
                }
                index += 1
            }
        }
    }
}
