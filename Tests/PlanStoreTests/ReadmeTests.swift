import Foundation
import PlanModel
import Testing
@testable import PlanStore

@Suite("Store documentation")
struct ReadmeTests {
    @Test("the store documentation's example journal lines are real events, one per kind, written as the store writes them and read by the fast reader")
    func journalExamples() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/store.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("{\"id\":\"") }
        let events = try lines.map { try StoreCoding.decoder().decode(Event.self, from: Data($0.utf8)) }
        #expect(events.map(\.kind) == Change.Kind.allCases)
        for (line, event) in zip(lines, events) {
            let written = String(decoding: try StoreCoding.encoder().encode(event), as: UTF8.self)
            #expect(written == String(line), "the store writes \(written)")
            #expect(EventReaderTests.fast(Data(line.utf8)) == event, "the fast reader declines \(line)")
        }
    }
}
