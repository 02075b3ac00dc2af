/// The one-line footer: key names and what they do. `trailing` hints (help,
/// quit) are always shown at the right; the others fill the rest from the left,
/// and a hint that does not fit whole is left out rather than cut.
public struct KeyHintBar: Widget {
    public typealias Hint = (key: String, label: String)
    public var hints: [Hint]
    public var trailing: [Hint]

    public init(hints: [Hint], trailing: [Hint] = []) {
        self.hints = hints
        self.trailing = trailing
    }

    static func width(_ hint: Hint) -> Int {
        DisplayWidth.of(hint.key) + (hint.label.isEmpty ? 0 : 1 + DisplayWidth.of(hint.label))
    }

    public func render(in rect: Rect, on canvas: inout Canvas) {
        let line = rect.line(0)
        canvas.fill(line, slot: .keyhint)
        let trailingWidth = trailing.reduce(0) { $0 + KeyHintBar.width($1) + 2 }
        var column = max(line.column, line.endColumn - trailingWidth)
        let leftEnd = column
        for hint in trailing { column = draw(hint, at: column, row: line.row, end: line.endColumn, on: &canvas) }
        column = line.column + 1
        for hint in hints {
            if column + KeyHintBar.width(hint) > leftEnd - 2 { break }
            column = draw(hint, at: column, row: line.row, end: leftEnd, on: &canvas)
        }
    }

    private func draw(_ hint: Hint, at column: Int, row: Int, end: Int, on canvas: inout Canvas) -> Int {
        guard column + KeyHintBar.width(hint) <= end else { return column }
        var x = column + canvas.write(hint.key, column: column, row: row, slot: .keyhintKey)
        if !hint.label.isEmpty {
            x += 1
            x += canvas.write(hint.label, column: x, row: row, slot: .keyhint)
        }
        return x + 2
    }
}
