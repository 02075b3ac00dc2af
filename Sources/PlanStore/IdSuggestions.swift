/// The existing ids closest to a mistyped one, for "unknown id" messages:
/// ids it is a prefix of first, then those within a small edit distance.
public enum IdSuggestions {
    public static func closest(to id: String, among ids: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(id.unicodeScalars)
        let budget = max(2, target.count / 3)
        var scored: [(score: Int, id: String)] = []
        for candidate in ids {
            if candidate.hasPrefix(id) {
                scored.append((0, candidate))
            } else if let distance = editDistance(target, Array(candidate.unicodeScalars), limit: budget) {
                scored.append((distance, candidate))
            }
        }
        return scored.sorted { ($0.score, $0.id.count, $0.id) < ($1.score, $1.id.count, $1.id) }
            .prefix(limit).map(\.id)
    }

    /// Levenshtein distance, or nil as soon as it must exceed `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let distance = a.isEmpty ? b.count : previous[b.count]
        return distance <= limit ? distance : nil
    }
}
