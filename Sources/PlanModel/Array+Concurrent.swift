import Dispatch
import FoundationEssentials

/// The processors this process may use, at least one: how many runs, stripes and writers work is cut into.
public enum Processors {
    public static let count = max(1, ProcessInfo.processInfo.activeProcessorCount)
}

extension Array where Element: Sendable {
    /// `map`, the elements shared among as many threads as there are processors: for work
    /// worth a thread, such as one whole plan of a large store each.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { slots, initialized in
            // Each element's result goes to its own slot: no two threads touch one.
            nonisolated(unsafe) let base = slots.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { n in (base + n).initialize(to: transform(self[n])) }
            initialized = count
        }
    }
}
