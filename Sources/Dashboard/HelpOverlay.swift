import TerminalKit

/// The `?` overlay: every binding of the current screen, from the same key map
/// that dispatches keys.
struct HelpOverlay: Widget {
    let bindings: [Binding]
    let language: Language
    let screenTitle: String

    func render(in rect: Rect, on canvas: inout Canvas) {
        let keyWidth = min(24, bindings.map { DisplayWidth.of($0.keyNames) }.max() ?? 8)
        let labelWidth = bindings.map { DisplayWidth.of($0.label.text(language)) }.max() ?? 8
        let width = min(rect.width - 2, keyWidth + labelWidth + 6)
        let height = min(rect.height - 2, bindings.count + 3)
        let box = rect.centered(Size(width: width, height: height))
        Box(title: "\(Label.help.text(language)) · \(screenTitle)").render(in: box, on: &canvas)
        let inner = Box.inner(box)
        let shown = bindings.prefix(max(0, inner.height - 1))
        for (i, binding) in shown.enumerated() {
            let row = inner.row + i
            canvas.write(TextLayout.fit(binding.keyNames, toWidth: keyWidth), column: inner.column + 1, row: row,
                         slot: .keyhintKey, limit: keyWidth)
            canvas.write(binding.label.text(language), column: inner.column + 2 + keyWidth, row: row, slot: .overlay,
                         limit: inner.width - keyWidth - 2)
        }
        let close = Label.pressAnyKey.text(language)
        canvas.write(TextLayout.truncate(close, toWidth: inner.width - 1), column: inner.column + 1, row: inner.endRow - 1,
                     slot: .textMuted)
    }
}
