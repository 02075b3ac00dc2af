/// Rejoins text cut by page gaps: a paragraph that stops mid-sentence continues in the next one,
/// unless either is a heading, a numbered item, a date or number line, or the next one opens a unit clause.
enum PageGapJoiner {
    static func join(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var out: [Paragraph] = []
        out.reserveCapacity(paragraphs.count)
        for p in paragraphs {
            if let last = out.last, isOpenEnded(last), canContinue(p) {
                out[out.count - 1].text += p.text
            } else {
                out.append(p)
            }
        }
        return out
    }

    static func isOpenEnded(_ p: Paragraph) -> Bool {
        guard !p.isMarkedHeading, !endsClosed(p.text), !isHeadingLike(p.text),
              Boilerplate.signingDate(p.text) == nil, !Boilerplate.isDocumentNumber(p.text) else { return false }
        return true
    }

    static func canContinue(_ p: Paragraph) -> Bool {
        !p.isMarkedHeading && NumberMarker.parse(p.text) == nil && Boilerplate.signingDate(p.text) == nil
            && !Boilerplate.isDocumentNumber(p.text)
            && !Boilerplate.startsClosingMatter(p.text) && !UnitClause.opensWithLabel(p.text)
    }

    /// Ends in sentence or clause punctuation, or a closing bracket (unit clauses, "(2026年)").
    static func endsClosed(_ text: String) -> Bool {
        var chars = Array(text)
        while let last = chars.last, Characters("”’」』\"").contains(last) { chars.removeLast() }
        guard let last = chars.last else { return true }
        return Characters("。！？；：!?;:…）)〕】」』").contains(last)
    }

    /// A numbered line that is only a heading: short and without a sentence end.
    static func isHeadingLike(_ text: String) -> Bool {
        guard let marker = NumberMarker.parse(text) else { return false }
        return marker.rest.count <= 60 && !marker.rest.contains(where: { Characters("。；;！？!?").contains($0) })
    }
}
