/// How many terminal columns text takes, computed in one place for the whole app.
/// Agrees with glibc `wcwidth` in a UTF-8 locale (ncurses places cells by it):
/// CJK, Hangul, fullwidth forms and emoji presentation take 2 columns, combining
/// marks and format characters 0, East Asian ambiguous characters (“ ” … ─ ①) 1.
public enum DisplayWidth {
    /// East Asian Wide and Fullwidth ranges (Unicode 15, as glibc 2.36 has them).
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FF1, 0x17000...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B2FF,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Columns of one scalar. Control characters count 0 here (glibc says -1);
    /// the canvas never draws them.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if (0x4E00...0x9FFF).contains(v) { return 2 } // the common case first
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 } // Hangul medial vowels and finals join the syllable
        if (0x1F1E6...0x1F1FF).contains(v) { return 1 } // regional indicators: glibc counts each as 1
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format: return v == 0xAD ? 1 : 0
        default: break
        }
        for range in wideRanges where range.contains(v) { return 2 }
        return properties.isEmojiPresentation ? 2 : 1
    }

    /// Columns of one grapheme as it is drawn (`pieces(of:)`).
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first { return of(scalar) }
        var total = 0
        for piece in pieces(of: character) { total += piece.width }
        return total
    }

    /// How a grapheme is drawn: pieces of one spacing scalar with the zero-width ones
    /// after it, each 1 or 2 columns, as ncurses places them. Terminals disagree on how
    /// wide an emoji sequence is (a ZWJ family is 2 columns in one, 8 in another), so
    /// what makes one (the zero-width joiner U+200D, the emoji selector U+FE0F, a skin
    /// tone after an emoji) is left out: 👨‍👩‍👧 is drawn as 👨👩👧, ❤️ as ❤, 👍🏽 as 👍;
    /// a flag's two regional indicators stay one piece of 2 columns.
    public static func pieces(of character: Character) -> [(text: String, width: Int)] {
        var pieces: [(text: String, width: Int)] = []
        for scalar in character.unicodeScalars {
            let v = scalar.value
            if v == 0x200D || v == 0xFE0F || ((0x1F3FB...0x1F3FF).contains(v) && !pieces.isEmpty) { continue }
            let w = of(scalar)
            let isIndicator = (0x1F1E6...0x1F1FF).contains(v)
            if let last = pieces.last, w == 0 || (isIndicator && last.width == 1
                                                    && last.text.unicodeScalars.first.map { (0x1F1E6...0x1F1FF).contains($0.value) } == true) {
                pieces[pieces.count - 1] = (last.text + String(scalar), last.width + w)
            } else {
                pieces.append((String(scalar), w))
            }
        }
        return pieces
    }

    /// Columns of a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns of a whole string. Text of scalars that are each a character of their own
    /// (printable ASCII, Latin-1, CJK ideographs and punctuation, fullwidth forms: ids,
    /// numbers and nearly all plan text) is summed scalar by scalar; anything else
    /// (marks, joiners, Hangul, emoji, controls) is walked by character, a tenth of the speed.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            guard let width = standalone(scalar.value) else { return of(text[...]) }
            total += width
        }
        return total
    }

    /// The width of a scalar that is a whole character whatever its neighbours are
    /// (when they are such scalars too), or nil. U+302A–U+302F (ideographic tone marks) join the character before.
    static func standalone(_ v: UInt32) -> Int? {
        switch v {
        case 0x20..<0x7F, 0xA0..<0x300, 0x2010...0x2027: 1
        case 0x4E00...0x9FFF, 0x3000...0x3029, 0x3030...0x303E, 0x3041...0x3098, 0x309B...0x33FF, 0xFF01...0xFF60, 0xFFE0...0xFFE6: 2
        default: nil
        }
    }
}
