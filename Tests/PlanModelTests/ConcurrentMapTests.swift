import PlanModel
import Synchronization
import Testing

@Suite("Concurrent map")
struct ConcurrentMapTests {
    @Test("gives map's results in map's order, whatever the count", arguments: [0, 1, 2, 3, 1_000])
    func sameAsMap(count: Int) {
        let values = (0..<count).map { "方案\($0)" }
        #expect(values.concurrentMap { $0 + "：" + String($0.unicodeScalars.count) } == values.map { $0 + "：" + String($0.unicodeScalars.count) })
    }
}

@Suite("Concurrent flat map")
struct ConcurrentFlatMapTests {
    @Test("gives flatMap's results in flatMap's order: no element, one, elements with none, with thousands", arguments: [0, 1, 2, 7, 300])
    func sameAsFlatMap(count: Int) {
        // Element n gives n² % 37 results (0 for some), so runs of every length and empty ones meet.
        let values = Array(0..<count)
        @Sendable func results(_ n: Int) -> [String] { (0..<(n * n % 37 + (n == 299 ? 5_000 : 0))).map { "措施\(n).\($0)" } }
        let flat = values.concurrentFlatMap { (n, emit: (String) -> Void) in results(n).forEach(emit) }
        #expect(flat == values.flatMap(results))
    }

    /// Counts its instances alive: moved values are neither released twice nor kept.
    final class Tracked: Sendable {
        static let alive = Counter()
        let value: Int
        init(_ value: Int) { self.value = value; Tracked.alive.add(1) }
        deinit { Tracked.alive.add(-1) }
    }

    final class Counter: Sendable {
        private let count = Mutex(0)
        func add(_ n: Int) { count.withLock { $0 += n } }
        var value: Int { count.withLock { $0 } }
    }

    @Test("every value moved out lives exactly as long as the result")
    func lifetimes() {
        do {
            let flat = Array(0..<50).concurrentFlatMap { (n, emit: (Tracked) -> Void) in
                for k in 0..<(n % 5) * 40 { emit(Tracked(n * 1_000 + k)) }
            }
            #expect(flat.count == (0..<50).reduce(0) { $0 + ($1 % 5) * 40 })
            #expect(Tracked.alive.value == flat.count)
            #expect(flat.map(\.value) == (0..<50).flatMap { n in (0..<(n % 5) * 40).map { n * 1_000 + $0 } })
        }
        #expect(Tracked.alive.value == 0)
    }
}
