extension Unicode.Scalar {
    /// A line break as Foundation's `CharacterSet.newlines` has it: LF, VT, FF, CR, NEL, LS, PS.
    public var isLineBreak: Bool { (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029 }
}

extension BidirectionalCollection where Element == Unicode.Scalar {
    /// Without the white space at either end (Unicode's White_Space: spaces, tabs and line breaks,
    /// Foundation's `.whitespacesAndNewlines`), or only spaces and tabs (`.whitespaces`); nil if nothing is left.
    public func trimmingWhitespace(keepingLineBreaks: Bool = false) -> SubSequence? {
        let trimmed = { (s: Unicode.Scalar) in s.properties.isWhitespace && !(keepingLineBreaks && s.isLineBreak) }
        guard let first = firstIndex(where: { !trimmed($0) }), let last = lastIndex(where: { !trimmed($0) }) else { return nil }
        return self[first...last]
    }
}

extension StringProtocol {
    /// Without the white space at either end (spaces, tabs and line breaks; or only spaces and tabs).
    public func trimmingWhitespace(keepingLineBreaks: Bool = false) -> String {
        unicodeScalars.trimmingWhitespace(keepingLineBreaks: keepingLineBreaks).map { String(String.UnicodeScalarView($0)) } ?? ""
    }
}

extension String {
    /// Every `scalar` replaced by `replacement`, also where a combining mark follows it (a `Character`
    /// compare would pass over `"` + U+0301): escaping must reach every one.
    public func replacing(scalar: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(scalar) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            if s == scalar { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }
}
