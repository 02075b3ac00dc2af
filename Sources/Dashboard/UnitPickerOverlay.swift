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
        let box = state.layout.pickerBox(options: options.count, kind: picker.kind)
        let verb = picker.kind == .assign ? Label.assignTo : Label.removeFrom
        Box(title: "\(verb.text(language)) \(state.shortID(picker.target))").render(in: box, on: &canvas)
        let inner = Box.inner(box)
        var row = inner.row
        canvas.write("› " + picker.editor.shown(width: inner.width - 3), column: inner.column + 1, row: row, slot: .prompt,
                     limit: inner.width - 1)
        row += 1
        if picker.kind == .assign {
            let role = "\(Label.role.text(language)): \(Label.of(picker.role).text(language))  (Tab: \(Label.toggleRole.text(language)))"
            canvas.write(role, column: inner.column + 1, row: row, slot: .textMuted, limit: inner.width - 1)
            row += 1
        }
        let roles = picker.kind == .remove ? Dictionary(state.workspace.measure(picker.target).map(state.workspace.units(of:))?
            .map { ($0.name, $0.role) } ?? [], uniquingKeysWith: { first, _ in first }) : [:]
        let cursor = picker.cursor
        for line in 0..<cursor.visibleRows {
            guard let index = cursor.row(atLine: line), options.indices.contains(index) else { break }
            var text = options[index]
            if index == options.count - 1, let newName, newName == text { text = "+ \(Label.newUnit.text(language)): \(text)" }
            if let role = roles[options[index]] { text += "（\(Label.of(role).text(language))）" }
            let rowRect = Rect(column: inner.column, row: row + line, width: inner.width, height: 1)
            canvas.write(" " + text, column: rowRect.column, row: rowRect.row, slot: .overlay, limit: rowRect.width)
            if index == cursor.row { canvas.restyle(rowRect, slot: .selection) }
        }
    }
}
