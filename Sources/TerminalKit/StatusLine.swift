/// One line with text on the left and on the right; the left side is truncated
/// first so the right side (position, counts) stays readable.
public struct StatusLine: Widget {
    public var left: String
    public var leftSlot: StyleSlot
    public var right: String

    public init(left: String, leftSlot: StyleSlot = .statusline, right: String = "") {
        self.left = left
        self.leftSlot = leftSlot
        self.right = right
    }

    public func render(in rect: Rect, on canvas: inout Canvas) {
        let line = rect.line(0)
        canvas.fill(line, slot: .statusline)
        let rightText = TextLayout.truncate(right, toWidth: max(0, line.width - 1))
        let rightWidth = DisplayWidth.of(rightText)
        let leftWidth = max(0, line.width - rightWidth - (rightWidth > 0 ? 2 : 0))
        canvas.write(" " + TextLayout.truncate(left, toWidth: max(0, leftWidth - 1)), column: line.column, row: line.row,
                     slot: leftSlot, limit: leftWidth)
        canvas.write(rightText, column: line.endColumn - rightWidth, row: line.row, slot: .statusline, limit: rightWidth)
    }
}
