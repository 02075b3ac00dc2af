/// How search compares text: traditional characters as simplified (政務 = 政务),
/// full-width ASCII forms as ASCII (ＡＩ = AI, １２ = 12, the ideographic space as
/// a space), ASCII case ignored. One scalar folds to one scalar, so a match in the
/// folded text is a match at the same place in the displayed text (`SearchQuery`
/// finds it there without folding the text).
extension SearchIndex {
    public static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v < 0x80 { return v &- 0x41 < 26 ? Unicode.Scalar(UInt8(v + 0x20)) : scalar }
        if v >= 0xFF01, v <= 0xFF5E { return folded(Unicode.Scalar(UInt8(v - 0xFEE0))) }
        if v == 0x3000 { return " " }
        return SimplifiedChinese.simplified(scalar)
    }

    public static func folded(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.lazy.map(folded))
        return String(result)
    }

    /// Appends the UTF-8 of `text` folded, the same as `folded(_:)` but fast enough for
    /// 100,000 measures: runs of bytes that fold to themselves are copied whole; only
    /// ASCII capitals and the blocks that hold traditional characters or full-width
    /// forms are decoded, the CJK blocks straight through the table.
    static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendFolded(utf8: $0, to: &bytes) }
    }

    /// `appendFolded(_:to:)` of valid UTF-8.
    static func appendFolded(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        SimplifiedChinese.lookup.dense.withUnsafeBufferPointer { dense in
            var copied = 0 // bytes before this are in `bytes` already
            var i = 0
            func replace(_ length: Int, with scalar: Unicode.Scalar) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<i]))
                bytes.append(contentsOf: scalar.utf8)
                copied = i + length
            }
            while i < utf8.count {
                let lead = utf8[i]
                if lead < 0x80 {
                    if lead &- 0x41 < 26 { replace(1, with: Unicode.Scalar(lead + 0x20)) }
                    i += 1
                    continue
                }
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                // U+3000–U+9FFF (E3–E9), U+F000–U+FFFF (EF), U+20000–U+3FFFF (F0).
                guard (0xE3...0xE9).contains(lead) || lead == 0xEF || lead == 0xF0, i + length <= utf8.count else {
                    i += length
                    continue
                }
                let value = scalarValue(utf8, at: i, length: length)
                if value >= SimplifiedChinese.Lookup.firstDense, value < SimplifiedChinese.Lookup.endDense {
                    let mapped = dense[Int(value - SimplifiedChinese.Lookup.firstDense)]
                    if mapped != 0, let scalar = Unicode.Scalar(mapped) { replace(length, with: scalar) }
                } else if let scalar = Unicode.Scalar(value), case let replacement = folded(scalar), replacement != scalar {
                    replace(length, with: replacement)
                }
                i += length
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<utf8.count]))
        }
    }

    /// The value of the `length`-byte UTF-8 sequence at `i` (2 to 4 bytes, there in `utf8`: the caller checked).
    @inline(__always)
    static func scalarValue(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt32 {
        var value = UInt32(utf8[i]) & (0x7F >> UInt32(length))
        for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
        return value
    }
}
