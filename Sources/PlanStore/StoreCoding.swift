import FoundationEssentials
import JSONTree
import PlanModel

/// The one JSON style of every store file: sorted keys (stable, diffable),
/// slashes unescaped, times as `Event` writes them (UTC, milliseconds); written by
/// `JSONWriter`, byte for byte as `JSONEncoder` with those options writes them.
enum StoreCoding {
    static let writer = JSONWriter(dates: { Event.formatTime($0) })

    static func encode(_ value: some Encodable) throws -> Data { Data(try writer.encode(value)) }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Event.parseTime(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "bad time \(text)")
            }
            return date
        }
        return decoder
    }

    /// Decodes `data` read from `file`; a failure names the file and the byte
    /// where the JSON breaks (or, for valid JSON of the wrong shape, the field).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String,
                                     startingAt base: Int = 0) throws(StoreError) -> T {
        do {
            return try decoder().decode(type, from: data)
        } catch {
            if let (offset, reason) = JSONReader.firstError(in: data) {
                throw StoreError.corrupt(file: file, offset: base + offset, reason: reason)
            }
            throw StoreError.corrupt(file: file, offset: base, reason: describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case let .keyNotFound(key, context):
            return "\(path(context.codingPath + [key])): missing"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// A file that carries `"schema"`.
protocol Versioned: Decodable {
    var schema: Int? { get }
}

extension StoreCoding {
    private struct SchemaHead: Decodable {
        var schema: Int?
    }

    /// Decodes a versioned file: a newer schema is refused (even when its shape
    /// no longer decodes here), an unreadable file names the byte. `fast`: a hand-written
    /// reader tried first, nil where it declines (`JSONDecoder` costs a scan of every
    /// conformance in the binary the first time it decodes a type, ~0.2 ms at every start).
    static func decodeVersioned<T: Versioned>(_ type: T.Type, from data: Data, file: String,
                                              fast: (Data) -> T? = { _ in nil }) throws(StoreError) -> T {
        if let value = fast(data) {
            try Schema.check(value.schema, file: file)
            return value
        }
        let value: T
        do {
            value = try decode(type, from: data, file: file)
        } catch {
            if let head = try? decoder().decode(SchemaHead.self, from: data), let schema = head.schema,
               schema > Schema.current {
                throw StoreError.newerSchema(file: file, schema: schema)
            }
            throw error
        }
        try Schema.check(value.schema, file: file)
        return value
    }
}
