#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// The text of every measure (title, body, task titles) of all plans, prepared
/// once per load as folded UTF-8 (`SearchIndex.folded`: simplified, half-width,
/// lower case) so that each keystroke of a search is a byte scan. A query that
/// extends the previous one only rescans its matches.
public struct SearchIndex: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var plan: Int
        public var pillar: Int
        public var measure: Int
        let start: Int
        let end: Int
    }

    public private(set) var entries: [Entry] = []
    private var bytes: [UInt8] = []

    /// Each plan folded on a processor of its own (reading every text is most of the work), the
    /// plans then laid end to end.
    public init(plans: [Plan]) {
        let parts = Array(plans.indices).concurrentMap { p in SearchIndex(plan: plans[p], at: p) }
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        for part in parts {
            let offset = bytes.count
            bytes += part.bytes
            entries += part.entries.map { Entry(plan: $0.plan, pillar: $0.pillar, measure: $0.measure,
                                                start: $0.start + offset, end: $0.end + offset) }
        }
    }

    /// The index of one plan, which is `plans[p]`.
    private init(plan: Plan, at p: Int) {
        for (q, pillar) in plan.pillars.enumerated() {
            for (m, measure) in pillar.measures.enumerated() {
                let start = bytes.count
                append(measure.label)
                append(measure.title)
                append(measure.text)
                for task in measure.tasks { append(task.title) }
                entries.append(Entry(plan: p, pillar: q, measure: m, start: start, end: bytes.count))
            }
        }
    }

    private mutating func append(_ text: String) {
        SearchIndex.appendFolded(text, to: &bytes)
        bytes.append(0x0A) // a separator no query contains, so no match spans two fields
    }

    /// Indexes into `entries` of the measures containing `query`, in document order.
    /// `within`, when given, limits the scan to those entries (the previous
    /// query's matches, when this query extends it).
    public func matches(of query: String, within candidates: [Int]? = nil) -> [Int] {
        var needle: [UInt8] = []
        SearchIndex.appendFolded(query, to: &needle)
        needle.removeAll { $0 == 0x0A }
        guard !needle.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return [] }
                if let candidates {
                    return candidates.filter { i in
                        SearchIndex.firstMatch(in: base, from: entries[i].start, to: entries[i].end, needle: pinBase, count: pin.count) != nil
                    }
                }
                // One pass over everything; after a hit, skip to the end of its measure.
                var result: [Int] = []
                var entry = 0
                var position = 0
                while let start = SearchIndex.firstMatch(in: base, from: position, to: hay.count, needle: pinBase, count: pin.count) {
                    while entries[entry].end <= start { entry += 1 }
                    result.append(entry)
                    position = entries[entry].end
                    entry += 1
                    if entry == entries.count { break }
                }
                return result
            }
        }
    }

    /// The offset of the first occurrence of the needle in `[from, to)`. Looks for
    /// the needle's last byte with memchr: in UTF-8 Chinese the last byte of a
    /// character varies far more than the first (E4–E9), so there are fewer false hits.
    static func firstMatch(in base: UnsafePointer<UInt8>, from: Int, to: Int,
                           needle: UnsafePointer<UInt8>, count: Int) -> Int? {
        let last = Int32(needle[count - 1])
        var position = from + count - 1
        while position < to, let hit = memchr(base + position, last, to - position) {
            let end = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            let start = end - (count - 1)
            if count == 1 || memcmp(base + start, needle, count - 1) == 0 { return start }
            position = end + 1
        }
        return nil
    }
}
