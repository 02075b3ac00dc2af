/// The one-line footer: key names and what they do. Hints that do not fit whole
/// are left out rather than cut.
public struct KeyHintBar: Widget {
    public var hints: [(key: String, label: String)]

    public init(hints: [(key: String, label: String)]) {
        self.hints = hints
    }

    public func render(in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect.line(0), slot: .keyhint)
        var column = rect.column
        for hint in hints {
            let need = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label)
            if column + need > rect.endColumn { break }
            column += canvas.write(hint.key, column: column, row: rect.row, slot: .keyhintKey)
            column += 1
            column += canvas.write(hint.label, column: column, row: rect.row, slot: .keyhint)
            column += 2
        }
    }
}
