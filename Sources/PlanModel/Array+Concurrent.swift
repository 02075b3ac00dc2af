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

extension Array where Element: Sendable {
    /// `flatMap` on as many threads as there are processors, each element's results given to `emit` in
    /// order and then moved, not copied, into one array: copying 100,000 listing rows out of per-plan
    /// arrays retained every string of them, on one thread (a twentieth of `list --json` at 100,000).
    public func concurrentFlatMap<T: Sendable>(_ transform: @Sendable (Element, _ emit: (T) -> Void) -> Void) -> [T] {
        let parts = concurrentMap { element -> MovableRun<T> in
            let run = MovableRun<T>()
            transform(element) { run.append($0) }
            return run
        }
        let total = parts.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: total) { slots, initialized in
            var at = 0
            for part in parts {
                at += part.move(into: slots.baseAddress! + at)
            }
            initialized = total
        }
    }
}

/// Values in storage of their own, moved out once (`concurrentFlatMap`). Touched by one thread at a time:
/// the one filling it, then the one moving it out.
final class MovableRun<T>: @unchecked Sendable {
    private(set) var count = 0
    private var capacity = 0
    private var storage: UnsafeMutablePointer<T>?

    func append(_ value: T) {
        if count == capacity {
            capacity = Swift.max(16, capacity * 2)
            let grown = UnsafeMutablePointer<T>.allocate(capacity: capacity)
            if let storage {
                grown.moveInitialize(from: storage, count: count)
                storage.deallocate()
            }
            storage = grown
        }
        (storage! + count).initialize(to: value)
        count += 1
    }

    /// Moves the values to `target` (uninitialized memory for `count` of them) and returns how many; empty after.
    func move(into target: UnsafeMutablePointer<T>) -> Int {
        let moved = count
        if let storage { target.moveInitialize(from: storage, count: moved) }
        count = 0
        return moved
    }

    deinit {
        storage?.deinitialize(count: count)
        storage?.deallocate()
    }
}
