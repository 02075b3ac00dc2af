import PlanModel
import TerminalKit

/// Draws the `MeasureDocument` of the selected measure from `measureScroll`,
/// the cursor's checklist row marked ▸ and highlighted. Scrolls as one document.
struct MeasureScreen: Widget {
    let state: AppState

    func render(in rect: Rect, on canvas: inout Canvas) {
        let doc = MeasureDocument(state, width: rect.width)
        let selection = state.checklistRow
        let highlight = state.search.highlight
        for i in 0..<rect.height {
            let index = state.measureScroll + i
            guard index < doc.lines.count else { break }
            let line = doc.lines[index]
            let row = rect.row + i
            let selected = line.checklist != nil && line.checklist == selection
            let marker = selected ? "▸" : " "
            canvas.write(marker + line.text, column: rect.column, row: row, slot: line.slot, limit: rect.width)
            if selected { canvas.restyle(rect.line(i), slot: .selection) }
            if let highlight { canvas.highlight(highlight, row: row, column: rect.column, width: rect.width, slot: .searchMatch) }
        }
    }
}
