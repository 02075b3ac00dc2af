/// The normalisation pass: line ends, indentation, markdown markup and tables, full-width letters and digits,
/// and the pinyin annotations some converters leave behind ("區(qū)"). Everything else stays as written.
enum TextNormalizer {
    static func paragraphs(in text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        // Split on the line-break scalars, not on Characters: grapheme breaking costs more than the rest.
        let lines = text.unicodeScalars.split(omittingEmptySubsequences: true) { s in
            switch s.value { case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true; default: false }
        }.map { String($0) }
        var table = MarkdownTable()
        for (i, line) in lines.enumerated() {
            var line = line
            if let cells = MarkdownTable.cells(line) {
                if MarkdownTable.isDelimiter(cells) { continue }
                let delimited = i + 1 < lines.count && MarkdownTable.cells(lines[i + 1]).map(MarkdownTable.isDelimiter) == true
                if delimited || (table.header == nil && MarkdownTable.isHeader(cells)) {
                    table.header = cells
                    continue
                }
                line = table.line(cells)
            } else {
                table.header = nil
            }
            if let paragraph = isPlain(line) ? Paragraph(text: line)
                : line.utf8.count > 4096 ? normalizeLong(line) : normalize(Array(line)) { result.append(paragraph) }
        }
        return droppingRunningHeaders(result)
    }

    /// Running page headers and footers (the plan title or the issuer repeated on every page): a short
    /// un-numbered line without punctuation that recurs is dropped, so the text it cut is rejoined by the
    /// page-gap pass; its first occurrence stays if it stands before the first numbered line (the title).
    static func droppingRunningHeaders(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var seen: [String: Int] = [:]
        for p in paragraphs where isHeaderCandidate(p.text) { seen[p.text, default: 0] += 1 }
        guard seen.values.contains(where: { $0 > 1 }) else { return paragraphs }
        let bodyStart = paragraphs.firstIndex { NumberMarker.parse($0.text).map { !$0.continuesOnly } ?? false } ?? paragraphs.count
        var kept: Set<String> = []
        return paragraphs.enumerated().filter { i, p in
            guard let count = seen[p.text], count > 1 else { return true }
            return i < bodyStart && kept.insert(p.text).inserted
        }.map(\.element)
    }

    static func isHeaderCandidate(_ text: String) -> Bool {
        guard text.utf8.count <= 160 else { return false }
        // Closed brackets may be part of it ("…行动方案（2026年）"); a wrapped fragment ("务中心)") is not.
        return (4...40).contains(text.count) && !text.contains(where: { Characters("。，,；;：:！？!?、").contains($0) })
            && text.filter(\.isOpeningBracket).count == text.filter(\.isClosingBracket).count
            && NumberMarker.parse(text) == nil
    }

    /// A line that `normalize` would leave as it is, told from one pass over its scalars: no indentation or
    /// trailing space, no markdown mark, rule or page number at its start, no `*`, no full-width letter or
    /// digit, no bracket or `?` before a pinyin letter, no private-use character. Most lines of a plan are so.
    static func isPlain(_ line: String) -> Bool {
        let scalars = line.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        switch first.value {
        case 0x20, 0x09, 0x3000, 0xA0, 0xFEFF, 0x3F, 0x23, 0x3E, 0x2D, 0x2A, 0x2B, 0x5F, 0x3D: return false // padding ? # > - * + _ =
        case 0x30...0x39, 0x7E, 0x2013, 0x2014, 0x2015, 0xFF0D, 0xFF5E, 0x7B2C: // digits, dashes, 第: a page number if short
            if line.utf8.count <= 100 { return false }
        default: break
        }
        switch last.value { case 0x20, 0x09, 0x3000, 0xA0, 0xFEFF: return false; default: break }
        return !scalars.contains { s in
            switch s.value { case 0x2A, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true; default: false }
        } && !mayHoldAnnotation(scalarsOf: line)
    }

    /// `mayHoldAnnotation` told from scalars, without reading the text into characters: a bracket or `?`
    /// before a letter that may be pinyin (ASCII lower case, ü, a toned vowel), or a private-use character.
    /// It may say yes where the characters say no, never the reverse.
    static func mayHoldAnnotation(scalarsOf text: String) -> Bool {
        var bracket = false
        for s in text.unicodeScalars {
            switch s.value {
            case 0xE000...0xF8FF: return true
            case 0x61...0x7A, 0xFC, 0xE0...0xE1, 0xE8...0xE9, 0xEC...0xED, 0xF2...0xF3, 0xF9...0xFA, 0x100...0x1FF, 0x1E3F:
                if bracket { return true }
            default: break
            }
            bracket = s == "(" || s == "（" || s == "?"
        }
        return false
    }

    /// A line of more than 4 KB (a document on one line): markup is on short lines, so only its padding
    /// and bold marks go, without copying it into an array of characters (16 bytes each).
    static func normalizeLong(_ line: String) -> Paragraph? {
        var text = line.trimmingPadding()
        if text.contains("**") { text = text.split(separator: "**", omittingEmptySubsequences: false).joined() }
        if text.unicodeScalars.contains(where: { (0xFF10...0xFF5A).contains($0.value) || (0xE000...0xF8FF).contains($0.value)
            || $0 == "(" || $0 == "（" || $0 == "?" }) {
            return normalize(Array(text))
        }
        return text.isEmpty ? nil : Paragraph(text: text)
    }

