/// A size in terminal cells.
public struct Size: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `WIDTHxHEIGHT`, e.g. `100x30`.
    public init?(_ text: String) {
        let parts = text.lowercased().split(separator: "x")
        // A terminal is never larger than this; a bigger request is a typo, not a screen.
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...1000).contains(h) else {
            return nil
        }
        self.init(width: w, height: h)
    }

    public var description: String { "\(width)x\(height)" }
}
