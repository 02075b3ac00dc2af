import Foundation

/// Finds where JSON text stops being valid, for error messages: Foundation's
/// decoder says only that the data is invalid, not where.
enum JSONSyntax {
    /// The byte offset and nature of the first syntax error, or nil if `data` is valid JSON.
    static func firstError(in data: Data) -> (offset: Int, reason: String)? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (offset: Int, reason: String)? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            do throws(Failure) {
                scanner.skipSpace()
                try scanner.value(depth: 0)
                scanner.skipSpace()
                if scanner.position < scanner.bytes.count { throw Failure(offset: scanner.position, reason: "text after the end") }
                return nil
            } catch {
                return (error.offset, error.reason)
            }
        }
    }

    private struct Failure: Error {
        var offset: Int
        var reason: String
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipSpace() {
            while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { position += 1 }
        }

        func fail(_ reason: String) -> Failure {
            Failure(offset: position, reason: current == nil ? "unexpected end of file" : reason)
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
            guard current == byte else { throw fail("expected \(what)") }
            position += 1
        }

        mutating func value(depth: Int) throws(Failure) {
            guard depth < 512 else { throw fail("nested too deeply") }
            switch current {
            case UInt8(ascii: "{"):
                position += 1
                skipSpace()
                if current == UInt8(ascii: "}") { position += 1; return }
                while true {
                    skipSpace()
                    guard current == UInt8(ascii: "\"") else { throw fail("expected a key") }
                    try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"), "':'")
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if current == UInt8(ascii: ",") { position += 1; continue }
                    try expect(UInt8(ascii: "}"), "',' or '}'")
                    return
                }
            case UInt8(ascii: "["):
                position += 1
                skipSpace()
                if current == UInt8(ascii: "]") { position += 1; return }
                while true {
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if current == UInt8(ascii: ",") { position += 1; continue }
                    try expect(UInt8(ascii: "]"), "',' or ']'")
                    return
                }
            case UInt8(ascii: "\""):
                try string()
            case UInt8(ascii: "t"): try word("true")
            case UInt8(ascii: "f"): try word("false")
            case UInt8(ascii: "n"): try word("null")
            case let c? where c == UInt8(ascii: "-") || (0x30...0x39).contains(c):
                try number()
            default:
                throw fail("expected a value")
            }
        }

        mutating func string() throws(Failure) {
            position += 1
            while let c = current {
                switch c {
                case UInt8(ascii: "\""):
                    position += 1
                    return
                case UInt8(ascii: "\\"):
                    position += 2
                case 0..<0x20:
                    throw fail("control character in a string")
                default:
                    position += 1
                }
            }
            throw fail("unterminated string")
        }

        mutating func word(_ text: StaticString) throws(Failure) {
            let start = position
            for byte in UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) {
                guard current == byte else { position = start; throw fail("expected \(text)") }
                position += 1
            }
        }

        mutating func number() throws(Failure) {
            let start = position
            while let c = current, (0x30...0x39).contains(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                position += 1
            }
            guard position > start else { throw fail("expected a number") }
        }
    }
}
