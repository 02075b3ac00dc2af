/// A rectangle of terminal cells: `column`/`row` of the top-left cell, `width`/`height` in cells.
public struct Rect: Equatable, Hashable, Sendable {
    public var column: Int
    public var row: Int
    public var width: Int
    public var height: Int

    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(size: Size) {
        self.init(column: 0, row: 0, width: size.width, height: size.height)
    }

    public var size: Size { Size(width: width, height: height) }
    public var endColumn: Int { column + width }
    public var endRow: Int { row + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(column c: Int, row r: Int) -> Bool {
        (column..<endColumn).contains(c) && (row..<endRow).contains(r)
    }

    /// The rectangle shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(column: column + amount, row: row + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// Splits off the top `count` rows: (top, rest).
    public func splitTop(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), height)
        return (Rect(column: column, row: row, width: width, height: n),
                Rect(column: column, row: row + n, width: width, height: height - n))
    }

    /// One row of the rectangle, relative to its top.
    public func line(_ index: Int) -> Rect {
        Rect(column: column, row: row + index, width: width, height: index < height ? 1 : 0)
    }

    /// A rectangle of at most `size`, centred in this one.
    public func centered(_ size: Size) -> Rect {
        let w = min(size.width, width), h = min(size.height, height)
        return Rect(column: column + (width - w) / 2, row: row + (height - h) / 2, width: w, height: h)
    }
}
