/// Rejoins paragraphs that line breaks cut: page gaps in text that has one paragraph a line, and every
/// visual line of text extracted from a PDF (broken at the page width, with page numbers and running
/// headers between them, which the normaliser has already dropped).
///
/// Which of the two a document is, is decided from the whole document: when many lines stop at the same
/// width (in display columns), the document is *wrapped* at that width, and a line that reaches it
/// continues in the next one; a shorter line ends its paragraph unless it stops mid-clause. Otherwise a
/// paragraph joins the next one only where it stops mid-sentence (a page gap). In both, a numbered item
/// that fits the numbering so far, a unit or deadline label, a date, a document number or closing matter
/// starts a paragraph of its own. Every line is looked at once, so the cost is linear in the text.
struct LineJoiner {
    /// The width (columns) at which the document's lines were broken, nil when they were not.
    let wrapWidth: Int?

    init(_ paragraphs: ArraySlice<Paragraph>) {
        wrapWidth = Self.wrapWidth(paragraphs.map { Self.columns($0.text) })
    }

    /// The wrap width: the width that the longest tenth of lines reach, if at least 40% of lines come
    /// within a few columns of it (in a paragraph-a-line document, widths spread over hundreds of columns).
    static func wrapWidth(_ widths: [Int]) -> Int? {
        guard widths.count >= 12 else { return nil }
        let sorted = widths.sorted()
        let width = sorted[sorted.count * 9 / 10]
        guard width >= 16, width <= 240 else { return nil }
        let full = widths.filter { $0 >= width - tolerance(width) && $0 <= width + 2 }.count
        return full * 10 >= widths.count * 4 ? width : nil
    }

    /// How far short of the width a wrapped line may stop: a number or word that did not fit, a
    /// punctuation mark that may not start a line.
    static func tolerance(_ width: Int) -> Int { max(4, width / 8) }

