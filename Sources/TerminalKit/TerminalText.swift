/// Text from plans, notes, names and file names on its way to a terminal, the
/// one sanitiser every screen and every human-readable listing uses. Control
/// characters could move the cursor, recolour or retitle the terminal, write
/// the clipboard (OSC 52) or overwrite a line (`\r`), and bidirectional
/// overrides reorder what is shown; so each control is shown visibly (ESC as
/// `␛`, other C0 as their control pictures, DEL as `␡`, C1 as U+FFFD, a tab
/// as a space), line breaks in a one-line field as `↵`, and bidi overrides and
/// isolates are removed. Files and JSON keep the exact text.
public enum TerminalText {
    /// `keepingLineFeeds`: a multi-line block (a report, `show`) keeps `\n` (and
    /// `\r\n` as `\n`); otherwise every line break becomes `↵` so one field stays
    /// on one line.
    public static func sanitized(_ text: some StringProtocol, keepingLineFeeds: Bool = false) -> String {
        // A block whose only controls are the line feeds it keeps is returned as it is (`duban parse` of a long plan,
        // a listing of thousands of rows): its UTF-8 checked eight bytes at a time.
        let risky = text.utf8.withContiguousStorageIfAvailable { hasUnsafe($0, keepingLineFeeds: keepingLineFeeds) }
            ?? text.unicodeScalars.contains { isUnsafe($0) && !(keepingLineFeeds && $0 == "\n") }
        guard risky else { return String(text) }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            switch scalar.value {
            case 0x0D where next == "\n":
                continue // \r\n is one line break
            case 0x0A where keepingLineFeeds:
                result.append(scalar)
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                result.append("↵")
            case 0x09:
                result.append(" ")
            case 0x00...0x1F:
                result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}") // ␀ … ␛ … ␟
            case 0x7F:
                result.append("\u{2421}") // ␡
            case 0x80...0x9F:
                result.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069:
                continue // bidi embeddings, overrides and isolates: removed
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether the UTF-8 holds a scalar `isUnsafe` names (a line feed only if it is not kept). Those are
    /// bytes below 0x20 and 0x7F, or sequences led by 0xC2 (C1 controls) or 0xE2 (U+2028…U+202E,
    /// U+2066…U+2069): a word without any of these bytes is passed over whole.
    static func hasUnsafe(_ utf8: UnsafeBufferPointer<UInt8>, keepingLineFeeds: Bool) -> Bool {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var n = 0
        while n < utf8.count {
            if n + 8 <= utf8.count {
                let word = base.loadUnaligned(fromByteOffset: n, as: UInt64.self)
                let below20 = (word &- ones &* 0x20) & ~word & highs != 0
                if !below20, !hasZeroByte(word ^ (ones &* 0x7F)), !hasZeroByte(word ^ (ones &* 0xC2)), !hasZeroByte(word ^ (ones &* 0xE2)) {
                    n += 8
                    continue
                }
            }
            let byte = utf8[n]
            func next(_ k: Int) -> UInt8 { n + k < utf8.count ? utf8[n + k] : 0 }
            switch byte {
            case 0x0A where keepingLineFeeds: break
            case 0x00...0x1F, 0x7F: return true
            case 0xC2 where (0x80...0x9F).contains(next(1)): return true
            case 0xE2 where next(1) == 0x80 && (0xA8...0xAE).contains(next(2)): return true
            case 0xE2 where next(1) == 0x81 && (0xA6...0xA9).contains(next(2)): return true
            default: break
            }
            n += 1
        }
        return false
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
