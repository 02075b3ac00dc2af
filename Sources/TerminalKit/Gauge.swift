/// A progress bar: filled and empty parts are different glyphs (█ and ░), so it
/// reads without colour too.
public struct Gauge: Widget {
    public var fraction: Double

    public init(fraction: Double) {
        self.fraction = fraction
    }

    /// How many of `width` cells are filled; rounds down so that only a complete
    /// whole shows a full bar.
    public static func filledCells(fraction: Double, width: Int) -> Int {
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        return min(width, Int((f * Double(width)).rounded(.down)))
    }

    public func render(in rect: Rect, on canvas: inout Canvas) {
        let filled = Gauge.filledCells(fraction: fraction, width: rect.width)
        canvas.write(String(repeating: "█", count: filled), column: rect.column, row: rect.row, slot: .gaugeFilled, limit: filled)
        canvas.write(String(repeating: "░", count: rect.width - filled), column: rect.column + filled, row: rect.row,
                     slot: .gaugeEmpty, limit: rect.width - filled)
    }
}