    /// Display columns as a page lays text out: ASCII one, everything else (CJK, full-width marks) two.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
    }

    /// What is known of a line from the line alone, computed once.
    private struct Line {
        var paragraph: Paragraph
        var columns: Int
        var marker: NumberMarker?
        /// A number with nothing after it ("（二十三）", "1."): the item's text is on the next line.
        var isBareMarker: Bool
        var endsClosed: Bool
        var endsMidClause: Bool
        var standsAlone: Bool
        var opensWithLabel: Bool
        /// Brackets opened minus closed on this line.
        var bracketBalance: Int
        var hasSentenceEnd: Bool

        init(_ p: Paragraph) {
            let text = p.text
            paragraph = p
            columns = LineJoiner.columns(text)
            marker = NumberMarker.parse(text)
            isBareMarker = marker == nil && NumberMarker.parse(text + "X") != nil
            endsClosed = LineJoiner.endsClosed(text)
            let last = text.last(where: { !$0.isPadding })
            endsMidClause = last.map { Characters("，,、：:（(〔【《“").contains($0) } ?? false
            standsAlone = p.isMarkedHeading || Boilerplate.signingDate(text) != nil || Boilerplate.isDocumentNumber(text)
                || Boilerplate.startsClosingMatter(text)
            opensWithLabel = UnitClause.opensWithLabel(text)
            var balance = 0
            var sentenceEnd = false
            for c in text {
                if Characters("(（〔【[").contains(c) { balance += 1 } else if Characters(")）〕】]").contains(c) { balance -= 1 }
                if Characters("。；;！？!?").contains(c) { sentenceEnd = true }
            }
            bracketBalance = balance
            hasSentenceEnd = sentenceEnd
        }
    }

    /// A paragraph being built from lines: what the join decision needs of it, kept up to date line by line.
    private struct Group {
        var first: Line
        var last: Line
        var pieces: [String]
        var characters: Int
        var brackets: Int
        var hasSentenceEnd: Bool

        init(_ line: Line) {
            first = line
            last = line
            pieces = [line.paragraph.text]
            characters = line.paragraph.text.count
            brackets = max(0, line.bracketBalance)
            hasSentenceEnd = line.hasSentenceEnd
        }

        mutating func append(_ line: Line) {
            last = line
            pieces.append(line.paragraph.text)
            characters += line.paragraph.text.count
            brackets = max(0, brackets + line.bracketBalance)
            hasSentenceEnd = hasSentenceEnd || line.hasSentenceEnd
        }

        /// A numbered line that is only a heading: short and without a sentence end.
        var isHeadingLike: Bool {
            guard let marker = first.marker else { return false }
            return characters - (first.paragraph.text.count - marker.rest.count) <= 60 && !hasSentenceEnd
        }

        var paragraph: Paragraph {
            Paragraph(text: pieces.count == 1 ? pieces[0] : pieces.joined(), isMarkedHeading: first.paragraph.isMarkedHeading)
        }
    }

    /// A number alone on its line ("（二十三）", "一、") with the line after it, in a document that is not
    /// wrapped (where `join` does this), so that the body's start is found at a bare pillar number too.
    static func attachingBareMarkers(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var out: [Paragraph] = []
        out.reserveCapacity(paragraphs.count)
        var pending: Paragraph?
        for p in paragraphs {
            if var bare = pending, NumberMarker.parse(p.text) == nil {
                bare.text += p.text
                out.append(bare)
                pending = nil
                continue
            }
            if let bare = pending { out.append(bare) }
            pending = nil
            if NumberMarker.parse(p.text) == nil, NumberMarker.parse(p.text + "X") != nil { pending = p } else { out.append(p) }
        }
        if let bare = pending { out.append(bare) }
        return out
    }

    func join(_ paragraphs: ArraySlice<Paragraph>) -> [Paragraph] {
        var out: [Paragraph] = []
        var group: Group?
        var ordinals: [NumberMarker.Kind: Int] = [:]
        for p in paragraphs {
            let line = Line(p)
            if var g = group, continues(g, with: line, ordinals: ordinals) {
                if g.pieces.count == 1, g.first.isBareMarker {
                    // The number and its text are one numbered line from here on.
                    let numbered = Line(Paragraph(text: g.first.paragraph.text + line.paragraph.text,
                                                  isMarkedHeading: g.first.paragraph.isMarkedHeading))
                    if let marker = numbered.marker, Outline.fits(marker, after: ordinals[marker.kind]) { ordinals[marker.kind] = marker.ordinal }
                    group = Group(numbered)
                    continue
                }
                g.append(line)
                group = g
                continue
            }
            if let g = group { out.append(g.paragraph) }
            if let marker = line.marker, !marker.continuesOnly || Outline.fits(marker, after: ordinals[marker.kind]) {
                ordinals[marker.kind] = marker.ordinal
            }
            group = Group(line)
        }
        if let g = group { out.append(g.paragraph) }
        return out
    }

    private func continues(_ group: Group, with next: Line, ordinals: [NumberMarker.Kind: Int]) -> Bool {
        if group.pieces.count == 1, group.first.isBareMarker { return !next.standsAlone }
        guard !group.last.standsAlone, !next.standsAlone, !next.paragraph.isMarkedHeading else { return false }
        if group.pieces.count == 1, group.first.marker == nil,
           Boilerplate.signingDate(group.first.paragraph.text) != nil { return false }
        // A number that does not fit the numbering so far is text that the wrap put at a line start.
        let startsItem = next.marker.map { Outline.fits($0, after: ordinals[$0.kind]) } ?? false
        if let width = wrapWidth {
            if startsItem || next.isBareMarker { return false }
            // Inside an open bracket ("（牵" / "头单位：…）") even a label line continues.
            if group.brackets > 0 { return true }
            if next.opensWithLabel { return false }
            let last = group.last
            if last.columns >= width - 1 { return true }
            if last.columns >= width - Self.tolerance(width) { return !last.endsClosed }
            // A short line: a paragraph's end, unless it stops mid-sentence in the body (a page gap).
            return last.endsMidClause || (!ordinals.isEmpty && !last.endsClosed && !group.isHeadingLike)
        }
        guard next.marker == nil || (next.marker?.continuesOnly == true && !startsItem), !next.opensWithLabel else { return false }
        if group.last.endsClosed || group.isHeadingLike { return false }
        return true
    }

    /// Ends in sentence or clause punctuation, or a closing bracket (unit clauses, "(2026年)").
    static func endsClosed(_ text: String) -> Bool {
        var last = text.last
        var rest = text.dropLast()
        while let l = last, Characters("”’」』\"").contains(l) { last = rest.last; rest = rest.dropLast() }
        guard let last else { return true }
        return Characters("。！？；：!?;:…）)〕】」』").contains(last)
    }
}
