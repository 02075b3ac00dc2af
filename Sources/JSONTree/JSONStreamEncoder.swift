import FoundationEssentials

/// The `Encoder` behind `JSONWriter`: each container writes straight into the sink.
final class JSONStreamEncoder: Encoder {
    /// The sink owns the encoders and outlives the encoding they take part in.
    unowned(unsafe) let sink: JSONSink
    let depth: Int
    @exclusivity(unchecked) private(set) var parent: JSONStreamEncoder?
    @exclusivity(unchecked) private(set) var key: (any CodingKey)?
    /// The container this encoder opened; a second `container(keyedBy:)` adds to it, as in `JSONEncoder`.
    @exclusivity(unchecked) private var handle: JSONSink.Handle?

    init(sink: JSONSink, depth: Int, parent: JSONStreamEncoder? = nil, key: (any CodingKey)? = nil) {
        self.sink = sink
        self.depth = depth
        self.parent = parent
        self.key = key
    }

    /// Ready for a new value (encoders are reused per depth).
    func start(parent: JSONStreamEncoder?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
        handle = nil
    }

    /// Built only when asked (errors): most values never need it.
    var codingPath: [any CodingKey] { (parent?.codingPath ?? []) + (key.map { [$0] } ?? []) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private func open(object: Bool) -> JSONSink.Handle {
        if let handle, sink.isOpen(handle) { return handle }
        let opened = sink.open(object: object, depth: depth)
        handle = opened
        return opened
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self, handle: open(object: true)))
    }

    /// The object this encoder writes (`JSONFields` writes into it directly).
    func openObject() -> JSONSink.Handle { open(object: true) }

    /// The array this encoder writes (`JSONFields` writes its elements directly).
    func openArray() -> JSONSink.Handle { open(object: false) }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(encoder: self, handle: open(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueContainer(encoder: self) }
}

/// An array index in a coding path.
struct JSONIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONStreamEncoder
    let handle: JSONSink.Handle
    var sink: JSONSink { encoder.sink }
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func begin(_ key: Key) { sink.beginEntry(handle, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { begin(key); sink.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { begin(key); sink.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { begin(key); sink.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { begin(key); try sink.float(value, path: codingPath + [key]) }
    mutating func encode(_ value: Float, forKey key: Key) throws { begin(key); try sink.float(value, path: codingPath + [key]) }
    mutating func encode(_ value: Int, forKey key: Key) throws { begin(key); sink.integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { begin(key); sink.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { begin(key); sink.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { begin(key); sink.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { begin(key); sink.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { begin(key); sink.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { begin(key); sink.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { begin(key); sink.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { begin(key); sink.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { begin(key); sink.integer(value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        begin(key)
        try sink.value(value, depth: encoder.depth + 1, parent: encoder, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        begin(key)
        return JSONStreamEncoder(sink: sink, depth: encoder.depth + 1, parent: encoder, key: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        begin(key)
        return JSONStreamEncoder(sink: sink, depth: encoder.depth + 1, parent: encoder, key: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.beginEntry(handle, key: "super")
        sink.promise(depth: encoder.depth + 1)
        return JSONStreamEncoder(sink: sink, depth: encoder.depth + 1, parent: encoder)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        begin(key)
        sink.promise(depth: encoder.depth + 1)
        return JSONStreamEncoder(sink: sink, depth: encoder.depth + 1, parent: encoder, key: key)
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONStreamEncoder
    let handle: JSONSink.Handle
    private(set) var count = 0
    var sink: JSONSink { encoder.sink }
    var codingPath: [any CodingKey] { encoder.codingPath }

    init(encoder: JSONStreamEncoder, handle: JSONSink.Handle) {
        self.encoder = encoder
        self.handle = handle
    }

    private mutating func begin() -> JSONIndexKey {
        sink.beginElement(handle)
        count += 1
        return JSONIndexKey(intValue: count - 1)
    }

    mutating func encodeNil() throws { _ = begin(); sink.null() }
    mutating func encode(_ value: Bool) throws { _ = begin(); sink.bool(value) }
    mutating func encode(_ value: String) throws { _ = begin(); sink.string(value) }
    mutating func encode(_ value: Double) throws { let key = begin(); try sink.float(value, path: codingPath + [key]) }
    mutating func encode(_ value: Float) throws { let key = begin(); try sink.float(value, path: codingPath + [key]) }
    mutating func encode(_ value: Int) throws { _ = begin(); sink.integer(value) }
    mutating func encode(_ value: Int8) throws { _ = begin(); sink.integer(value) }
    mutating func encode(_ value: Int16) throws { _ = begin(); sink.integer(value) }
    mutating func encode(_ value: Int32) throws { _ = begin(); sink.integer(value) }
    mutating func encode(_ value: Int64) throws { _ = begin(); sink.integer(value) }
    mutating func encode(_ value: UInt) throws { _ = begin(); sink.integer(value) }
    mutating func encode(_ value: UInt8) throws { _ = begin(); sink.integer(value) }
    mutating func encode(_ value: UInt16) throws { _ = begin(); sink.integer(value) }
    mutating func encode(_ value: UInt32) throws { _ = begin(); sink.integer(value) }
    mutating func encode(_ value: UInt64) throws { _ = begin(); sink.integer(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = begin()
        try sink.value(value, depth: encoder.depth + 1, parent: encoder, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = begin()
        return JSONStreamEncoder(sink: sink, depth: encoder.depth + 1, parent: encoder, key: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = begin()
        return JSONStreamEncoder(sink: sink, depth: encoder.depth + 1, parent: encoder, key: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let key = begin()
        sink.promise(depth: encoder.depth + 1)
        return JSONStreamEncoder(sink: sink, depth: encoder.depth + 1, parent: encoder, key: key)
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONStreamEncoder
    var sink: JSONSink { encoder.sink }
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { sink.null() }
    mutating func encode(_ value: Bool) throws { sink.bool(value) }
    mutating func encode(_ value: String) throws { sink.string(value) }
    mutating func encode(_ value: Double) throws { try sink.float(value, path: codingPath) }
    mutating func encode(_ value: Float) throws { try sink.float(value, path: codingPath) }
    mutating func encode(_ value: Int) throws { sink.integer(value) }
    mutating func encode(_ value: Int8) throws { sink.integer(value) }
    mutating func encode(_ value: Int16) throws { sink.integer(value) }
    mutating func encode(_ value: Int32) throws { sink.integer(value) }
    mutating func encode(_ value: Int64) throws { sink.integer(value) }
    mutating func encode(_ value: UInt) throws { sink.integer(value) }
    mutating func encode(_ value: UInt8) throws { sink.integer(value) }
    mutating func encode(_ value: UInt16) throws { sink.integer(value) }
    mutating func encode(_ value: UInt32) throws { sink.integer(value) }
    mutating func encode(_ value: UInt64) throws { sink.integer(value) }

    /// The same place and path: a single value adds no level.
    mutating func encode<T: Encodable>(_ value: T) throws {
        try sink.value(value, depth: encoder.depth, parent: encoder.parent, key: encoder.key)
    }
}
