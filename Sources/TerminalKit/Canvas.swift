/// A grid of cells that screens draw into; a terminal backend flushes it. Writing
/// keeps wide characters whole: overwriting half of one blanks the other half.
public struct Canvas: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: StyleSlot = .text) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank(fill), count: self.size.width * self.size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(column: Int, row: Int) -> Cell {
        cells[row * size.width + column]
    }

    /// Sets one cell, repairing any wide character it cuts through.
    private mutating func set(_ cell: Cell, column: Int, row: Int) {
        let w = size.width
        let base = row * w
        let old = cells[base + column]
        if old.isContinuation, column > 0 {
            cells[base + column - 1] = .blank(cells[base + column - 1].slot)
        }
        if old.width == 2, column + 1 < w {
            cells[base + column + 1] = .blank(old.slot)
        }
        cells[base + column] = cell
        if cell.width == 2, column + 1 < w {
            let next = cells[base + column + 1]
            if next.width == 2, column + 2 < w { cells[base + column + 2] = .blank(next.slot) }
            cells[base + column + 1] = .continuation(cell.slot)
        }
    }

    /// Writes `text` from (`column`, `row`), clipped to `limit` columns and to the
    /// canvas; a wide character that does not fit whole leaves a blank. The text
    /// passes `TerminalText.sanitized` (controls shown visibly, a line break as
    /// `↵`). Returns the columns written.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, column: Int, row: Int, slot: StyleSlot,
                               limit: Int = .max) -> Int {
        guard row >= 0, row < size.height, column < size.width else { return 0 }
        let end = min(size.width, limit == .max ? size.width : column + max(0, limit))
        var x = column
        for character in TerminalText.sanitized(text) {
            // Most graphemes are one scalar; an emoji sequence is drawn as its pieces, each a cell of its own.
            let pieces = character.unicodeScalars.count == 1
                ? [(text: String(character), width: DisplayWidth.of(character))] : DisplayWidth.pieces(of: character)
            for (shown, w) in pieces {
                if w == 0 { continue } // a stray combining mark or format character: nothing to draw
                if x + w > end {
                    if x < end, x >= 0 { set(.blank(slot), column: x, row: row); x += 1 }
                    return max(0, x - column)
                }
                if x >= 0 { set(Cell(text: shown, width: w, slot: slot), column: x, row: row) }
                x += w
            }
        }
        return max(0, x - column)
    }

    /// Fills a rectangle with blanks of `slot`.
    public mutating func fill(_ rect: Rect, slot: StyleSlot) {
        let r = clip(rect)
        for row in r.row..<r.endRow {
            for column in r.column..<r.endColumn { set(.blank(slot), column: column, row: row) }
        }
    }

    /// Changes the slot of every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, slot: StyleSlot) {
        let r = clip(rect)
        for row in r.row..<r.endRow {
            for column in r.column..<r.endColumn { cells[row * size.width + column].slot = slot }
        }
    }

    /// Restyles every occurrence of the highlight's query (compared folded) within
    /// one row between `column` and `column + width`.
    public mutating func highlight(_ highlight: Highlight, row: Int, column: Int, width: Int, slot: StyleSlot) {
        guard !highlight.query.isEmpty, row >= 0, row < size.height else { return }
        let start = max(0, column), end = min(size.width, column + width)
        guard start < end else { return }
        // The row's graphemes and the query's, folded, as runs of one flat array
        // each (grapheme k is scalars[starts[k]..<starts[k + 1]]): no string per cell.
        var cells = (scalars: [Unicode.Scalar](), starts: [Int](), columns: [Int]())
        for x in start..<end where !self[x, row].isContinuation {
            cells.starts.append(cells.scalars.count)
            cells.columns.append(x)
            for scalar in self[x, row].text.unicodeScalars { cells.scalars.append(highlight.fold(scalar)) }
        }
        cells.starts.append(cells.scalars.count)
        var needle = (scalars: [Unicode.Scalar](), starts: [Int]())
        for character in highlight.query {
            needle.starts.append(needle.scalars.count)
            for scalar in character.unicodeScalars { needle.scalars.append(highlight.fold(scalar)) }
        }
        needle.starts.append(needle.scalars.count)
        let count = needle.starts.count - 1
        func same(_ i: Int, _ k: Int) -> Bool {
            cells.scalars[cells.starts[i]..<cells.starts[i + 1]].elementsEqual(needle.scalars[needle.starts[k]..<needle.starts[k + 1]])
        }
        var i = 0
        while i + count <= cells.columns.count {
            if (0..<count).allSatisfy({ same(i + $0, $0) }) {
                let first = cells.columns[i]
                let lastColumn = cells.columns[i + count - 1]
                let last = lastColumn + max(1, self[lastColumn, row].width)
                restyle(Rect(column: first, row: row, width: last - first, height: 1), slot: slot)
                i += count
            } else {
                i += 1
            }
        }
    }

    public func clip(_ rect: Rect) -> Rect {
        let c = max(0, rect.column), r = max(0, rect.row)
        return Rect(column: c, row: r, width: min(size.width, rect.endColumn) - c, height: min(size.height, rect.endRow) - r)
    }

    /// The canvas as text, one string per row, continuation cells left out: what a
    /// terminal shows, for tests and `--render-once`.
    public var lines: [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width where !self[column, row].isContinuation { line += self[column, row].text }
            return line
        }
    }

    /// The slot of the cell at each column of a row, for tests that check styling.
    public func slots(row: Int) -> [StyleSlot] {
        (0..<size.width).map { self[$0, row].slot }
    }
}
