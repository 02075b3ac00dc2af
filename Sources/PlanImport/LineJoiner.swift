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

    /// The document's paragraphs open with lead phrases ("推进关联事项集成办。…"): most lines after a sure
    /// paragraph end (a short line closing a sentence) open with one. Then a full line that closes a
    /// sentence, followed by a lead phrase, ends its paragraph too.
    let paragraphsOpenWithLeads: Bool
    /// The longest lead phrase (characters) taken to open a paragraph after a full line: a little over the
    /// median of the document's sure ones, as a lead is shorter than most sentences.
    let longestLead: Int

    /// From how many columns a line counts as full: the shortest tenth of the lines near the width are not.
    /// A typed wrap fills lines to the column; a PDF's justified lines, whose quotes and digits are narrower
    /// than two columns, spread a few columns below it.
    let fullWidth: Int

    init(_ paragraphs: ArraySlice<Paragraph>) {
        let widths = paragraphs.map { Self.columns($0.text) + $0.markupColumns }
        let width = Self.wrapWidth(widths)
        wrapWidth = width
        if let width {
            let band = widths.filter { $0 >= width - Self.tolerance(width) && $0 <= width + 2 }.sorted()
            fullWidth = min(width - 1, band[band.count / 10])
        } else {
            fullWidth = 0
        }
        var ends = 0
        var leads: [Int] = []
        if let width {
            for (i, p) in zip(paragraphs.indices, paragraphs).dropLast()
            where widths[i - paragraphs.startIndex] < width - Self.tolerance(width) && p.text.last == "。" {
                let next = paragraphs[i + 1].text
                guard NumberMarker.parse(next) == nil else { continue }
                ends += 1
                if let lead = StructureRecognizer.leadPhrase(next)?.count, lead >= 4 { leads.append(lead) }
            }
        }
        paragraphsOpenWithLeads = ends >= 3 && leads.count * 2 > ends
        longestLead = leads.isEmpty ? 0 : leads.sorted()[leads.count / 2] + 4
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

    static func columns(_ chars: some Collection<Character>) -> Int {
        chars.reduce(0) { total, c in c.unicodeScalars.reduce(total) { $0 + ($1.isASCII ? 1 : 2) } }
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
        /// A date, document number or closing line: never joined to a neighbour.
        var standsAlone: Bool
        var opensWithLabel: Bool
        /// Opens with a phrase of 4–25 characters ending in 。 (`推进关联事项集成办。…`), as a task paragraph
        /// does; a shorter one ("改革。…") is more likely the end of a cut heading.
        var opensWithLeadPhrase: Bool
        /// The length of that phrase, 0 if none.
        var leadPhrase: Int
        /// Opens with one to three characters and a 。 ("改革。…"): the end of a sentence cut at the line end.
        var opensWithFragment: Bool
        var isSignature: Bool
        /// Brackets opened minus closed on this line.
        var bracketBalance: Int
        var hasSentenceEnd: Bool

        /// `wrapped`: also what only the joining of a wrapped document asks (widths, lead phrases, signatures,
        /// brackets), which a document with one paragraph a line does not pay for.
        init(_ p: Paragraph, wrapped: Bool) {
            let text = p.text
            paragraph = p
            marker = NumberMarker.parse(text)
            isBareMarker = marker == nil && text.utf8.count <= 24 && NumberMarker.parse(text + "X") != nil
            endsClosed = LineJoiner.endsClosed(text)
            standsAlone = Boilerplate.signingDate(text) != nil || Boilerplate.isDocumentNumber(text)
                || Boilerplate.startsClosingMatter(text)
            opensWithLabel = UnitClause.opensWithLabel(text)
            var balance = 0
            var sentenceEnd = false
            for s in text.unicodeScalars {
                switch s.value {
                case 0x3002, 0xFF1B, 0x3B, 0xFF01, 0xFF1F, 0x21, 0x3F: sentenceEnd = true // 。；;！？!?
                case 0x28, 0xFF08, 0x3014, 0x3010, 0x5B: balance += 1 // as Character.bracketDepthChange
                case 0x29, 0xFF09, 0x3015, 0x3011, 0x5D: balance -= 1
                default: break
                }
            }
            bracketBalance = balance
            hasSentenceEnd = sentenceEnd
            guard wrapped else {
                columns = 0; endsMidClause = false; leadPhrase = 0; opensWithLeadPhrase = false; isSignature = false; opensWithFragment = false
                return
            }
            columns = LineJoiner.columns(text) + p.markupColumns
            let last = text.last(where: { !$0.isPadding })
            endsMidClause = last.map { Characters("，,、：:（(〔【《“").contains($0) } ?? false
            leadPhrase = StructureRecognizer.leadPhrase(text)?.count ?? 0
            opensWithLeadPhrase = leadPhrase >= 4
            isSignature = Boilerplate.isSignature(text)
            opensWithFragment = text.prefix(4).dropFirst().contains("。")
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

        /// The joined text; a pinyin annotation the wrap cut ("優(y" / "ōu)化") is removed once whole.
        var paragraph: Paragraph {
            var joined = pieces[0]
            for piece in pieces.dropFirst() {
                // A break between two Latin words ("…支持 AI" / "Agent 应用") consumed the space between them;
                // Chinese next to Latin has none.
                if let end = joined.unicodeScalars.last, let start = piece.unicodeScalars.first,
                   end.isASCIILetterOrDigit, start.isASCIILetterOrDigit { joined += " " }
                joined += piece
            }
            var text = joined
            // Read into characters (16 bytes each) only when its scalars may hold an annotation.
            if pieces.count > 1, TextNormalizer.mayHoldAnnotation(scalarsOf: joined) {
                let chars = Array(joined)
                if TextNormalizer.mayHoldAnnotation(chars) { text = String(TextNormalizer.strippingAnnotations(chars)) }
            }
            return Paragraph(text: text, isMarkedHeading: first.paragraph.isMarkedHeading)
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
            if p.text.utf8.count <= 24, NumberMarker.parse(p.text) == nil, NumberMarker.parse(p.text + "X") != nil { pending = p } else { out.append(p) }
        }
        if let bare = pending { out.append(bare) }
        return out
    }

    func join(_ paragraphs: ArraySlice<Paragraph>) -> [Paragraph] {
        var out: [Paragraph] = []
        var group: Group?
        var ordinals: [NumberMarker.Kind: Int] = [:]
        for p in paragraphs {
            let line = Line(p, wrapped: wrapWidth != nil)
            if var g = group, continues(g, with: line, ordinals: ordinals) {
                if g.pieces.count == 1, g.first.isBareMarker {
                    // The number and its text are one numbered line from here on.
                    let numbered = Line(Paragraph(text: g.first.paragraph.text + line.paragraph.text,
                                                  isMarkedHeading: g.first.paragraph.isMarkedHeading), wrapped: wrapWidth != nil)
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
        // (A date alone on its line stands alone: a one-line group that is a date ends here.)
        guard !group.last.standsAlone, !next.standsAlone, !next.paragraph.isMarkedHeading else { return false }
        // A line that opens with punctuation no sentence opens with ("、村（社区）…", "，即从…") goes on the last.
        if let first = next.paragraph.text.first, Characters("、，,。；;：:）)〕】》”").contains(first) { return true }
        // A number that does not fit the numbering so far is text that the wrap put at a line start.
        let startsItem = next.marker.map { Outline.fits($0, after: ordinals[$0.kind]) } ?? false
        if let width = wrapWidth {
            let last = group.last
            // A restart at 1 right after a full line cut mid-phrase ("…多测合" / "一、多验合一…") is that phrase.
            let cutRestart = next.marker.map { $0.ordinal == 1 && ordinals[$0.kind] != nil } ?? false
                && last.columns >= fullWidth && !last.endsClosed && !last.endsMidClause
            if (startsItem && !cutRestart) || next.isBareMarker { return false }
            // Inside an open bracket ("（牵" / "头单位：…）") even a label line continues.
            if group.brackets > 0 { return true }
            if next.opensWithLabel { return false }
            let nearlyFull = last.columns >= width - Self.tolerance(width)
            // A heading goes on only where the wrap cut it ("一、…的政务" / "环境", "1.深入推进“一照多址”" /
            // "改革。…"): into a short line or a line that opens with the heading's last word; a full line
            // after a heading, or a lead phrase, is the body's.
            if group.isHeadingLike || group.first.paragraph.isMarkedHeading {
                guard nearlyFull, !last.endsClosed else { return last.endsMidClause }
                return next.opensWithFragment || (!next.opensWithLeadPhrase && next.columns < width - Self.tolerance(width))
            }
            // A full line that closes a sentence or clause, then a signature (or a lead phrase where the
            // document's paragraphs open with one): the paragraph ended exactly at the width.
            if last.endsClosed, next.isSignature || (paragraphsOpenWithLeads && next.leadPhrase <= longestLead && next.leadPhrase >= 4) { return false }
            if last.columns >= fullWidth { return true }
            if nearlyFull { return !last.endsClosed }
            // A short line: a paragraph's end, unless it stops mid-sentence in the body (a page gap).
            return last.endsMidClause || (!ordinals.isEmpty && !last.endsClosed)
        }
        guard !group.first.paragraph.isMarkedHeading, next.marker == nil || (next.marker?.continuesOnly == true && !startsItem),
              !next.opensWithLabel else { return false }
        if group.last.endsClosed || group.isHeadingLike { return false }
        return true
    }

    /// Ends in sentence or clause punctuation, or a closing bracket of some length (unit clauses, "(2026年)");
    /// a short one ("首台(套)") is inside a sentence.
    static func endsClosed(_ text: String) -> Bool {
        // Substring's own index(before:): the generic dropLast() counts the whole line from its start.
        var rest = Substring(text)
        var last = rest.popLast()
        while let l = last, Characters("”’」』\"").contains(l) { last = rest.popLast() }
        guard let last else { return true }
        if Characters("）)〕】」』").contains(last) {
            return rest.suffix(4).allSatisfy { !$0.isOpeningBracket }
        }
        return Characters("。！？；：!?;:…").contains(last)
    }
}
