/// Text to mark in a row (a search's query) and how to compare it: cells and
/// query both pass `fold`, which must map one scalar to one scalar (lower case,
/// traditional → simplified), so the marked cells are exactly those displayed.
public struct Highlight {
    public var query: String
    public var fold: (Unicode.Scalar) -> Unicode.Scalar

    /// ASCII case ignored unless `fold` says otherwise.
    public init(_ query: String, fold: @escaping (Unicode.Scalar) -> Unicode.Scalar = Highlight.lowercasedASCII) {
        self.query = query
        self.fold = fold
    }

    public static func lowercasedASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value &- 0x41 < 26 ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
    }
}
