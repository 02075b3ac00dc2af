/// Truncation, padding and wrapping, always in display columns: never in characters
/// or bytes, and never splitting a wide character.
public enum TextLayout {
    public static let ellipsis: Character = "…"

    /// `text` cut to at most `width` columns; a cut is marked with "…" (1 column).
    /// When a 2-column character does not fit, the result is one column short.
    public static func truncate(_ text: some StringProtocol, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = DisplayWidth.of(text[index])
            if used + w > width { break }
            used += w
            index = text.index(after: index)
        }
        if index == text.endIndex { return String(text) }
        // Cut: make room for the ellipsis.
        var out = ""
        used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        out.append(ellipsis)
        return out
    }

    /// The part of `text` around `range`: up to `columns` display columns of whole
    /// characters either side, the range itself in 【】, "…" where the text goes on:
    /// `…推动区级普惠性【政策】全面纳入…`.
    public static func excerpt(_ text: String, around range: Range<String.Index>, columns: Int) -> String {
        let (start, end) = scalarBounds(of: text, around: range, columns: columns) ?? characterBounds(of: text, around: range, columns: columns)
        return (start > text.startIndex ? String(ellipsis) : "") + text[start..<range.lowerBound]
            + "【" + text[range] + "】" + text[range.upperBound..<end] + (end < text.endIndex ? String(ellipsis) : "")
    }

    /// The excerpt's bounds walked scalar by scalar, when every scalar it looks at is a character of its own
    /// (`DisplayWidth.standalone`: nearly all plan text); nil otherwise. Walking by character took
    /// two thirds of a search's snippets.
    static func scalarBounds(of text: String, around range: Range<String.Index>,
                             columns: Int) -> (start: String.Index, end: String.Index)? {
        let scalars = text.unicodeScalars
        // The match's own ends are cut too: the scalars either side of each cut must stand alone.
        if !range.isEmpty {
            guard DisplayWidth.standalone(scalars[range.lowerBound].value) != nil,
                  DisplayWidth.standalone(scalars[scalars.index(before: range.upperBound)].value) != nil else { return nil }
        }
        var start = range.lowerBound, used = 0
        while start > scalars.startIndex {
            let previous = scalars.index(before: start)
            guard let width = DisplayWidth.standalone(scalars[previous].value) else { return nil }
            used += width
            if used > columns { break }
            start = previous
        }
        var end = range.upperBound
        used = 0
        while end < scalars.endIndex {
            guard let width = DisplayWidth.standalone(scalars[end].value) else { return nil }
            used += width
            if used > columns { break }
            end = scalars.index(after: end)
        }
        return (start, end)
    }

    /// The excerpt's bounds walked character by character.
    static func characterBounds(of text: String, around range: Range<String.Index>,
                                columns: Int) -> (start: String.Index, end: String.Index) {
        var start = range.lowerBound, used = 0
        while start > text.startIndex {
            let previous = text.index(before: start)
            used += DisplayWidth.of(text[previous])
            if used > columns { break }
            start = previous
        }
        var end = range.upperBound
        used = 0
        while end < text.endIndex {
            used += DisplayWidth.of(text[end])
            if used > columns { break }
            end = text.index(after: end)
        }
        return (start, end)
    }

    /// `text` truncated to `width` columns and padded with spaces to exactly `width`.
    public static func fit(_ text: some StringProtocol, toWidth width: Int, alignment: Alignment = .leading) -> String {
        // Most cells fit: measured once, and cut (and measured again) only when they do not.
        var cut = String(text), used = DisplayWidth.of(cut)
        if used > width {
            cut = truncate(cut, toWidth: width)
            used = DisplayWidth.of(cut)
        }
        let gap = max(0, width - used)
        switch alignment {
        case .leading: return cut + String(repeating: " ", count: gap)
        case .trailing: return String(repeating: " ", count: gap) + cut
        case .center: return String(repeating: " ", count: gap / 2) + cut + String(repeating: " ", count: gap - gap / 2)
        }
    }

    /// Wraps `text` into lines of at most `width` columns. Latin words move to the
    /// next line whole when they fit on one; CJK text breaks between any two
    /// characters, but closing punctuation (，。) never starts a line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapParagraph(paragraph, width: width))
        }
        return lines
    }

    /// Chinese line-breaking rules (禁则): no line starts with closing punctuation, none ends with an opening one.
    private static let noLineStart: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "”", "’", "〕", "】",
                                                      ",", ".", ";", ":", "!", "?", ")"]
    private static let noLineEnd: Set<Character> = ["（", "《", "「", "『", "“", "‘", "〔", "【", "("]

    /// `words` joined by `separator`, wrapped only between words, so no name is split (a word wider
    /// than the width alone is wrapped inside). `lead` starts the first line.
    public static func wrap(words: [String], separator: String, lead: String = "", width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = lead
        for (i, word) in words.enumerated() {
            let piece = word + (i < words.count - 1 ? separator : "")
            if DisplayWidth.of(line) + DisplayWidth.of(piece) > width, !line.isEmpty, line != lead || !lead.isEmpty {
                lines.append(line.trimmingTrailingSpaces())
                line = ""
            }
            line += piece
        }
        if !line.isEmpty { lines.append(contentsOf: wrap(line, width: width)) }
        return lines
    }

    private static func wrapParagraph(_ text: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line: [Character] = []
        var used = 0
        /// Index in `line` just after the last space, where a Latin word may break.
        var breakAfter: Int?
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width, !line.isEmpty {
                if noLineStart.contains(character), line.count > 1, line.last != " " {
                    // Keep the punctuation with the line by moving the last character down instead
                    // (and an opening mark before it too, which may not end a line either).
                    var moved = [line.removeLast()]
                    // A run of closing marks (`。”`, `);`) goes down with the character before it.
                    while let first = moved.first, noLineStart.contains(first), line.count > 1, line.last != " " {
                        moved.insert(line.removeLast(), at: 0)
                    }
                    if let last = line.last, noLineEnd.contains(last), line.count > 1 { moved.insert(line.removeLast(), at: 0) }
                    lines.append(String(line))
                    line = moved
                    used = DisplayWidth.of(String(moved))
                } else if let last = line.last, noLineEnd.contains(last), line.count > 1 {
                    // An opening mark goes down with what it opens.
                    line.removeLast()
                    lines.append(String(line).trimmingTrailingSpaces())
                    line = [last]
                    used = DisplayWidth.of(last)
                } else if let b = breakAfter, b < line.count, character != " ",
                          !noLineStart.contains(line[b]), !noLineEnd.contains(line[b - 1]) {
                    // A break after a space or a wide character, unless it would strand punctuation.
                    lines.append(String(line[..<b]).trimmingTrailingSpaces())
                    line = Array(line[b...])
                    used = DisplayWidth.of(String(line))
                } else {
                    lines.append(String(line).trimmingTrailingSpaces())
                    line = []
                    used = 0
                }
                breakAfter = nil
                if character == " " && line.isEmpty { continue }
            }
            line.append(character)
            used += w
            if character == " " || w == 2 { breakAfter = line.count }
        }
        lines.append(String(line).trimmingTrailingSpaces())
        return lines
    }
}

/// Where padding goes when text is narrower than its column.
public enum Alignment: Sendable {
    case leading, trailing, center
}

extension String {
    /// Without the spaces at its end (padding of a last column).
    public func trimmingTrailingSpaces() -> String {
        // By bytes: a space is one byte of its own in UTF-8 (by characters, each step back looked for a grapheme's start).
        let spaces = utf8.reversed().prefix { $0 == 0x20 }.count
        return spaces == 0 ? self : String(Substring(utf8.dropLast(spaces)))
    }
}
