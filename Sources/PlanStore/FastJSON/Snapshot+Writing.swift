import Foundation
import PlanModel

/// Writing snapshots fast: `JSONEncoder` took ~1.5 s on the ledger of 200,000
/// events, most of it building and sorting its own tree of every dictionary.
/// The hand-written writer produces the same bytes as `StoreCoding.encoder()`
/// (sorted keys, the same escapes); the few small parts (coverage, recent events)
/// are still encoded by it and copied in.
extension Snapshot {
    func encoded() throws -> Data {
        var writer = SnapshotWriter()
        writer.raw("{\"journal\":")
        writer.bytes.append(contentsOf: try StoreCoding.encoder().encode(journal))
        writer.raw(",\"ledger\":")
        try writer.ledger(ledger)
        if let schema { writer.raw(",\"schema\":\(schema)") }
        writer.raw("}")
        return Data(writer.bytes)
    }
}

/// The bytes of a snapshot (see `Snapshot.encoded`).
private struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func ledger(_ ledger: Ledger) throws {
        raw("{\"dueDates\":")
        object(ledger.dueDates) { writer, day in
            if let day { writer.string(day.description) } else { writer.raw("null") }
        }
        raw(",\"eventCount\":\(ledger.eventCount),\"marks\":")
        object(ledger.marks) { writer, mark in
            writer.raw(mark.force ? "{\"force\":true,\"officer\":" : "{\"force\":false,\"officer\":")
            writer.string(mark.officer)
            writer.raw(",\"status\":")
            writer.string(mark.status.rawValue)
            writer.raw(",\"time\":")
            writer.string(Event.formatTime(mark.time))
            writer.raw("}")
        }
        raw(",\"notes\":")
        object(ledger.notes) { writer, notes in
            writer.raw("[")
            for (n, note) in notes.enumerated() {
                writer.raw(n == 0 ? "{\"id\":" : ",{\"id\":")
                writer.string(note.id)
                writer.raw(",\"officer\":")
                writer.string(note.officer)
                writer.raw(",\"text\":")
                writer.string(note.text)
                writer.raw(",\"time\":")
                writer.string(Event.formatTime(note.time))
                writer.raw("}")
            }
            writer.raw("]")
        }
        raw(",\"recent\":")
        bytes.append(contentsOf: try StoreCoding.encoder().encode(ledger.recent))
        raw(",\"undone\":[")
        for (n, id) in ledger.undone.enumerated() {
            if n > 0 { raw(",") }
            string(id)
        }
        raw("],\"unitChanges\":")
        object(ledger.unitChanges) { writer, changes in
            writer.object(changes) { writer, role in
                if let role { writer.string(role.rawValue) } else { writer.raw("null") }
            }
        }
        raw("}")
    }

    /// A dictionary as an object, its keys sorted by their UTF-8 bytes as `JSONEncoder` sorts them.
    mutating func object<Value>(_ dictionary: [String: Value], _ value: (inout SnapshotWriter, Value) -> Void) {
        raw("{")
        for (n, (key, item)) in dictionary.sorted(by: { Self.precedes($0.key, $1.key) }).enumerated() {
            if n > 0 { raw(",") }
            string(key)
            raw(":")
            value(&self, item)
        }
        raw("}")
    }

    static func precedes(_ a: String, _ b: String) -> Bool {
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
        return (order ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string escaped as `JSONEncoder` escapes it (slashes left alone).
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20: bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
