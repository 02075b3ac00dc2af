import PlanModel
import TerminalKit

/// The `?` overlay: every binding of the current screen, from the same key map
/// that dispatches keys. Two columns when they fit the width; rows that still do
/// not fit the height scroll (`HelpOverlay.Grid`).
struct HelpOverlay: Widget {
    let bindings: [Binding]
    let language: Language
    let screenTitle: String
    /// The first row shown.
    let offset: Int

    /// How the bindings are laid out in an area; `apply` uses it too, to scroll.
    struct Grid: Equatable {
        var keyWidth: Int
        var labelWidth: Int
        var columns: Int
        /// Rows needed for every binding, and how many of them fit.
        var rows: Int
        var visibleRows: Int
        var box: Rect

        var maxOffset: Int { max(0, rows - visibleRows) }
        var entryWidth: Int { keyWidth + 1 + labelWidth }

        static let gap = 3

        init(bindings: [Binding], language: Language, in rect: Rect) {
            keyWidth = min(24, bindings.map { DisplayWidth.of($0.keyNames) }.max() ?? 8)
            labelWidth = bindings.map { DisplayWidth.of($0.label.text(language)) }.max() ?? 8
            // Border, title row and the closing line; one free row and column around the box.
            let fitRows = max(1, rect.height - 5)
            let entry = keyWidth + 1 + labelWidth
            func boxWidth(_ columns: Int) -> Int { columns * entry + (columns - 1) * Grid.gap + 4 }
            columns = bindings.count > 1 && boxWidth(2) <= rect.width - 2 ? 2 : 1
            rows = (bindings.count + columns - 1) / columns
            visibleRows = min(rows, fitRows)
            let closing = DisplayWidth.of(Label.pressAnyKey.text(language)) + DisplayWidth.of(Label.more.text(language)) + 16
            let width = min(rect.width - 2, max(boxWidth(columns), closing))
            box = rect.centered(Size(width: width, height: min(rect.height - 2, visibleRows + 3)))
        }
    }

    func render(in rect: Rect, on canvas: inout Canvas) {
        let grid = Grid(bindings: bindings, language: language, in: rect)
        Box(title: "\(Label.help.text(language)) · \(screenTitle)").render(in: grid.box, on: &canvas)
        let inner = Box.inner(grid.box)
        let offset = max(0, min(self.offset, grid.maxOffset))
        for column in 0..<grid.columns {
            let left = inner.column + 1 + column * (grid.entryWidth + Grid.gap)
            let room = inner.endColumn - left - 1
            for line in 0..<grid.visibleRows {
                let index = column * grid.rows + offset + line
                guard line + offset < grid.rows, bindings.indices.contains(index) else { break }
                let binding = bindings[index]
                let row = inner.row + line
                canvas.write(TextLayout.fit(binding.keyNames, toWidth: grid.keyWidth), column: left, row: row,
                             slot: .keyhintKey, limit: min(grid.keyWidth, room))
                canvas.write(binding.label.text(language), column: left + grid.keyWidth + 1, row: row, slot: .overlay,
                             limit: min(grid.labelWidth, room - grid.keyWidth - 1))
            }
        }
        let closeRow = inner.endRow - 1
        canvas.write(TextLayout.truncate(Label.pressAnyKey.text(language), toWidth: inner.width - 1), column: inner.column + 1,
                     row: closeRow, slot: .textMuted)
        if grid.maxOffset > 0 {
            // Which way there is more: ▲ above, ▼ below.
            let arrows = (offset > 0 ? "▲" : "") + (offset < grid.maxOffset ? "▼" : "")
            let more = "\(arrows) \(Label.more.text(language)) \(offset + 1)–\(offset + grid.visibleRows)/\(grid.rows)"
            canvas.write(more, column: inner.endColumn - DisplayWidth.of(more) - 1, row: closeRow, slot: .keyhintKey)
        }
    }
}

extension AppState {
    /// The help overlay's layout for the current screen and window.
    var helpGrid: HelpOverlay.Grid {
        HelpOverlay.Grid(bindings: KeyMap.bindings(for: screen, searching: search.isActive), language: language,
                         in: Rect(size: size))
    }

    /// While the help shows, ↑/↓/PgUp/PgDn (and the wheel) scroll it; any other key closes it.
    mutating func scrollHelp(_ key: Key) {
        let page = max(1, helpGrid.visibleRows - 1)
        switch key {
        case .up: helpOffset -= 1
        case .down: helpOffset += 1
        case .pageUp: helpOffset -= page
        case .pageDown: helpOffset += page
        case let .mouse(event) where event.kind == .wheelUp: helpOffset -= 3
        case let .mouse(event) where event.kind == .wheelDown: helpOffset += 3
        default: showsHelp = false
        }
    }
}
