extension Character {
    /// A CJK ideograph (simplified or traditional), the script plans are written in.
    var isIdeograph: Bool {
        guard let v = unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }

    var isASCIIDigit: Bool { unicodeScalars.first.map { (0x30...0x39).contains($0.value) } ?? false }

    /// Spaces a document may use for indentation or padding, including U+3000.
    var isPadding: Bool { Characters(" \t\u{3000}\u{00A0}\u{FEFF}").contains(self) }

    var isOpeningBracket: Bool { Characters("(（〔【[《“").contains(self) }
    var isClosingBracket: Bool { Characters(")）〕】]》”").contains(self) }

    /// Ends a sentence: 。！？ and their half-width forms.
    var endsSentence: Bool { Characters("。！？!?").contains(self) }

    /// Separates the names in a unit list.
    var separatesNames: Bool { Characters("、,，;；").contains(self) }
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
    func trimmingPadding() -> String { String(Array(self).trimmingPadding()) }

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
        return members.unicodeScalars.contains(first)
    }
}
