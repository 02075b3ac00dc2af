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
        // A block whose only controls are the line feeds it keeps is returned as it is (`duban parse` of a long plan).
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !(keepingLineFeeds && $0 == "\n") }) else { return String(text) }
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

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
