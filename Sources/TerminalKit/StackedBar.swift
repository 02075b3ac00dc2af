/// A bar of several parts side by side (e.g. done, doing, blocked, todo), each
/// with its own glyph and style so it reads without colour. Its length is the
/// parts' sum relative to `scale`, so bars of several rows compare.
public struct StackedBar: Widget, Sendable {
    public struct Part: Sendable {
        public var count: Int
        public var glyph: Character
        public var slot: StyleSlot

        public init(_ count: Int, glyph: Character, slot: StyleSlot) {
            self.count = count
            self.glyph = glyph
            self.slot = slot
        }
    }

    public var parts: [Part]
    /// The sum that fills the whole width.
    public var scale: Int

    public init(parts: [Part], scale: Int) {
        self.parts = parts
        self.scale = scale
    }

    /// Cells per part for a width: the bar's length rounded (at least one cell
    /// when anything counts), shared by largest remainder so the cells add up.
    public static func cells(of counts: [Int], scale: Int, width: Int) -> [Int] {
        let total = counts.reduce(0, +)
        guard total > 0, scale > 0, width > 0 else { return counts.map { _ in 0 } }
        let length = max(1, min(width, Int((Double(total) / Double(scale) * Double(width)).rounded())))
        let exact = counts.map { Double($0) / Double(total) * Double(length) }
        var cells = exact.map { Int($0.rounded(.down)) }
        let byRemainder = exact.indices.sorted { (exact[$0] - Double(cells[$0]), -$0) > (exact[$1] - Double(cells[$1]), -$1) }
        for index in byRemainder.prefix(length - cells.reduce(0, +)) { cells[index] += 1 }
        return cells
    }

    public func render(in rect: Rect, on canvas: inout Canvas) {
        let cells = StackedBar.cells(of: parts.map(\.count), scale: scale, width: rect.width)
        var column = rect.column
        for (part, count) in zip(parts, cells) where count > 0 {
            canvas.write(String(repeating: part.glyph, count: count), column: column, row: rect.row, slot: part.slot, limit: count)
            column += count
        }
        if column < rect.endColumn {
            canvas.fill(Rect(column: column, row: rect.row, width: rect.endColumn - column, height: 1), slot: .text)
        }
    }
}
