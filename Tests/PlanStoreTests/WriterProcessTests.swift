import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// Real processes writing one store: killed mid-loop, and two at once.
@Suite("Writer processes")
struct WriterProcessTests {
    /// Starts `duban-store-writer` marking `count` measures from `first`; its output collects acknowledged ids.
    func startWriter(store: URL, officer: String, first: Int, count: Int) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = Fixtures.executable("duban-store-writer")
        process.arguments = [store.path, officer, String(first), String(count)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return (process, output)
    }

    func acknowledged(_ pipe: Pipe) -> [String] {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("every mark acknowledged before a SIGKILL is in the store, and the store opens", arguments: 1...4)
    func killedWriter(round: Int) throws {
        let directory = TemporaryDirectory()
        let warnings = Warnings()
        let store = try Fixtures.jsonStore(in: directory, warnings: warnings)
        _ = try store.importPlan(Fixtures.writerPlan(count: 2_000))
        let (writer, output) = try startWriter(store: directory.url, officer: "wang", first: 1, count: 2_000)
        // Read acknowledgements while it runs, and kill it after a random number of them.
        let killAfter = Int.random(in: 5...300)
        let handle = output.fileHandleForReading
        var received = Data()
        while received.count(where: { $0 == 0x0A }) < killAfter {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        received.append(handle.readDataToEndOfFile())
        // Only whole lines: an id is printed (in one write) after its mark was acknowledged.
        let ids = received.split(separator: 0x0A, omittingEmptySubsequences: true).dropLast(received.last == 0x0A ? 0 : 1)
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(writer.terminationReason == .uncaughtSignal)
        #expect(ids.count >= killAfter)
        let reopened = try JSONPlanStore.open(at: directory.url) { warnings.add($0) }
        let recorded = Set(try reopened.history(of: nil, since: nil).map(\.id))
        #expect(ids.allSatisfy { recorded.contains($0) })
        let workspace = try reopened.load()
        #expect(workspace.ledger.marks.count == recorded.count)
        #expect(warnings.all.allSatisfy { $0.contains("torn last line") })
    }

    @Test("two writer processes marking 500 measures each end with all 1,000 recorded")
    func concurrentWriters() throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.jsonStore(in: directory)
        _ = try store.importPlan(Fixtures.writerPlan(count: 1_000))
        let (wang, wangOutput) = try startWriter(store: directory.url, officer: "wang", first: 1, count: 500)
        let (li, liOutput) = try startWriter(store: directory.url, officer: "li", first: 501, count: 500)
        let wangIds = acknowledged(wangOutput)
        let liIds = acknowledged(liOutput)
        wang.waitUntilExit()
        li.waitUntilExit()
        #expect(wang.terminationStatus == 0 && li.terminationStatus == 0)
        #expect(wangIds.count == 500 && liIds.count == 500)
        let workspace = try store.load()
        #expect(workspace.ledger.marks.count == 1_000)
        #expect(workspace.plans[0].measures.allSatisfy { workspace.status(of: $0) == .done })
        #expect(Set(try store.history(of: nil, since: nil).map(\.id)) == Set(wangIds + liIds))
    }
}
