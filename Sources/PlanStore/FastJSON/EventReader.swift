import FoundationEssentials
import PlanModel

/// Reading journal lines fast: a full fold (compacting a store, or loading one
/// whose journal a merge rewrote) decodes every event, and `JSONDecoder` spent
/// most of that time. The hand-written reader reads only the form `Event`
/// writes (keys sorted, no other fields, times in the store's fixed form) and
/// declines anything else, which `JSONDecoder` then reads.
enum EventReader {
    typealias Unexpected = JSONReader.Unexpected

    /// The event of one journal line, or nil if the line is not in the store's own form.
    static func event(_ line: UnsafeBufferPointer<UInt8>) -> Event? {
        var reader = JSONReader(line)
        return try? { () throws(Unexpected) in
            let event = try event(in: &reader)
            try reader.end()
            return event
        }()
    }

    /// The id of a journal line in the store's own form (its first key), read
    /// without decoding the rest; nil for any other line.
    static func id(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        var reader = JSONReader(line)
        guard reader.consume(UInt8(ascii: "{")), let key = try? reader.key(), key.is("id") else { return nil }
        return try? reader.string()
    }

    /// The top-level keys, in the order the encoder writes them.
    private static let eventKeys: [StaticString] = ["id", "kind", "officer", "payload", "target", "time"]

    /// Every key of a payload (and of an undo's nested inverse), sorted as written.
    private enum Field: Int, CaseIterable {
        case date, event, force, inverse, kind, previous, role, status, text, unit
        static let names: [StaticString] = ["date", "event", "force", "inverse", "kind", "previous", "role", "status", "text", "unit"]
    }

    /// The event that comes next in `reader` (a journal line, or one of a snapshot's recent events).
    static func event(in reader: inout JSONReader) throws(Unexpected) -> Event {
        var id: String?, kind: Change.Kind?, officer: String?, change: Change?, target: String?, time: Date?
        var next = 0
        try reader.object { reader, key throws(Unexpected) in
            guard next < eventKeys.count, key.is(eventKeys[next]) else { throw Unexpected() }
            switch next {
            case 0: id = try reader.string()
            case 1: kind = try required(Change.Kind(rawValue: try reader.string()))
            case 2: officer = try reader.string()
            case 3: change = try payload(&reader, kind: try required(kind))
            case 4: target = try reader.string()
            default: time = try required(StoreTime.parse(try reader.string()))
            }
            next += 1
        }
        return Event(id: try required(id), time: try required(time), officer: try required(officer),
                     target: try required(target), change: try required(change))
    }

    /// A payload of `kind`; for an undo's nested inverse (`kind` nil), the kind is one of its fields.
    /// The fields are found first (sorted, each once), then read as `kind` needs them.
    private static func payload(_ reader: inout JSONReader, kind: Change.Kind?) throws(Unexpected) -> Change {
        var ranges = [Range<Int>?](repeating: nil, count: Field.allCases.count)
        var last = -1
        try reader.object { reader, key throws(Unexpected) in
            guard let field = Field.names.firstIndex(where: key.is), field > last else { throw Unexpected() }
            ranges[field] = try reader.skipValue()
            last = field
        }
        let bytes = reader.bytes
        /// A reader of `field`'s value, or nil if the field is absent.
        func value(_ field: Field) -> JSONReader? {
            ranges[field.rawValue].map { JSONReader(UnsafeBufferPointer(rebasing: bytes[$0])) }
        }
        func read<T>(_ field: Field, _ body: (inout JSONReader) throws(Unexpected) -> T) throws(Unexpected) -> T? {
            guard var reader = value(field) else { return nil }
            let result = try body(&reader)
            try reader.end()
            return result
        }
        func string(_ field: Field) throws(Unexpected) -> String? { try read(field) { reader throws(Unexpected) in try reader.string() } }
        func optional<T: RawRepresentable<String>>(_ field: Field, _ type: T.Type) throws(Unexpected) -> T? {
            try read(field) { reader throws(Unexpected) -> T? in
                reader.null() ? nil : try required(T(rawValue: try reader.string()))
            } ?? nil
        }
        func day(_ field: Field) throws(Unexpected) -> Day? {
            try read(field) { reader throws(Unexpected) in try reader.optionalDay() } ?? nil
        }

        let nested = kind == nil
        let kind = if let kind { kind } else { try required(optional(.kind, Change.Kind.self)) }
        let allowed: [Field] = switch kind {
        case .status: [.force, .previous, .status]
        case .note: [.text]
        case .editNote: [.event, .previous, .text]
        case .assign: [.previous, .role, .unit]
        case .unassign: [.previous, .unit]
        case .due: [.date, .previous]
        case .undo: [.event, .inverse]
        }
        // Fields `Change` would ignore (or a top-level `kind`) are JSONDecoder's to read.
        for field in Field.allCases where ranges[field.rawValue] != nil {
            guard allowed.contains(field) || (nested && field == .kind) else { throw Unexpected() }
        }

        switch kind {
        case .status:
            let force = try read(.force) { reader throws(Unexpected) in try reader.bool() } ?? false
            return .status(try optional(.status, Status.self), previous: try optional(.previous, Status.self), force: force)
        case .note:
            return .note(try required(string(.text)))
        case .editNote:
            return .editNote(note: try required(string(.event)), text: try required(string(.text)), previous: try required(string(.previous)))
        case .assign:
            return .assign(unit: try required(string(.unit)), role: try required(optional(.role, Role.self)),
                           previous: try optional(.previous, Role.self))
        case .unassign:
            return .unassign(unit: try required(string(.unit)), previous: try required(optional(.previous, Role.self)))
        case .due:
            return .due(try day(.date), previous: try day(.previous))
        case .undo:
            let inverse = try read(.inverse) { reader throws(Unexpected) -> Change? in
                reader.null() ? nil : try payload(&reader, kind: nil)
            } ?? nil
            return .undo(event: try required(string(.event)), inverse: inverse)
        }
    }
}
