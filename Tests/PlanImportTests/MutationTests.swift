import Foundation
import Testing
import PlanImport
import PlanModel

/// A small deterministic generator (SplitMix64), so every run mutates the samples the same way.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Importer: mutated samples never crash")
struct MutationTests {
    enum Mutation: CaseIterable { case dropLines, duplicateLines, swapLines, flipBytes, truncate }

    static func mutate(_ data: Data, _ mutation: Mutation, _ rng: inout SeededGenerator) -> Data {
        var bytes = [UInt8](data)
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
        func joined() -> Data { Data(lines.joined(separator: [UInt8(ascii: "\n")])) }
        switch mutation {
        case .dropLines:
            for _ in 0..<Int.random(in: 1...8, using: &rng) where !lines.isEmpty { lines.remove(at: Int.random(in: 0..<lines.count, using: &rng)) }
            return joined()
        case .duplicateLines:
            for _ in 0..<Int.random(in: 1...8, using: &rng) where !lines.isEmpty {
                let i = Int.random(in: 0..<lines.count, using: &rng)
                lines.insert(lines[i], at: Int.random(in: 0...lines.count, using: &rng))
            }
            return joined()
        case .swapLines:
            for _ in 0..<Int.random(in: 1...8, using: &rng) where lines.count > 1 {
                lines.swapAt(Int.random(in: 0..<lines.count, using: &rng), Int.random(in: 0..<lines.count, using: &rng))
            }
            return joined()
        case .flipBytes:
            for _ in 0..<Int.random(in: 1...16, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            }
            return Data(bytes)
        case .truncate:
            return Data(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
        }
    }

    @Test("thousands of mutated samples each give a plan or a one-line error")
    func mutatedSamples() throws {
        var rng = SeededGenerator(state: 2026)
        var plans = 0
        var errors = 0
        let samples = try Samples.names.map(Samples.data)
        for round in 0..<2000 {
            let sample = samples[round % samples.count]
            let mutation = Mutation.allCases[Int.random(in: 0..<Mutation.allCases.count, using: &rng)]
            let data = Self.mutate(sample, mutation, &rng)
            do {
                let plan = try PlanImporter.parse(data, source: "mutant-\(round).txt")
                #expect(!plan.pillars.isEmpty && !plan.measures.isEmpty)
                #expect(plan.measures.allSatisfy { $0.id.hasPrefix(plan.id + ":") })
                plans += 1
            } catch {
                #expect(error.source == "mutant-\(round).txt")
                #expect(!error.problem.isEmpty && !error.description.contains("\n"))
                errors += 1
            }
        }
        #expect(plans + errors == 2000)
        // Most mutants still have structure: the importer degrades, it does not give up.
        #expect(plans > 1500)
    }
}
