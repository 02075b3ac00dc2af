#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanModel

/// The text of every measure (title, body, task titles) of all plans, prepared
/// once per load as lower-cased UTF-8 so that each keystroke of a search is a
/// byte scan. A query that extends the previous one only rescans its matches.
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

    public init(plans: [Plan]) {
        for (p, plan) in plans.enumerated() {
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
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: SearchIndex.folded(text))
        bytes.append(0x0A) // a separator no query contains, so no match spans two fields
    }

    /// Lower-cases ASCII; other text (Chinese) is matched exactly.
    static func folded(_ text: String) -> [UInt8] {
        text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    }

    /// Indexes into `entries` of the measures containing `query`, in document order.
    /// `within`, when given, limits the scan to those entries (the previous
    /// query's matches, when this query extends it).
    public func matches(of query: String, within candidates: [Int]? = nil) -> [Int] {
        let needle = SearchIndex.folded(query).filter { $0 != 0x0A }
        guard !needle.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let hayBase = hay.baseAddress, let pinBase = pin.baseAddress else { return [] }
                let first = Int32(pin[0]), rest = pin.count - 1
                // memchr for the first byte, memcmp for the rest: both vectorised in libc.
                func contains(_ i: Int) -> Bool {
                    let entry = entries[i]
                    var p = UnsafeRawPointer(hayBase + entry.start)
                    let end = UnsafeRawPointer(hayBase + entry.end)
                    while end - p > rest, let hit = memchr(p, first, end - p - rest) {
                        if rest == 0 || memcmp(hit + 1, pinBase + 1, rest) == 0 { return true }
                        p = UnsafeRawPointer(hit) + 1
                    }
                    return false
                }
                if let candidates { return candidates.filter(contains) }
                return entries.indices.filter(contains)
            }
        }
    }
}
