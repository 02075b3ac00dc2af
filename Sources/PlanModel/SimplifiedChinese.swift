/// Traditional Chinese characters → their simplified forms, one character for one
/// (區 → 区, 務 → 务), from a table built into the binary
/// (`SimplifiedChinese+Table.swift`). It replaces ICU's Hant-Hans transliterator,
/// whose creation alone cost ~54 M instructions on every command that matched units.
/// Unit names, search and similarity all fold through it.
public enum SimplifiedChinese {
    /// The simplified form of `scalar`; the scalar itself when it has none.
    @inline(__always)
    public static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v >= Lookup.firstDense, v < Lookup.endDense {
            let mapped = lookup.dense[Int(v - Lookup.firstDense)]
            return mapped == 0 ? scalar : Unicode.Scalar(mapped) ?? scalar
        }
        return v >= 0x20000 ? lookup.supplementary[scalar] ?? scalar : scalar
    }

    /// The traditional characters whose simplified form is `scalar` (資 for 资): a walk
    /// through the table, once per search query.
    static func traditionalForms(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var forms: [Unicode.Scalar] = []
        lookup.dense.withUnsafeBufferPointer { dense in
            for offset in 0..<dense.count where dense[offset] == scalar.value {
                forms.append(Unicode.Scalar(Lookup.firstDense + UInt32(offset))!)
            }
        }
        return forms + lookup.supplementary.filter { $0.value == scalar }.map(\.key).sorted { $0.value < $1.value }
    }

    /// `text` with every traditional character simplified; its characters keep their places.
    public static func simplified(_ text: String) -> String {
        // Most text is simplified already: returned as it is, not rebuilt scalar by scalar (rebuilding every
        // built-in unit name was 3% of `workload` at 1,000 measures).
        guard text.unicodeScalars.contains(where: { simplified($0) != $0 }) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.lazy.map(simplified))
        return String(result)
    }

    /// The table read once: a flat array over the CJK blocks (where nearly all
    /// traditional characters are) for a branch-free lookup, a dictionary for the rest.
    struct Lookup: Sendable {
        static let firstDense: UInt32 = 0x3400
        static let endDense: UInt32 = 0xA000
        var dense = [UInt32](repeating: 0, count: Int(endDense - firstDense))
        var supplementary: [Unicode.Scalar: Unicode.Scalar] = [:]

        init(pairs: String) {
            var scalars = pairs.unicodeScalars.makeIterator()
            while let traditional = scalars.next() {
                guard traditional.value > 0x20, let simplified = scalars.next() else { continue }
                let v = traditional.value
                if v >= Lookup.firstDense, v < Lookup.endDense {
                    dense[Int(v - Lookup.firstDense)] = simplified.value
                } else {
                    supplementary[traditional] = simplified
                }
            }
        }
    }

    static let lookup = Lookup(pairs: pairs)
}
