/// The numbered skeleton of a plan body: every accepted numbered paragraph becomes an item,
/// un-numbered paragraphs attach to the item they follow.
struct Outline {
    struct Item {
        var marker: NumberMarker
        /// The whole paragraph as written, number included.
        var line: String
        /// Heading text: the line up to its first 。 (or all of it). Views of `line`, not copies: the
        /// outline of a long plan would otherwise hold its text twice over.
        var title: Substring
        /// Text after the title on the numbered line itself ("1. 市场准入。全面落实…").
        var inlineBody: Substring
        var paragraphs: [String] = []
        var children: [Int] = []

        var hasBody: Bool { !inlineBody.isEmpty || !paragraphs.isEmpty }
    }

    var items: [Item] = []
    var roots: [Int] = []

    init(paragraphs: ArraySlice<Paragraph>) {
        var last: [NumberMarker.Kind: Int] = [:]
        var stack: [Int] = []
        for p in paragraphs {
            if let marker = NumberMarker.parse(p.text), Self.fits(marker, after: last[marker.kind]) {
                while let top = stack.last, items[top].marker.kind >= marker.kind { stack.removeLast() }
                let (title, body) = Self.splitTitle(marker.rest)
                let index = items.count
                items.append(Item(marker: marker, line: p.text, title: title, inlineBody: body))
                if let parent = stack.last { items[parent].children.append(index) } else { roots.append(index) }
                stack.append(index)
                last[marker.kind] = marker.ordinal
            } else if let top = stack.last {
                items[top].paragraphs.append(p.text)
            }
        }
    }

    /// Numbering goes on by one, restarts at 1, or skips at most two (a lost line); a number that may be a
    /// decimal (`7.300家`) only where it goes on by one.
    static func fits(_ marker: NumberMarker, after previous: Int?) -> Bool {
        if marker.continuesOnly { return previous.map { marker.ordinal == $0 + 1 } ?? false }
        return marker.ordinal == 1 || (previous.map { marker.ordinal > $0 && marker.ordinal <= $0 + 3 } ?? false)
    }

    /// "市场准入。全面落实…" or "市场准入：全面落实…" → ("市场准入", "全面落实…"); a first sentence that is not a short phrase is
    /// both the title and part of the body.
    static func splitTitle(_ rest: Substring) -> (title: Substring, body: Substring) {
        // Only the first 21 characters can hold a title's colon; the rest of the line is not copied.
        let head = Array(rest.prefix(21))
        // "市场准入：全面落实…": a short phrase before a colon that comes before any 。 is the title.
        if let colon = head.firstIndex(where: { $0 == "：" || $0 == ":" }), colon >= 2, colon <= 20,
           !head[..<colon].contains("。"), isShortPhrase(head[..<colon]), !UnitClause.opensWithLabel(String(rest)),
           // "推进改革（牵头单位：…）": a colon inside a bracket belongs to a unit clause.
           head[..<colon].filter(\.isOpeningBracket).count == head[..<colon].filter(\.isClosingBracket).count {
            let colonIndex = rest.index(rest.startIndex, offsetBy: colon)
            let after = trimmed(rest[rest.index(after: colonIndex)...])
            if !after.isEmpty { return (rest[..<colonIndex], after) }
        }
        guard let stop = rest.firstIndex(of: "。") else {
            var title = rest
            while let l = title.last, Characters("：:；;").contains(l) { title.removeLast() }
            return (title, "")
        }
        let lead = rest[..<stop]
        let after = trimmed(rest[rest.index(after: stop)...])
        if isShortPhrase(lead) { return (lead, after) }
        return (lead, rest)
    }

    /// Without leading and trailing padding and line breaks, still a view.
    static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let f = text.first, f.isPadding || f.isNewline { text.removeFirst() }
        while let l = text.last, l.isPadding || l.isNewline { text.removeLast() }
        return text
    }

    /// A title-like phrase: short and without commas or semicolons.
    static func isShortPhrase(_ chars: some Collection<Character>) -> Bool {
        !chars.isEmpty && chars.prefix(31).count <= 30 && !chars.contains(where: { Characters("，,；;").contains($0) })
    }

    /// Numbering kinds in use, outermost first.
    var levels: [NumberMarker.Kind] { Array(Set(items.map(\.marker.kind))).sorted() }
}
