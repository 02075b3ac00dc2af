/// Unicode's compatibility folding (NFKC) from a table built into the binary
/// (`CompatibilityForms+Table.swift`): ① → 1, ㈱ → (株), ⼀ (a Kangxi radical, as PDFs give 一) → 一,
/// ＡＢ → AB, ｶﾞ → ガ. Foundation's `precomposedStringWithCompatibilityMapping` would bring
/// swift-corelibs-foundation and ICU into the binary (~1,800 more protocol conformances scanned at every
/// dynamic cast, ~1.5 ms of every start).
enum CompatibilityForms {
    /// `text` in NFKC: each scalar's compatibility decomposition, then the standard library's NFC
    /// (which decomposes canonically, reorders marks and composes).
    static func folded(_ text: String) -> String {
        var decomposed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let mapped = table[scalar.value] { decomposed.append(contentsOf: mapped) } else { decomposed.append(scalar) }
        }
        return String(decoding: String(decomposed)._nfcCodeUnits, as: UTF8.self)
    }

    /// Scalar → its full compatibility decomposition, read once from `decompositions`.
    private static let table: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        var at = 0
        while at + 1 < decompositions.count {
            let count = Int(decompositions[at + 1])
            table[decompositions[at]] = decompositions[at + 2..<at + 2 + count].compactMap(Unicode.Scalar.init)
            at += 2 + count
        }
        return table
    }()
}