    static func normalize(_ line: [Character]) -> Paragraph? {
        var chars = strippingIndentation(line)
        let sourceColumns = LineJoiner.columns(chars)
        if isHorizontalRule(chars) || isPageNumber(chars) { return nil }
        var heading = false
        var hashes = 0
        while hashes < chars.count, chars[hashes] == "#" { hashes += 1 }
        if (1...6).contains(hashes) {
            heading = true
            chars = strippingIndentation(Array(chars[hashes...]))
        }
        while chars.first == ">" { chars = strippingIndentation(Array(chars.dropFirst())) }
        if chars.count > 1, Characters("-*+").contains(chars[0]), chars[1] == " " {
            chars = strippingIndentation(Array(chars.dropFirst(2)))
        }
        // Each pass copies the line, so it runs only on a line that has what it removes.
        if chars.contains("*") { chars = removingBold(chars) }
        if chars.contains(where: isFullWidthLetterOrDigit) { chars = foldingWidth(chars) }
        if mayHoldAnnotation(chars) { chars = strippingAnnotations(chars) }
        let trimmed = Array(chars.trimmingPadding())
        return trimmed.isEmpty ? nil : Paragraph(text: String(trimmed), isMarkedHeading: heading,
                                                  markupColumns: sourceColumns - LineJoiner.columns(trimmed))
    }

    /// Leading spaces, U+3000, and the "??" that U+3000 becomes after a lossy conversion.
    static func strippingIndentation(_ chars: [Character]) -> [Character] {
        var lo = 0
        while lo < chars.count, chars[lo].isPadding || chars[lo] == "?" { lo += 1 }
        var hi = chars.count
        while hi > lo, chars[hi - 1].isPadding { hi -= 1 }
        return Array(chars[lo..<hi])
    }

    /// A page number standing between paragraphs: "— 3 —", "- 3 -", "3", "第3页", "第 3 页 共 10 页".
    static func isPageNumber(_ chars: [Character]) -> Bool {
        guard chars.count <= 24 else { return false }
        let marks = chars.filter { !$0.isPadding }
        let digits = marks.filter(\.isASCIIDigit).count
        guard digits >= 1, digits <= 6 else { return false }
        let dashes = Characters("-—–－―~～")
        if marks.allSatisfy({ $0.isASCIIDigit || dashes.contains($0) }) { return digits <= 3 }
        return marks.first == "第" && marks.allSatisfy { $0.isASCIIDigit || Characters("第页共頁/").contains($0) }
    }

    static func isHorizontalRule(_ chars: [Character]) -> Bool {
        guard let first = chars.first, Characters("-*_=").contains(first) else { return false }
        let marks = chars.filter { !$0.isPadding }
        guard marks.count >= 3, let first = marks.first, Characters("-*_=").contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    static func removingBold(_ chars: [Character]) -> [Character] {
        guard chars.count > 1 else { return chars }
        var out: [Character] = []
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            if chars[i] == "*", i + 1 < chars.count, chars[i + 1] == "*" { i += 2; continue }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Full-width ASCII letters and digits (ＡＢＣ１２３) become ASCII; punctuation keeps its width.
    static func foldingWidth(_ chars: [Character]) -> [Character] {
        chars.map { c in
            guard isFullWidthLetterOrDigit(c), let v = c.unicodeScalars.first?.value, let ascii = Unicode.Scalar(v - 0xFEE0) else { return c }
            return Character(ascii)
        }
    }

    static func isFullWidthLetterOrDigit(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
    }

    /// Removes pinyin annotations such as "區(qū)" or "I(yè)" (and "?qū)" whose bracket was lost),
    /// and private-use characters that such converters emit; real brackets like "(2026年)" stay.
    static func strippingAnnotations(_ chars: [Character]) -> [Character] {
        var out: [Character] = []
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "(" || c == "（" || c == "?" {
                var j = i + 1
                var toned = false
                while j < chars.count, j - i <= 7, let kind = pinyinLetter(chars[j]) {
                    toned = toned || kind
                    j += 1
                }
                if j < chars.count, j > i + 1, chars[j] == ")" || chars[j] == "）" {
                    let afterIdeograph = out.last?.isIdeograph ?? false
                    if toned || (c != "?" && afterIdeograph && j - i > 2) {
                        i = j + 1
                        continue
                    }
                }
            }
            if c.isPrivateUse {
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// A bracket or "?" followed by a pinyin letter, or a private-use character: what `strippingAnnotations` removes.
    static func mayHoldAnnotation(_ chars: [Character]) -> Bool {
        var i = 0
        while i + 1 < chars.count {
            if Characters("(（?").contains(chars[i]), pinyinLetter(chars[i + 1]) != nil { return true }
            i += 1
        }
        return chars.contains(where: \.isPrivateUse)
    }

    /// nil if `c` cannot be part of a pinyin syllable; true if it carries a tone mark.
    static func pinyinLetter(_ c: Character) -> Bool? {
        if c.isASCII, c.isLowercase { return false }
        if Characters("ü").contains(c) { return false }
        if Characters("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ").contains(c) { return true }
        return nil
    }
}
