import Testing
import PlanModel

@Suite("Concurrent map")
struct ConcurrentMapTests {
    @Test("gives map's results in map's order, whatever the count", arguments: [0, 1, 2, 3, 1_000])
    func sameAsMap(count: Int) {
        let values = (0..<count).map { "方案\($0)" }
        #expect(values.concurrentMap { $0 + "：" + String($0.unicodeScalars.count) } == values.map { $0 + "：" + String($0.unicodeScalars.count) })
    }
}
