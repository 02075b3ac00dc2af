/// A bordered box with a title, drawn over whatever is below (overlays).
public struct Box: Widget {
    public var title: String
    public var borderSlot: StyleSlot
    public var fillSlot: StyleSlot

    public init(title: String, borderSlot: StyleSlot = .overlayBorder, fillSlot: StyleSlot = .overlay) {
        self.title = title
        self.borderSlot = borderSlot
        self.fillSlot = fillSlot
    }

    /// The area inside the border.
    public static func inner(_ rect: Rect) -> Rect { rect.inset(by: 1) }

    public func render(in rect: Rect, on canvas: inout Canvas) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        canvas.fill(rect, slot: fillSlot)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        canvas.write("┌" + horizontal + "┐", column: rect.column, row: rect.row, slot: borderSlot)
        canvas.write("└" + horizontal + "┘", column: rect.column, row: rect.endRow - 1, slot: borderSlot)
        for row in rect.row + 1..<rect.endRow - 1 {
            canvas.write("│", column: rect.column, row: row, slot: borderSlot)
            canvas.write("│", column: rect.endColumn - 1, row: row, slot: borderSlot)
        }
        let caption = " " + TextLayout.truncate(title, toWidth: max(0, rect.width - 6)) + " "
        canvas.write(caption, column: rect.column + 2, row: rect.row, slot: .title, limit: rect.width - 4)
    }
}
