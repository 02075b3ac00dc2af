/// Random strings of scalars from a pool, the same for a seed: text with the marks, joiners and
/// widths that a fast path must take as its slow path does (a linear congruential generator).
public struct RandomScalars {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

    /// A number in `0..<bound`.
    public mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }

    /// Up to `maxLength` scalars, each from `pool`.
    public mutating func string(of pool: [Unicode.Scalar], upTo maxLength: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<next(maxLength + 1) { scalars.append(pool[next(pool.count)]) }
        return String(scalars)
    }
}

extension String {
    /// The scalars in hex, for a failed expectation's message.
    public var scalarCodes: String { unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }
}
