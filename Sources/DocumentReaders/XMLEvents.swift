import FoundationEssentials
import PlanModel

/// What a reader of one XML part of a Word document is told, in document order: elements by
/// their local name (`w:numPr` → `numPr`) with their attributes (keyed by local name too), and
/// the text between them, entities decoded.
protocol XMLHandler {
    mutating func start(_ name: String, attributes: [String: String])
    mutating func end(_ name: String)
    mutating func text(_ text: String)
}

extension XMLHandler {
    mutating func text(_ text: String) {}
}

/// Reads an XML part straight from its bytes, as `XMLHandler` events, and refuses what is not
/// well-formed: unclosed or crossed elements, a second root, text outside it, bad names, entities and
/// attributes, unclosed markup, `--` in a comment, `]]>` in text, C0 control characters, bytes that are not UTF-8.
///
/// Not FoundationXML: it links libxml2 and, through it, ICU and liblzma, which every run of every
/// command loaded (0.8 M instructions, 28 page faults, ~0.4 ms a process) for the one command that reads .docx.
/// A document type declaration is refused: Word writes none, and its entities are how XML bombs
/// and external-entity reads work.
enum XMLEvents {
    struct Malformed: Error, Equatable {
        /// Where in the part's bytes (in its UTF-8, for a part written in UTF-16).
        var offset: Int
        var reason: String
    }

