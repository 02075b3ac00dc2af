/// A query ready to be looked for in text as it is stored, compared folded
/// (`SearchIndex.folded`: 政務 = 政务, ＡＩ = AI = ai) without folding the text.
///
/// Folding is one scalar for one, so the query's last scalar can stand only where the
/// text holds one of its forms: the scalars that fold to it (资 and 資; i, I, ｉ and Ｉ),
/// a handful found once per query. Each form is looked for with memchr; at each hit
/// the scalars before it are folded one by one, backwards, against the rest of the
/// query. `duban search` reads every text of every plan once, so folding whole texts
/// (then making an index of them) was most of its work.
public struct SearchQuery: Sendable {
    /// The query, folded, one scalar each.
    private let folded: [Unicode.Scalar]
    /// The UTF-8 of every scalar that folds to the query's last one.
    private let lastForms: [[UInt8]]

    /// Nil for a query of no scalars, which nothing contains.
    public init?(_ query: String) {
        folded = query.unicodeScalars.map(SearchIndex.folded)
        guard let last = folded.last else { return nil }
        lastForms = SearchIndex.forms(of: last).map { Array(String($0).utf8) }
    }

    /// The byte range of the first match in `utf8` (bytes as stored: invalid UTF-8
    /// matches nothing there and is never read past).
    public func firstMatch(in utf8: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let base = utf8.baseAddress else { return nil }
        var first: Range<Int>?
        for form in lastForms {
            // Later forms need only be looked for before the first match found.
            let end = first?.upperBound ?? utf8.count
            form.withUnsafeBufferPointer { pin in
                var position = 0
                while let hit = SearchIndex.firstMatch(in: base, from: position, to: end, needle: pin.baseAddress!, count: pin.count) {
                    if let start = start(ofMatchEndingWith: hit, in: utf8) {
                        if first.map({ start < $0.lowerBound }) ?? true { first = start..<(hit + pin.count) }
                        return
                    }
                    position = hit + 1
                }
            }
        }
        return first
    }

    /// The first match in `text`.
    public func firstMatch(in text: String) -> Range<String.Index>? {
        var text = text
        guard let bytes = text.withUTF8({ firstMatch(in: $0) }) else { return nil }
        let utf8 = text.utf8
        return utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)
    }

    /// Looks in a deferred text's stored bytes, without making a string of them.
    public func occurs(in text: DeferredText) -> Bool { text.withUTF8 { firstMatch(in: $0) != nil } }

    /// Where the match starts whose last scalar starts at `last`: walks back one scalar per
    /// scalar of the query before its last; nil when one of them does not fold to the query's.
    private func start(ofMatchEndingWith last: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = last
        for wanted in folded.dropLast().reversed() {
            var lead = start - 1
            while lead > 0, start - lead < 4, utf8[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard lead >= 0, let scalar = Self.scalar(in: utf8, from: lead, to: start),
                  SearchIndex.folded(scalar) == wanted else { return nil }
            start = lead
        }
        return start
    }

    /// The scalar whose UTF-8 is exactly `utf8[from..<to]`, if it is one.
    private static func scalar(in utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Unicode.Scalar? {
        let lead = utf8[from], length = to - from
        guard length == (lead < 0x80 ? 1 : lead < 0xC0 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4) else { return nil }
        guard length > 1 else { return Unicode.Scalar(lead) }
        return Unicode.Scalar(SearchIndex.scalarValue(utf8, at: from, length: length))
    }
}

extension SearchIndex {
    /// Every scalar that folds to `scalar`, itself first if it does.
    static func forms(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let target = folded(scalar)
        var candidates = [target] + SimplifiedChinese.traditionalForms(of: target)
        if target.value < 0x80 {
            let v = UInt8(target.value)
            let ascii = v >= 0x61 && v <= 0x7A ? [v, v - 0x20] : [v]
            // Full-width forms of printable ASCII, the ideographic space for a space.
            candidates = ascii.map { Unicode.Scalar($0) } + ascii.filter { $0 > 0x20 && $0 < 0x7F }.map { Unicode.Scalar(UInt32($0) + 0xFEE0)! }
            if v == 0x20 { candidates.append("\u{3000}") }
        }
        return candidates.filter { folded($0) == target }
    }
}
