import PlanModel
import TerminalKit

/// How the help overlay lays out the bindings in an area: shared by the overlay,
/// which draws it, and the update step, which scrolls it.
struct HelpGrid: Equatable {
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
        func boxWidth(_ columns: Int) -> Int { columns * entry + (columns - 1) * HelpGrid.gap + 4 }
        columns = bindings.count > 1 && boxWidth(2) <= rect.width - 2 ? 2 : 1
        rows = (bindings.count + columns - 1) / columns
        visibleRows = min(rows, fitRows)
        let closing = DisplayWidth.of(Label.pressAnyKey.text(language)) + DisplayWidth.of(Label.more.text(language)) + 16
        let width = min(rect.width - 2, max(boxWidth(columns), closing))
        box = rect.centered(Size(width: width, height: min(rect.height - 2, visibleRows + 3)))
    }
}
