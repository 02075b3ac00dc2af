import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The one JSON scanner of the store: a forward reader over UTF-8 bytes, for
/// the hand-written decoders of plans, snapshots and journal lines (Foundation's
/// `JSONDecoder` took seconds on a large store), and for locating the first
/// syntax error of a file (`firstError`), which `JSONDecoder` does not report.
/// The decoders accept only plain, valid JSON and throw `Unexpected` on anything
/// else; callers then decode the same bytes with `JSONDecoder`, which has the
/// last word and names the problem. See README.md in this folder.
struct JSONReader {
    /// Where reading stopped and why; a decoder's own refusal has no place (offset 0).
    struct Unexpected: Error {
        var offset = 0
        var reason: StaticString = "not in the store's own form"
    }

    /// An object's key, compared with the names a decoder knows byte for byte.
    struct Key {
        let bytes: UnsafeBufferPointer<UInt8>

        func `is`(_ name: StaticString) -> Bool {
            let count = name.utf8CodeUnitCount
            guard count == bytes.count else { return false }
            guard count > 0, let base = bytes.baseAddress else { return true }
            return memcmp(name.utf8Start, base, count) == 0
        }

        /// Lets `switch key { case "id": … }` compare bytes.
        static func ~= (name: StaticString, key: Key) -> Bool { key.is(name) }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// What `body` reads from the whole of `data`, or nil where it declines.
    static func read<T>(_ data: Data, _ body: (inout JSONReader) throws(Unexpected) -> T) -> T? {
        data.withUnsafeBytes { raw -> T? in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            return try? body(&reader)
        }
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Skips space and consumes `byte` if it comes next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func expect(_ byte: UInt8) throws(Unexpected) {
        guard consume(byte) else { throw fail("unexpected byte") }
    }

    /// A failure at the current position.
    func fail(_ reason: StaticString) -> Unexpected {
        Unexpected(offset: position, reason: position < bytes.count ? reason : "unexpected end of file")
    }

    /// Consumes a `null` if one comes next.
    mutating func null() -> Bool {
        skipSpace()
        guard comes("null") else { return false }
        position += 4
        return true
    }

    /// The end: only space may follow the top-level value.
    mutating func end() throws(Unexpected) {
        skipSpace()
        guard position == bytes.count else { throw fail("text after the end") }
    }

    // MARK: Strings

    /// The string that comes next.
    mutating func string() throws(Unexpected) -> String {
        let (start, end, escaped) = try stringBounds()
        if escaped { return try unescape(start, end) }
        return try Self.validated(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// The string that comes next, made once per file however often it recurs (see `StringTable`).
    mutating func string(in table: StringTable) throws(Unexpected) -> String {
        let (start, end, escaped) = try stringBounds()
        if escaped { return try unescape(start, end) }
        return try table.string(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// What `body` makes of the bytes the next string stands for (its escapes undone), without a `String`.
    mutating func stringBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws(Unexpected) -> T) throws(Unexpected) -> T {
        let (start, end, escaped) = try stringBounds()
        guard escaped else { return try body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
        let unescaped = try Self.unescapedBytes(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        return try unescaped.withUnsafeBufferPointer { bytes throws(Unexpected) in try body(bytes) }
    }

    /// The string that comes next, or nil for `null`.
    mutating func optionalString() throws(Unexpected) -> String? {
        null() ? nil : try string()
    }

    /// The key that comes next, and the ':' after it. An escaped key is declined
    /// (the store never writes one; `JSONDecoder` reads it).
    mutating func key() throws(Unexpected) -> Key {
        let (start, end, escaped) = try stringBounds()
        guard !escaped else { throw Unexpected() }
        try expect(UInt8(ascii: ":"))
        return Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// The bounds of the next string's contents and whether it has escapes.
    /// String contents are most of a plan file, so they are scanned sixteen bytes
    /// at a time (one vector compare) while no byte is a quote, a backslash or a
    /// control character; the rest byte by byte.
    mutating func stringBounds() throws(Unexpected) -> (Int, Int, Bool) {
        skipSpace()
        guard position < bytes.count, bytes[position] == Self.quote else { throw fail("expected a string") }
        position += 1
        guard let base = bytes.baseAddress else { throw fail("unterminated string") }
        let start = position, count = bytes.count
        let quotes = SIMD16<UInt8>(repeating: Self.quote), backslashes = SIMD16<UInt8>(repeating: Self.backslash)
        let spaces = SIMD16<UInt8>(repeating: 0x20)
        var i = start
        var escaped = false
        while true {
            while i + 16 <= count {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                let special = v .== quotes .| v .== backslashes .| v .< spaces
                if any(special) {
                    // The first special byte: the first lane of the mask set, found in its two halves.
                    let lanes = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: special), to: (UInt64, UInt64).self)
                    let low = UInt64(littleEndian: lanes.0), high = UInt64(littleEndian: lanes.1)
                    i += low != 0 ? low.trailingZeroBitCount / 8 : 8 + high.trailingZeroBitCount / 8
                    break
                }
                i += 16
            }
            guard i < count else { throw Unexpected(offset: count, reason: "unterminated string") }
            let byte = base[i]
            if byte == Self.quote {
                position = i + 1
                return (start, i, escaped)
            }
            if byte == Self.backslash {
                escaped = true
                i += 2
            } else if byte < 0x20 {
                throw Unexpected(offset: i, reason: "control character in a string")
            } else {
                i += 1
            }
        }
    }

    /// The string of `utf8`, if it is valid UTF-8. (`String(decoding:)` is the
    /// fast, specialised path; it repairs invalid bytes, which the comparison catches.)
    static func validated(_ utf8: UnsafeBufferPointer<UInt8>) throws(Unexpected) -> String {
        let string = String(decoding: utf8, as: UTF8.self)
        let same = string.utf8.withContiguousStorageIfAvailable { stored in
            guard let a = stored.baseAddress, let b = utf8.baseAddress else { return stored.count == utf8.count }
            return stored.count == utf8.count && memcmp(a, b, utf8.count) == 0
        }
        guard same ?? string.utf8.elementsEqual(utf8) else { throw Unexpected() }
        return string
    }

    private func unescape(_ start: Int, _ end: Int) throws(Unexpected) -> String {
        let output = try Self.unescapedBytes(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        return try output.withUnsafeBufferPointer { buffer throws(Unexpected) in try Self.validated(buffer) }
    }

    /// The bytes a string's contents (between its quotes, with escapes) stand for;
    /// throws on an escape JSON does not have.
    static func unescapedBytes(_ bytes: UnsafeBufferPointer<UInt8>) throws(Unexpected) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        let end = bytes.count
        var i = 0
        func hex4(_ at: Int) throws(Unexpected) -> UInt32 {
            guard at + 4 <= end else { throw Unexpected() }
            var value: UInt32 = 0
            for byte in bytes[at..<at + 4] {
                switch byte {
                case 0x30...0x39: value = value << 4 | UInt32(byte - 0x30)
                case 0x41...0x46: value = value << 4 | UInt32(byte - 0x41 + 10)
                case 0x61...0x66: value = value << 4 | UInt32(byte - 0x61 + 10)
                default: throw Unexpected()
                }
            }
            return value
        }
        while i < end {
            let byte = bytes[i]
            guard byte == Self.backslash else {
                output.append(byte)
                i += 1
                continue
            }
            guard i + 1 < end else { throw Unexpected() }
            switch bytes[i + 1] {
            case UInt8(ascii: "\""): output.append(Self.quote)
            case UInt8(ascii: "\\"): output.append(Self.backslash)
            case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(i + 2)
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 12 <= end, bytes[i + 6] == Self.backslash, bytes[i + 7] == UInt8(ascii: "u") else { throw Unexpected() }
                    let low = try hex4(i + 8)
                    guard (0xDC00...0xDFFF).contains(low) else { throw Unexpected() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                guard let value = Unicode.Scalar(scalar) else { throw Unexpected() }
                output.append(contentsOf: String(Character(value)).utf8)
                i += 4
            default:
                throw Unexpected()
            }
            i += 2
        }
        return output
    }

    // MARK: Other values

    /// An integer written as plain digits (no fraction or exponent).
    mutating func int() throws(Unexpected) -> Int {
        skipSpace()
        let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let start = position
        var value = 0
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[position] - 0x30))
            guard !overflow, !overflow2 else { throw Unexpected() }
            value = sum
            position += 1
        }
        // A leading zero is not JSON; a fraction or exponent is JSONDecoder's to judge.
        guard position > start, bytes[start] != UInt8(ascii: "0") || position == start + 1 else { throw Unexpected() }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            throw Unexpected()
        }
        return negative ? -value : value
    }

    mutating func bool() throws(Unexpected) -> Bool {
        skipSpace()
        if comes("true") {
            position += 4
            return true
        }
        if comes("false") {
            position += 5
            return false
        }
        throw fail("expected true or false")
    }

    /// Whether `word`'s bytes come next.
    private func comes(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + position, word.utf8Start, count) == 0
    }

    /// Calls `body` for each member of the object that comes next, with its key. An object
    /// naming a key twice is declined: `JSONDecoder` takes the first, a reader the last.
    mutating func object(_ body: (inout JSONReader, Key) throws(Unexpected) -> Void) throws(Unexpected) {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        // The keys so far, on the stack: the store's objects have at most a dozen; one with more is declined too.
        try withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: 16) { seen throws(Unexpected) in
            var count = 0
            repeat {
                let key = try key()
                guard count < seen.count else { throw Unexpected() }
                for earlier in seen[..<count] where earlier.count == key.bytes.count {
                    guard let a = earlier.baseAddress, let b = key.bytes.baseAddress, memcmp(a, b, earlier.count) != 0 else { throw Unexpected() }
                }
                seen[count] = key.bytes
                count += 1
                try body(&self, key)
            } while consume(UInt8(ascii: ","))
        }
        try expect(UInt8(ascii: "}"))
    }

