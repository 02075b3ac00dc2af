/// Any JSON value, so theme files can be checked key by key with exact messages.
enum JSONValue: Decodable, Equatable {
    case bool(Bool), number(Double), string(String), object([String: JSONValue]), array([JSONValue]), null

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let o = try? c.decode([String: JSONValue].self) { self = .object(o) }
        else { self = .array(try c.decode([JSONValue].self)) }
    }

    /// A colour written as a string or as a bare 0–255 number.
    var colourText: String? {
        switch self {
        case let .string(s): s
        case let .number(n) where n == n.rounded(): String(Int(n))
        default: nil
        }
    }
}
