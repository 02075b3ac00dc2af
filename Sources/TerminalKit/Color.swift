/// A colour as a theme names it: the terminal's default, one of the 256 indexed
/// colours (0–15 are the ANSI ones), or 24-bit RGB mapped to the nearest the
/// terminal has.
public enum Color: Equatable, Hashable, Sendable {
    case `default`
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, an ANSI name (`red`, `bright-red`), `#rrggbb`, or `0`…`255`.
    public init?(_ text: String) {
        let t = text.lowercased()
        if t == "default" { self = .default; return }
        if let i = Color.ansiNames.firstIndex(of: t) { self = .indexed(i); return }
        if t.hasPrefix("bright-"), let i = Color.ansiNames.firstIndex(of: String(t.dropFirst(7))) { self = .indexed(8 + i); return }
        if let n = Int(t), (0...255).contains(n) { self = .indexed(n); return }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
            return
        }
        return nil
    }

    /// The xterm 256-colour index; nil for the terminal default.
    public var index256: Int? {
        switch self {
        case .default: return nil
        case let .indexed(n): return n
        case let .rgb(r, g, b):
            func cube(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
            let cubeIndex = 16 + 36 * cube(r) + 6 * cube(g) + cube(b)
            let average = (Int(r) + Int(g) + Int(b)) / 3
            let grayIndex = average > 238 ? 255 : 232 + max(0, average - 3) / 10
            return Color.distance(Color.rgbOf(index: cubeIndex), (r, g, b))
                <= Color.distance(Color.rgbOf(index: grayIndex), (r, g, b)) ? cubeIndex : grayIndex
        }
    }

    /// The nearest of the 8 basic colours, for terminals without 256; nil for default.
    public var index8: Int? {
        guard let i = index256 else { return nil }
        if i < 16 { return i % 8 }
        let target = Color.rgbOf(index: i)
        return (0..<8).min { Color.distance(Color.rgbOf(index: $0), target) < Color.distance(Color.rgbOf(index: $1), target) }
    }

    static func rgbOf(index i: Int) -> (UInt8, UInt8, UInt8) {
        let basic: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if i < 16 { return basic[max(0, i)] }
        if i < 232 {
            let n = i - 16
            func level(_ v: Int) -> UInt8 { v == 0 ? 0 : UInt8(55 + 40 * v) }
            return (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        let g = UInt8(8 + 10 * (i - 232))
        return (g, g, g)
    }

    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
