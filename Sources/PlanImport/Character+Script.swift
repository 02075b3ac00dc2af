extension Character {
    /// A CJK ideograph (simplified or traditional), the script plans are written in.
    var isIdeograph: Bool {
        guard let v = unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }

    /// Private-use characters, which some converters emit for symbols.
    var isPrivateUse: Bool { unicodeScalars.first.map { (0xE000...0xF8FF).contains($0.value) } ?? false }

    var isASCIIDigit: Bool { unicodeScalars.first.map { (0x30...0x39).contains($0.value) } ?? false }

    /// The one scalar of a one-scalar character (nil for a cluster): the classes below are the scalar's,
    /// as they are asked of every character of a document several times.
    private var onlyScalar: Unicode.Scalar? {
        let scalars = unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return first
    }

    var isPadding: Bool { onlyScalar?.isPadding ?? false }
    var isOpeningBracket: Bool { onlyScalar?.isOpeningBracket ?? false }
    var isClosingBracket: Bool { onlyScalar?.isClosingBracket ?? false }
    var bracketDepthChange: Int { onlyScalar?.bracketDepthChange ?? 0 }
    var endsSentence: Bool { onlyScalar?.endsSentence ?? false }
    var separatesNames: Bool { onlyScalar?.separatesNames ?? false }
}

/// The same classes on scalars, for the clause and sentence scans that read scalars rather than graphemes
/// (every character they look for is one scalar).
extension Unicode.Scalar {
    /// Spaces a document may use for indentation or padding, including U+3000.
    var isPadding: Bool {
        switch value { case 0x20, 0x09, 0x3000, 0xA0, 0xFEFF: true; default: false }
    }

    /// Line breaks, as `Character.isNewline` has them.
    var isNewline: Bool {
        switch value { case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true; default: false }
    }

    /// ( （ 〔 【 [ 《 “
    var isOpeningBracket: Bool {
        switch value { case 0x28, 0xFF08, 0x3014, 0x3010, 0x5B, 0x300A, 0x201C: true; default: false }
    }

    /// ) ） 〕 】 ] 》 ”
    var isClosingBracket: Bool {
        switch value { case 0x29, 0xFF09, 0x3015, 0x3011, 0x5D, 0x300B, 0x201D: true; default: false }
    }

    /// +1 for a bracket that opens a clause or aside (( （ 〔 【 [), −1 for one that closes it, else 0.
    var bracketDepthChange: Int {
        switch value {
        case 0x28, 0xFF08, 0x3014, 0x3010, 0x5B: 1
        case 0x29, 0xFF09, 0x3015, 0x3011, 0x5D: -1
        default: 0
        }
    }

    /// Ends a sentence: 。！？ and their half-width forms.
    var endsSentence: Bool {
        switch value { case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F: true; default: false }
    }

    /// Separates the names in a unit list: 、 , ， ; ；
    var separatesNames: Bool {
        switch value { case 0x3001, 0x2C, 0xFF0C, 0x3B, 0xFF1B: true; default: false }
    }
}

extension String {
    /// A string of these scalars, encoded straight into its storage (appending them to a scalar view one by
    /// one cost a fifth of a parse).
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty else { self = ""; return }
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var n = 0
            for scalar in scalars {
                UTF8.encode(scalar) { buffer[n] = $0; n += 1 }
            }
            return n
        }
    }
}

extension Array where Element == Character {
    func trimmingPadding() -> ArraySlice<Character> {
        var lo = startIndex, hi = endIndex
        while lo < hi, self[lo].isPadding || self[lo].isNewline { lo += 1 }
        while hi > lo, self[hi - 1].isPadding || self[hi - 1].isNewline { hi -= 1 }
        return self[lo..<hi]
    }
}

extension String {
    /// Without leading and trailing padding and line breaks; the text between is not copied into an array.
    func trimmingPadding() -> String {
        guard let first = firstIndex(where: { !$0.isPadding && !$0.isNewline }),
              let last = lastIndex(where: { !$0.isPadding && !$0.isNewline }) else { return "" }
        return first == startIndex && last == index(before: endIndex) ? self : String(self[first...last])
    }

    /// Removes spaces a line break left between two CJK characters (or CJK punctuation).
    func removingSpacesBetweenCJK() -> String {
        let chars = Array(self)
        var out: [Character] = []
        out.reserveCapacity(chars.count)
        for (i, c) in chars.enumerated() {
            if c.isPadding, let prev = out.last, !prev.isASCII,
               let next = chars[(i + 1)...].first(where: { !$0.isPadding }), !next.isASCII {
                continue
            }
            out.append(c)
        }
        return String(out)
    }
}

/// A small set of characters written as a string literal; membership compares Unicode scalars,
/// which is much cheaper than comparing `Character`s one grapheme at a time.
struct Characters {
    let members: String

    init(_ members: String) { self.members = members }

    func contains(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        // Compare UTF-8 bytes: the literal's bytes are contiguous, decoding them is what cost.
        let v = first.value
        let bytes: (UInt8, UInt8, UInt8, UInt8)
        let count: Int
        switch v {
        case ..<0x80: bytes = (UInt8(v), 0, 0, 0); count = 1
        case ..<0x800: bytes = (UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F), 0, 0); count = 2
        case ..<0x10000: bytes = (UInt8(0xE0 | v >> 12), UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F), 0); count = 3
        default: bytes = (UInt8(0xF0 | v >> 18), UInt8(0x80 | (v >> 12) & 0x3F), UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F)); count = 4
        }
        return members.utf8.withContiguousStorageIfAvailable { buffer in
            var i = 0
            while i + count <= buffer.count {
                if buffer[i] == bytes.0, count == 1 || (buffer[i + 1] == bytes.1 && (count == 2 || (buffer[i + 2] == bytes.2
                    && (count == 3 || buffer[i + 3] == bytes.3)))) { return true }
                i += 1
            }
            return false
        } ?? members.unicodeScalars.contains(first)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }

    /// 0-9, A-Z, a-z: what Latin words and numbers are made of.
    var isASCIILetterOrDigit: Bool {
        switch value { case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true; default: false }
    }
}
