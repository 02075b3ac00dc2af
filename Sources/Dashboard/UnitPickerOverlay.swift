import PlanModel
import TerminalKit

/// The `a`/`A` overlay: what is typed, the role (for `a`), and the matching
/// unit names, the one under the cursor highlighted; a typed name that is not
/// in the list is offered as a new unit.
struct UnitPickerOverlay: Widget {
    let picker: UnitPicker
    let state: AppState

    func render(in rect: Rect, on canvas: inout Canvas) {
        let language = state.language
        let options = picker.options(directory: state.directory)
        let newName = picker.newName(directory: state.directory)
        let width = min(rect.width - 2, 52)
        let height = min(rect.height, 3 + (picker.kind == .assign ? 1 : 0) + max(1, min(options.count, 12)))
        let box = rect.centered(Size(width: width, height: height))
        let verb = picker.kind == .assign ? Label.assignTo : Label.removeFrom
        Box(title: "\(verb.text(language)) \(state.shortID(picker.target))").render(in: box, on: &canvas)
        let inner = Box.inner(box)
        var row = inner.row
        canvas.write("› \(picker.text)▏", column: inner.column + 1, row: row, slot: .prompt, limit: inner.width - 1)
        row += 1
        if picker.kind == .assign {
            let role = "\(Label.role.text(language)): \(Label.of(picker.role).text(language))  (Tab: \(Label.toggleRole.text(language)))"
            canvas.write(role, column: inner.column + 1, row: row, slot: .textMuted, limit: inner.width - 1)
            row += 1
        }
        let visible = max(1, inner.endRow - row)
        let offset = Table.offset(showing: picker.row, visibleRows: visible, current: 0, rowCount: options.count)
        let roles = picker.kind == .remove ? Dictionary(state.workspace.measure(picker.target).map(state.workspace.units(of:))?
            .map { ($0.name, $0.role) } ?? [], uniquingKeysWith: { first, _ in first }) : [:]
        for (i, index) in (offset..<min(options.count, offset + visible)).enumerated() {
            var text = options[index]
            if index == options.count - 1, let newName, newName == text { text = "+ \(Label.newUnit.text(language)): \(text)" }
            if let role = roles[options[index]] { text += "（\(Label.of(role).text(language))）" }
            let line = Rect(column: inner.column, row: row + i, width: inner.width, height: 1)
            canvas.write(" " + text, column: line.column, row: line.row, slot: .overlay, limit: line.width)
            if index == picker.row { canvas.restyle(line, slot: .selection) }
        }
    }
}