    static func read<Handler: XMLHandler>(_ data: Data, into handler: inout Handler) throws(Malformed) {
        // XML may be UTF-16 (Word writes UTF-8): read as its UTF-8.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw Malformed(offset: 0, reason: "not UTF-16") }
            return try read(Data(text.utf8), into: &handler)
        }
        let outcome: Malformed? = data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            do throws(XMLEvents.Malformed) { try reader.document(&handler) } catch { return error }
            return nil
        }
        if let outcome { throw outcome }
    }

    /// `name` after its namespace prefix.
    static func local(_ name: String) -> String {
        name.utf8.lastIndex(of: UInt8(ascii: ":")).map { String(name[name.index(after: $0)...]) } ?? name
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0
    /// The qualified names of the elements open at `at`, outermost first.
    var open: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func document<Handler: XMLHandler>(_ handler: inout Handler) throws(XMLEvents.Malformed) {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw XMLEvents.Malformed(offset: firstInvalidByte(), reason: "not UTF-8") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        var rooted = false
        while at < bytes.count {
            if bytes[at] == UInt8(ascii: "<") {
                try markup(&handler, rooted: &rooted)
            } else {
                let start = at
                let text = try characters(until: UInt8(ascii: "<"), attribute: false)
                if open.isEmpty {
                    guard text.utf8.allSatisfy(Self.isSpace) else { throw malformed("text outside the root element", at: start) }
                } else {
                    handler.text(text)
                }
            }
        }
        if let last = open.last { throw malformed("<\(last)> is not closed", at: bytes.count) }
        guard rooted else { throw malformed("no element", at: bytes.count) }
    }

    private mutating func markup<Handler: XMLHandler>(_ handler: inout Handler, rooted: inout Bool) throws(XMLEvents.Malformed) {
        let start = at
        if starts(with: "<?") {
            at += 2
            try skip(past: "?>", from: start)
        } else if starts(with: "<!--") {
            at += 4
            try skip(past: "-->", from: start)
            guard !(start + 4..<at - 3).contains(where: { bytes[$0] == 0x2D && bytes[$0 + 1] == 0x2D }) else {
                throw malformed("-- in a comment", at: start)
            }
        } else if starts(with: "<![CDATA[") {
            guard !open.isEmpty else { throw malformed("character data outside the root element", at: start) }
            at += 9
            let from = at
            try skip(past: "]]>", from: start)
            handler.text(try Self.lineEndsUnified(string(from, at - 3), at: from))
        } else if starts(with: "<!") {
            throw malformed("a document type declaration (Word writes none)", at: start)
        } else if starts(with: "</") {
            at += 2
            let name = try self.name()
            skipSpace()
            try expect(">")
            guard let last = open.popLast() else { throw malformed("</\(name)> closes nothing", at: start) }
            guard last == name else { throw malformed("</\(name)> where </\(last)> is due", at: start) }
            handler.end(XMLEvents.local(name))
        } else {
            guard open.isEmpty ? !rooted : true else { throw malformed("a second root element", at: start) }
            at += 1
            let name = try self.name()
            var attributes: [String: String] = [:]
            var keys = Set<String>()
            while true {
                let spaced = skipSpace()
                guard at < bytes.count else { throw malformed("<\(name) is not closed", at: start) }
                if bytes[at] == UInt8(ascii: ">") || starts(with: "/>") { break }
                guard spaced else { throw malformed("no space before an attribute of <\(name)>", at: at) }
                let keyStart = at
                let key = try self.name()
                guard keys.insert(key).inserted else { throw malformed("\(key) given twice in <\(name)>", at: keyStart) }
                skipSpace()
                try expect("=")
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else {
                    throw malformed("the value of \(key) is not quoted", at: at)
                }
                let quote = bytes[at]
                at += 1
                let value = try characters(until: quote, attribute: true)
                guard at < bytes.count else { throw malformed("the value of \(key) is not closed", at: at) }
                at += 1
                attributes[XMLEvents.local(key)] = value
            }
            rooted = true
            handler.start(XMLEvents.local(name), attributes: attributes)
            if bytes[at] == UInt8(ascii: "/") {
                at += 2
                handler.end(XMLEvents.local(name))
            } else {
                at += 1
                open.append(name)
            }
        }
    }

    /// Text up to `stop` (not taken), entities decoded and line ends made `\n`; in an attribute
    /// value, tabs and line ends become spaces (XML's attribute-value normalisation).
    private mutating func characters(until stop: UInt8, attribute: Bool) throws(XMLEvents.Malformed) -> String {
        let from = at
        var plain = true
        while at < bytes.count, bytes[at] != stop {
            switch bytes[at] {
            case UInt8(ascii: "<"): throw malformed("< in an attribute value", at: at)
            case UInt8(ascii: "&"), UInt8(ascii: "\r"): plain = false
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): if attribute { plain = false }
            case 0..<0x20: throw malformed("a control character", at: at)
            case UInt8(ascii: ">") where !attribute && at >= from + 2 && bytes[at - 1] == 0x5D && bytes[at - 2] == 0x5D:
                throw malformed("]]> in text", at: at - 2)
            default: break
            }
            at += 1
        }
        if plain { return string(from, at) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(at - from)
        var i = from
        while i < at {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "&"):
                guard let semicolon = (i + 1..<min(at, i + 12)).first(where: { bytes[$0] == UInt8(ascii: ";") }),
                      let scalar = Self.entity(string(i + 1, semicolon)) else {
                    throw malformed("an unknown or unterminated entity", at: i)
                }
                decoded += Array(String(Character(scalar)).utf8)
                i = semicolon + 1
            case UInt8(ascii: "\r"):
                decoded.append(attribute ? UInt8(ascii: " ") : UInt8(ascii: "\n"))
                i += i + 1 < at && bytes[i + 1] == UInt8(ascii: "\n") ? 2 : 1
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                decoded.append(attribute ? UInt8(ascii: " ") : byte)
                i += 1
            default:
                decoded.append(byte)
                i += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// `text` with its CR LF and lone CR made LF, as XML reads line ends (character data is not otherwise decoded).
    static func lineEndsUnified(_ text: String, at offset: Int) throws(XMLEvents.Malformed) -> String {
        if let bad = text.utf8.firstIndex(where: { $0 < 0x20 && !isSpace($0) }) {
            throw XMLEvents.Malformed(offset: offset + text.utf8.distance(from: text.utf8.startIndex, to: bad), reason: "a control character")
        }
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacing("\r\n", with: "\n").replacing(scalar: "\r", with: "\n")
    }

    /// `lt`, `gt`, `amp`, `quot`, `apos`, or a character reference (`#38`, `#x26`) to a character XML allows.
    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value >= 0x20 || value == 0x9 || value == 0xA || value == 0xD,
                  value != 0xFFFE, value != 0xFFFF, !(digits.hasPrefix("x") ? digits.dropFirst() : digits).hasPrefix("+") else { return nil }
            return Unicode.Scalar(value)
        }
    }

    private mutating func name() throws(XMLEvents.Malformed) -> String {
        let from = at
        scan: while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="): break scan
            case 0..<0x20: throw malformed("a control character", at: at)
            case UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                throw malformed("a name holds \(Character(Unicode.Scalar(bytes[at])))", at: at)
            default: at += 1
            }
        }
        guard at > from else { throw malformed("a name is missing", at: from) }
        // A name does not start with a digit, `-` or `.`.
        guard !(0x30...0x39).contains(bytes[from]), bytes[from] != 0x2D, bytes[from] != 0x2E else {
            throw malformed("a name starts with \(Character(Unicode.Scalar(bytes[from])))", at: from)
        }
        return string(from, at)
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let from = at
        while at < bytes.count, Self.isSpace(bytes[at]) { at += 1 }
        return at > from
    }

    private mutating func skip(past end: StaticString, from start: Int) throws(XMLEvents.Malformed) {
        while at < bytes.count {
            if starts(with: end) { at += end.utf8CodeUnitCount; return }
            at += 1
        }
        throw malformed("markup that is not closed", at: start)
    }

    private mutating func expect(_ byte: Unicode.Scalar) throws(XMLEvents.Malformed) {
        guard at < bytes.count, bytes[at] == UInt8(ascii: byte) else { throw malformed("\(byte) expected", at: at) }
        at += 1
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[at + $0] == prefix.utf8Start[$0] }
    }

    private func string(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    private func firstInvalidByte() -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    private func malformed(_ reason: String, at offset: Int) -> XMLEvents.Malformed {
        XMLEvents.Malformed(offset: offset, reason: reason)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
