/// A list with columns. Rows are produced on demand and only the visible ones are
/// asked for, so a list of 100,000 rows costs no more to draw than one of 30.
/// Every row is padded to the full width, so column edges line up on every row.
public struct Table: Widget {
    public struct Column: Sendable {
        public enum Width: Sendable { case fixed(Int), flexible(minimum: Int) }
        public var width: Width
        public var alignment: Alignment

        public init(_ width: Width, alignment: Alignment = .leading) {
            self.width = width
            self.alignment = alignment
        }
    }

    public struct Item: Sendable {
        public var text: String
        public var slot: StyleSlot
        /// Search matches in this cell are highlighted.
        public var searchable: Bool
        /// Drawn as a progress bar of this fraction instead of text.
        public var gauge: Double?
        /// Drawn as this bar instead of text.
        public var bar: StackedBar?

        public init(_ text: String, _ slot: StyleSlot = .text, searchable: Bool = false) {
            self.text = text
            self.slot = slot
            self.searchable = searchable
        }

        public static func gauge(_ fraction: Double) -> Item {
            var item = Item("")
            item.gauge = fraction
            return item
        }

        public static func bar(_ bar: StackedBar) -> Item {
            var item = Item("")
            item.bar = bar
            return item
        }
    }

    public var columns: [Column]
    public var header: [String]?
    public var rowCount: Int
    /// The first row shown.
    public var offset: Int
    public var selected: Int?
    public var selectionSlot: StyleSlot
    /// Text to highlight (search) in searchable cells.
    public var highlight: Highlight?
    public var row: (Int) -> [Item]

    public init(columns: [Column], header: [String]? = nil, rowCount: Int, offset: Int = 0, selected: Int? = nil,
                selectionSlot: StyleSlot = .selection, highlight: Highlight? = nil, row: @escaping (Int) -> [Item]) {
        self.columns = columns
        self.header = header
        self.rowCount = rowCount
        self.offset = offset
        self.selected = selected
        self.selectionSlot = selectionSlot
        self.highlight = highlight
        self.row = row
    }

    /// Column widths for a total width, one space between columns; flexible
    /// columns share what the fixed ones leave, below their minimum if they must,
    /// so a fixed column (a count) is cut only when the fixed ones alone are too wide.
    public static func widths(of columns: [Column], total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        var fixed = 0, flexMinimum = 0, flexCount = 0
        for column in columns {
            switch column.width {
            case let .fixed(n): fixed += n
            case let .flexible(minimum): flexMinimum += minimum; flexCount += 1
            }
        }
        let spare = max(min(flexMinimum, flexCount), total - gaps - fixed)
        var remaining = spare
        var flexSeen = 0
        return columns.map { column in
            switch column.width {
            case let .fixed(n): return n
            case .flexible:
                flexSeen += 1
                let share = flexSeen == flexCount ? remaining : spare / max(1, flexCount)
                remaining -= share
                return share
            }
        }
    }

    /// The first row to show so that `selected` is visible, moving as little as possible.
    public static func offset(showing selected: Int, visibleRows: Int, current: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var offset = current
        if selected < offset { offset = selected }
        if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        return max(0, min(offset, rowCount - visibleRows))
    }

    public func render(in rect: Rect, on canvas: inout Canvas) {
        let widths = Table.widths(of: columns, total: rect.width)
        var body = rect
        if let header {
            let (top, rest) = rect.splitTop(1)
            draw(header.map { Item($0, .header) }, widths: widths, in: top, on: &canvas, rowSlot: .header)
            body = rest
        }
        for line in 0..<body.height {
            let index = offset + line
            let target = body.line(line)
            guard index < rowCount else { canvas.fill(target, slot: .text); continue }
            let isSelected = index == selected
            draw(row(index), widths: widths, in: target, on: &canvas, rowSlot: isSelected ? selectionSlot : nil)
        }
    }

    private func draw(_ items: [Item], widths: [Int], in rect: Rect, on canvas: inout Canvas, rowSlot: StyleSlot?) {
        var column = rect.column
        for (i, width) in widths.enumerated() {
            let item = i < items.count ? items[i] : Item("")
            if let bar = item.bar {
                bar.render(in: Rect(column: column, row: rect.row, width: width, height: 1), on: &canvas)
            } else if let fraction = item.gauge {
                Gauge(fraction: fraction).render(in: Rect(column: column, row: rect.row, width: width, height: 1), on: &canvas)
            } else {
                let text = TextLayout.fit(item.text, toWidth: width, alignment: columns[i].alignment)
                canvas.write(text, column: column, row: rect.row, slot: rowSlot ?? item.slot, limit: width)
            }
            if let highlight, item.searchable {
                canvas.highlight(highlight, row: rect.row, column: column, width: width, slot: .searchMatch)
            }
            column += width
            if i < widths.count - 1 {
                canvas.write(" ", column: column, row: rect.row, slot: rowSlot ?? .text, limit: 1)
                column += 1
            }
        }
        if column < rect.endColumn {
            canvas.fill(Rect(column: column, row: rect.row, width: rect.endColumn - column, height: 1), slot: rowSlot ?? .text)
        }
    }
}
