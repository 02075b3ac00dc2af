import Foundation
import Synthetic
import Testing
import PlanImport
import PlanModel

@Suite("Importer: mutated samples never crash")
struct MutationTests {
    enum Mutation: CaseIterable { case dropLines, duplicateLines, swapLines, flipBytes, truncate }

    /// Applies line mutations to `lines`, byte mutations to the joined bytes.
    static func mutate(_ lines: [[UInt8]], _ mutation: Mutation, _ rng: inout SplitMix64) -> [UInt8] {
        var lines = lines
        func joined() -> [UInt8] { Array(lines.joined(separator: [UInt8(ascii: "\n")])) }
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
            var bytes = joined()
            for _ in 0..<Int.random(in: 1...16, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            }
            return bytes
        case .truncate:
            let bytes = joined()
            return Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
        }
    }

    @Test("thousands of mutated samples each give a plan or a one-line error")
    func mutatedSamples() throws {
        var rng = SplitMix64(seed: 2026)
        var plans = 0
        var errors = 0
        let samples = try Samples.names.map { name in
            try [UInt8](Samples.data(name)).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        }
        for round in 0..<2000 {
            // Every tenth mutant is a whole sample, the others a window of 10–60 lines of one:
            // every part of every sample is covered and the suite stays fast in debug builds.
            var lines = samples[round % samples.count]
            if round % 10 != 0, lines.count > 60 {
                let length = Int.random(in: 10...60, using: &rng)
                let start = Int.random(in: 0...(lines.count - length), using: &rng)
                lines = Array(lines[start..<(start + length)])
            }
            let mutation = Mutation.allCases[Int.random(in: 0..<Mutation.allCases.count, using: &rng)]
            let data = Data(Self.mutate(lines, mutation, &rng))
            do {
                // Flipped bytes would be refused as damaged; read them anyway, to see the importer degrade.
                let plan = try PlanImporter.parse(data, source: "mutant-\(round).txt", keepingDamage: true)
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
        #expect(plans > errors)
    }
}
