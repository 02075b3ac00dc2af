import Foundation
import PlanModel
import Synthetic
import Testing
@testable import PlanStore

/// The journal digest a snapshot records: the same value however the bytes are taken, so
/// that snapshots written by earlier versions stay trusted and a prefix can be checked a chunk at a time.
@Suite("Journal digest")
struct DigestTests {
    let directory = TemporaryDirectory()

    static let pattern = (0..<100).map { UInt8(($0 * 37 + 11) % 256) }

    @Test("the digest of known bytes is what earlier versions wrote into snapshots", arguments: [
        (0, "e34834e928661336"), (1, "d5a20653cae619d1"), (31, "34fa3e4ad6117102"), (32, "37f5ede116bbf02d"),
        (33, "ceed1c964d5815b4"), (64, "ecdea06f6bc7f563"), (100, "5da121a510eadfdf"),
    ])
    func knownValues(count: Int, digest: String) {
        #expect(Self.pattern.withUnsafeBytes { Digest.of(UnsafeRawBufferPointer(rebasing: $0[..<count])) } == digest)
    }

    @Test("taken in chunks of any size, the digest is the digest of the whole", arguments: 1...20 as ClosedRange<UInt64>)
    func chunks(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let bytes = (0..<random.int(below: 5_000)).map { _ in UInt8(random.int(below: 256)) }
        bytes.withUnsafeBytes { whole in
            var digest = Digest()
            while whole.count - digest.count >= 32 {
                let end = min(whole.count, digest.count + 32 * (1 + random.int(below: 8)) + random.int(below: 32))
                _ = digest.take(UnsafeRawBufferPointer(rebasing: whole[digest.count..<end]))
            }
            #expect(digest.finished(UnsafeRawBufferPointer(rebasing: whole[digest.count...])) == Digest.of(whole))
        }
    }

    @Test("a journal's prefix read a megabyte at a time has the digest of its bytes; past its end, none")
    func journalPrefix() throws {
        var random = SplitMix64(seed: 7)
        let bytes = Data((0..<(2 << 20) + 45).map { _ in UInt8(random.int(below: 256)) })
        let path = directory.path("journal.jsonl")
        try bytes.write(to: URL(fileURLWithPath: path))
        let journal = Journal(path: path)
        for count in [0, 31, 32, 1 << 20 - 1, 1 << 20, 1 << 20 + 1, 1 << 20 + 33, bytes.count] {
            let expected = bytes.withUnsafeBytes { Digest.of(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            #expect(try journal.digest(ofFirst: count)?.digest == expected, "\(count)")
        }
        #expect(try journal.digest(ofFirst: bytes.count + 1) == nil)
    }

    @Test("a snapshot over megabytes of journal stays trusted as events follow it, and the next snapshot's digest goes on from it")
    func snapshotOverMegabytes() throws {
        let warnings = Warnings()
        let store = try Fixtures.jsonStore(in: directory, warnings: warnings)
        _ = try store.importPlan(Fixtures.plan)
        let text = String(repeating: "推进营商环境改革", count: 200)
        let events = (0..<400).map { Fixtures.event($0, "p-2026:1.\($0 % 2 + 1)", .note("\($0)" + text)) }
        try store.record(Array(events.prefix(390)))
        try store.compact()
        try store.record(Array(events.dropFirst(390)))
        var expected = Ledger()
        events.forEach { expected.apply($0) }
        #expect(try store.load().ledger == expected)
        try store.compact()
        let journal = try Data(contentsOf: URL(fileURLWithPath: directory.path("journal.jsonl")))
        #expect(journal.count > 1 << 20)
        let snapshot = try Snapshot.read(try Data(contentsOf: URL(fileURLWithPath: directory.path("snapshot.json"))), file: "snapshot.json")
        #expect(snapshot.journal.digest == journal.withUnsafeBytes { Digest.of($0) })
        #expect(try store.load().ledger == expected)
        #expect(warnings.all.isEmpty)
    }
}
