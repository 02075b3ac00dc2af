/// A value written as a JSON object, field by field. Its `Encodable` conformance is
/// made from `fields(into:)`, so every encoder writes the same object; `JSONWriter`
/// writes it without the `Encoder` machinery (a boxed container, a coding key and a
/// generic call per field), which was most of the instructions of a listing's rows.
public protocol JSONObject: Encodable {
    /// Writes each field, in any order (`JSONWriter` sorts keys as `JSONEncoder` does); in key
    /// order, nothing is moved after (a plan's objects are written that way).
    func fields(into object: inout JSONFields) throws
}

extension JSONObject {
    public func encode(to encoder: any Encoder) throws {
        var object = JSONFields(encoder)
        try fields(into: &object)
    }
}

/// Where `JSONObject.fields(into:)` writes: straight into `JSONWriter`'s buffer, or an
/// other encoder's keyed container. A second object written to the same encoder adds
/// its fields to the first's, as a second `container(keyedBy:)` does.
public struct JSONFields {
    /// `JSONWriter`'s encoder and the object it writes; nil for any other encoder.
    private let writer: JSONStreamEncoder?
    private let handle: JSONSink.Handle
    private var container: KeyedEncodingContainer<JSONKey>?

    /// The fields of the object `JSONWriter`'s `stream` writes.
    init(stream: JSONStreamEncoder) {
        writer = stream
        handle = stream.openObject()
    }

    /// The fields of the object `encoder` writes.
    public init(_ encoder: any Encoder) {
        if let stream = Self.stream(encoder) {
            writer = stream
            handle = stream.openObject()
        } else {
            writer = nil
            handle = JSONSink.Handle(index: 0, id: 0)
            container = encoder.container(keyedBy: JSONKey.self)
        }
    }

    /// `JSONWriter`'s encoder, found by comparing the opened type with it: a dynamic cast per object
    /// (`as?`) was a tenth of writing an import's plans.
    private static func stream<E: Encoder>(_ encoder: E) -> JSONStreamEncoder? {
        guard E.self == JSONStreamEncoder.self else { return nil }
        return withUnsafePointer(to: encoder) { $0.withMemoryRebound(to: JSONStreamEncoder.self, capacity: 1) { $0.pointee } }
    }

    public mutating func field(_ key: StaticString, _ value: String) throws {
        guard let sink = writer?.sink else { return try container?.encode(value, forKey: JSONKey(key.description)) ?? () }
        sink.beginEntry(handle, literal: key)
        sink.string(value)
    }

    public mutating func field(_ key: StaticString, _ value: Int) throws {
        guard let sink = writer?.sink else { return try container?.encode(value, forKey: JSONKey(key.description)) ?? () }
        sink.beginEntry(handle, literal: key)
        sink.integer(value)
    }

    public mutating func field(_ key: StaticString, _ value: Bool) throws {
        guard let sink = writer?.sink else { return try container?.encode(value, forKey: JSONKey(key.description)) ?? () }
        sink.beginEntry(handle, literal: key)
        sink.bool(value)
    }

    /// A value if there is one; nil leaves the key out, as a synthesized conformance's `encodeIfPresent` does.
    public mutating func field<T: Encodable>(_ key: StaticString, ifPresent value: T?) throws {
        guard let value else { return }
        try field(key, value)
    }

    /// An array, element by element: the same bytes as `Array`'s conformance, without its unkeyed
    /// container and a generic call through it per element (a plan's measures, a measure's tasks).
    public mutating func field<T: Encodable>(_ key: StaticString, _ values: [T]) throws {
        try array(key, values) { sink, array, n in
            try sink.value(values[n], depth: array.depth + 1, parent: array, key: JSONIndexKey(intValue: n))
        }
    }

    /// `values` under `key`, each element written by `element` (given the sink, the array's encoder and the index).
    private mutating func array<T: Encodable>(_ key: StaticString, _ values: [T],
                                              _ element: (JSONSink, JSONStreamEncoder, Int) throws -> Void) throws {
        guard let writer else { return try container?.encode(values, forKey: JSONKey(key.description)) ?? () }
        let sink = writer.sink
        sink.beginEntry(handle, literal: key)
        let array = sink.encoder(depth: writer.depth + 1, parent: writer, key: JSONKey(literal: key))
        let elements = array.openArray()
        // By index: this is not specialized per element type, and an iterator's generic type would be looked up per call.
        for n in 0..<values.count {
            sink.beginElement(elements)
            try element(sink, array, n)
        }
    }

    /// A nested `JSONObject` written through its fields, with no `Encoder` made for it: opening one
    /// through `encode(to:)` was a third of writing a listing's units (a plan's measures, tasks and
    /// units are such objects too). The same bytes as its `Encodable` conformance writes.
    public mutating func field<T: JSONObject>(_ key: StaticString, _ value: T) throws {
        guard let writer else { return try container?.encode(value, forKey: JSONKey(key.description)) ?? () }
        writer.sink.beginEntry(handle, literal: key)
        var object = JSONFields(stream: writer.sink.encoder(depth: writer.depth + 1, parent: writer, key: JSONKey(literal: key)))
        try value.fields(into: &object)
    }

    /// A `JSONObject` or `null`.
    public mutating func field<T: JSONObject>(_ key: StaticString, _ value: T?) throws {
        guard let value else { return try field(key, nil as String?) }
        try field(key, value)
    }

    /// An array of `JSONObject`s, each written through its fields (`field(_:_:)` of one).
    public mutating func field<T: JSONObject>(_ key: StaticString, _ values: [T]) throws {
        try array(key, values) { sink, array, n in
            var object = JSONFields(stream: sink.encoder(depth: array.depth + 1, parent: array, key: JSONIndexKey(intValue: n)))
            try values[n].fields(into: &object)
        }
    }

    /// Any other value (optionals, numbers, nested objects) as its `Encodable` conformance writes it.
    public mutating func field<T: Encodable>(_ key: StaticString, _ value: T) throws {
        guard let writer else { return try container?.encode(value, forKey: JSONKey(key.description)) ?? () }
        writer.sink.beginEntry(handle, literal: key)
        try writer.sink.value(value, depth: writer.depth + 1, parent: writer, key: JSONKey(literal: key))
    }
}

/// A key named by its text, or by a literal made text only if a coding path is asked for (an error).
enum JSONKey: CodingKey {
    case literal(StaticString)
    case text(String)

    var stringValue: String {
        switch self {
        case let .literal(key): key.description
        case let .text(key): key
        }
    }
    var intValue: Int? { nil }
    init(_ text: String) { self = .text(text) }
    init(literal: StaticString) { self = .literal(literal) }
    init?(stringValue: String) { self = .text(stringValue) }
    init?(intValue: Int) { nil }

    /// The key's UTF-8: a literal's where it lies.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch self {
        case let .literal(key) where key.hasPointerRepresentation:
            return body(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        default:
            var text = stringValue
            return text.withUTF8(body)
        }
    }
}
