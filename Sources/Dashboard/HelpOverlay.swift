import PlanModel
import TerminalKit

/// The `?` overlay: every binding of the current screen, from the same key map
/// that dispatches keys. Two columns when they fit the width; rows that still do
/// not fit the height scroll (`HelpGrid`).
struct HelpOverlay: Widget {
    let bindings: [Binding]
    let language: Language
    let screenTitle: String
    /// The first row shown.
    let offset: Int

    func render(in rect: Rect, on canvas: inout Canvas) {
        let grid = HelpGrid(bindings: bindings, language: language, in: rect)
        Box(title: "\(Label.help.text(language)) · \(screenTitle)").render(in: grid.box, on: &canvas)
        let inner = Box.inner(grid.box)
        let offset = max(0, min(self.offset, grid.maxOffset))
        for column in 0..<grid.columns {
            let left = inner.column + 1 + column * (grid.entryWidth + HelpGrid.gap)
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
