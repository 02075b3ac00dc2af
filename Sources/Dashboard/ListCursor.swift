import TerminalKit

/// The cursor of a scrolling list: the selected row, the first row shown, how
/// many rows there are and how many fit. Every operation leaves the row inside
/// the list and the offset showing it, so no caller clamps or scrolls by hand.
public struct ListCursor: Equatable, Sendable {
    public private(set) var row = 0
    public private(set) var offset = 0
    public private(set) var count = 0
    public private(set) var visibleRows = 1

    public init(count: Int = 0, visibleRows: Int = 1) {
        fit(count: count, visibleRows: visibleRows)
    }

    /// Adapts to a list that now has `count` rows, `visibleRows` of them shown.
    public mutating func fit(count: Int, visibleRows: Int) {
        self.count = max(0, count)
        self.visibleRows = max(1, visibleRows)
        select(row)
    }

    /// Puts the cursor on `row` (clamped to the list), scrolling as little as possible.
    public mutating func select(_ row: Int) {
        self.row = max(0, min(row, count - 1))
        offset = Table.offset(showing: self.row, visibleRows: visibleRows, current: offset, rowCount: count)
    }

    public mutating func move(by delta: Int) {
        select(row.addingReportingOverflow(delta).overflow ? (delta < 0 ? 0 : count) : row + delta)
    }

    /// The rows one page moves: all shown but one, which stays in view for context.
    public var pageRows: Int { max(1, visibleRows - 1) }

    /// Moves by whole pages (negative: up).
    public mutating func page(by pages: Int) { move(by: pages * pageRows) }

    public mutating func moveToTop() { select(0) }
    public mutating func moveToBottom() { select(count - 1) }

    /// The list row drawn on the `line`th visible line (0 the first), nil where no row is.
    public func row(atLine line: Int) -> Int? {
        guard line >= 0, line < visibleRows, offset + line < count else { return nil }
        return offset + line
    }
}