    /// Calls `body` for each member of the object that comes next, with the key as a string.
    mutating func dictionary(_ body: (inout JSONReader, String) throws(Unexpected) -> Void) throws(Unexpected) {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// Calls `body` for each element of the array that comes next.
    mutating func array(_ body: (inout JSONReader) throws(Unexpected) -> Void) throws(Unexpected) {
        try expect(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return }
        repeat { try body(&self) } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// Skips the value that comes next, checking its syntax, and returns its
    /// bytes' range (to hand a rarely used part to `JSONDecoder`). Keys may be escaped here.
    @discardableResult
    mutating func skipValue(depth: Int = 0) throws(Unexpected) -> Range<Int> {
        skipSpace()
        let start = position
        guard depth < 512 else { throw fail("nested too deeply") }
        guard position < bytes.count else { throw fail("expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            if consume(UInt8(ascii: "}")) { break }
            repeat {
                skipSpace()
                guard position < bytes.count, bytes[position] == Self.quote else { throw fail("expected a key") }
                _ = try stringBounds()
                guard consume(UInt8(ascii: ":")) else { throw fail("expected ':'") }
                try skipValue(depth: depth + 1)
            } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "}")) else { throw fail("expected ',' or '}'") }
        case UInt8(ascii: "["):
            position += 1
            if consume(UInt8(ascii: "]")) { break }
            repeat { try skipValue(depth: depth + 1) } while consume(UInt8(ascii: ","))
            guard consume(UInt8(ascii: "]")) else { throw fail("expected ',' or ']'") }
        case Self.quote:
            _ = try stringBounds()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool()
        case UInt8(ascii: "n"):
            guard null() else { throw fail("expected null") }
        default:
            try skipNumber()
        }
        return start..<position
    }

    /// A number as JSON writes it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func skipNumber() throws(Unexpected) {
        func digits(_ reader: inout JSONReader) -> Int {
            let start = reader.position
            while reader.position < reader.bytes.count, (0x30...0x39).contains(reader.bytes[reader.position]) { reader.position += 1 }
            return reader.position - start
        }
        func next(_ reader: inout JSONReader, _ options: StaticString) -> Bool {
            guard reader.position < reader.bytes.count else { return false }
            let byte = reader.bytes[reader.position]
            let found = UnsafeBufferPointer(start: options.utf8Start, count: options.utf8CodeUnitCount).contains(byte)
            if found { reader.position += 1 }
            return found
        }
        _ = next(&self, "-")
        guard position < bytes.count, (0x30...0x39).contains(bytes[position]) else { throw fail("expected a value") }
        if bytes[position] == UInt8(ascii: "0") { position += 1 } else { _ = digits(&self) }
        if next(&self, "."), digits(&self) == 0 { throw fail("expected a digit") }
        if next(&self, "eE") {
            _ = next(&self, "+-")
            if digits(&self) == 0 { throw fail("expected a digit") }
        }
    }

    /// The byte offset and nature of the first syntax error in `data`, or nil
    /// if it is valid JSON (Foundation's decoder says only that it is invalid).
    static func firstError(in data: Data) -> (offset: Int, reason: String)? {
        data.withUnsafeBytes { raw -> (offset: Int, reason: String)? in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            do throws(Unexpected) {
                try reader.skipValue()
                try reader.end()
                return nil
            } catch {
                return (error.offset, error.reason.description)
            }
        }
    }
}

/// The value, or a decline if a field the schema requires was missing.
func required<T>(_ value: T?) throws(JSONReader.Unexpected) -> T {
    guard let value else { throw JSONReader.Unexpected() }
    return value
}
