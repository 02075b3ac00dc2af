import Foundation
import PlanModel
import Testing
@testable import PlanStore

/// The hand-written journal line reader must give exactly the event
/// `JSONDecoder` gives, and leave to it every line it does not read itself.
@Suite("Event reader")
struct EventReaderTests {
    static let journal = Journal(path: "/tmp/journal.jsonl")

    static func fast(_ line: Data) -> Event? {
        line.withUnsafeBytes { EventReader.event($0.bindMemory(to: UInt8.self)) }
    }

    static func decoded(_ line: Data) throws -> Event {
        try StoreCoding.decoder().decode(Event.self, from: line)
    }

    static var changes: [(String, Change)] {
        StoreContractTests.changes + [
            ("p-2026:1.2", .note("引号\"反斜杠\\换行\n制表\t/斜杠 😀 \u{1}")),
            ("p-2026:1.2", .assign(unit: "区经委", role: .lead, previous: .support)),
            ("p-2026:1.2", .undo(event: "e3", inverse: .assign(unit: "区经委", role: .support, previous: nil))),
            ("p-2026:1.2", .undo(event: "e4", inverse: .unassign(unit: "区经委", previous: .responsible))),
            ("p-2026:2.1", .undo(event: "e5", inverse: .due(nil, previous: Day(year: 2026, month: 2, day: 28)))),
            ("p-2026:2.1", .undo(event: "e6", inverse: .undo(event: "e5", inverse: nil))),
            ("p-2026:1.2", .undo(event: "e7", inverse: .editNote(note: "e0", text: "旧", previous: "新"))),
        ]
    }

    @Test("every kind of event the store writes is read by the fast reader as JSONDecoder reads it", arguments: changes.indices)
    func asDecoder(index: Int) throws {
        let (target, change) = Self.changes[index]
        let event = Fixtures.event(index, target, change, by: "王 芳")
        let line = try StoreCoding.encoder().encode(event)
        let fast = try #require(Self.fast(line), "declined: \(String(decoding: line, as: UTF8.self))")
        #expect(fast == (try Self.decoded(line)))
        #expect(fast == event)
    }

    static let head = #"{"id":"e1","kind":"status","officer":"wang","#
    static let tail = #","target":"p-2026:1.1","time":"2026-11-21T09:30:00.125Z"}"#

    @Test("lines not in the store's own form are declined and still get JSONDecoder's value or error", arguments: [
        #"{"\u0069d":"e1","kind":"status","officer":"wang","payload":{"previous":null,"status":"done"}"# + tail,
        head + #""payload":{"previous":null,"status":"done"},"extra":1"# + tail,
        head + #""payload":{"previous":null,"status":"done","zzz":[1]}"# + tail,
        head + #""payload":{"status":"done","previous":null}"# + tail,
        #"{"kind":"status","id":"e1","officer":"wang","payload":{"previous":null,"status":"done"}"# + tail,
        head + #""payload":{"force":null,"previous":null,"status":"done"}"# + tail,
        head + #""payload":{"previous":null,"status":"done"},"target":"p-2026:1.1","time":"2026-13-21T09:30:00.125Z"}"#,
        head + #""payload":{"previous":null,"status":"done"},"target":"p-2026:1.1","time":"yesterday"}"#,
        head + #""payload":{"previous":null,"status":"finished"}"# + tail,
        head + #""payload":null"# + tail,
        head + #""payload":{"previous":null,"status":"done"}"# + tail + "{}",
        #"{"id":"e1","kind":"unassign","officer":"wang","payload":{"previous":null,"unit":"区经委"}"# + tail,
        #"{"id":"e1","kind":"undo","officer":"wang","payload":{"event":"e0","inverse":{"previous":null,"status":"done"}}"# + tail,
        #"{"id":"e1","kind":"due","officer":"wang","payload":{"date":"2026-+1-01","previous":null}"# + tail,
    ])
    func declined(text: String) throws {
        let line = Data(text.utf8)
        #expect(Self.fast(line) == nil)
        let reading = Self.journal.read(line + Data([0x0A]), from: 0)
        if let expected = try? Self.decoded(line) {
            #expect(reading.events == [expected] && reading.problems.isEmpty)
        } else {
            #expect(reading.events.isEmpty && reading.problems.count == 1)
        }
    }

    @Test("a journal of fast, declined and unreadable lines reads in line order, the bad line reported")
    func mixedJournal() throws {
        let events = Self.changes.enumerated().map { Fixtures.event($0.offset, $0.element.0, $0.element.1) }
        var lines = try events.map { String(decoding: try StoreCoding.encoder().encode($0), as: UTF8.self) }
        lines[3] = lines[3].replacingOccurrences(of: #"{"id":"#, with: #"{ "id" : "#)
        lines[5] = lines[5].replacingOccurrences(of: #""officer":"#, with: #""\u006ffficer":"#)
        let journal = lines[..<7].joined(separator: "\n") + "\n{\"id\":\n" + lines[7...].joined(separator: "\n") + "\n"
        let reading = Self.journal.read(Data(journal.utf8), from: 0)
        #expect(reading.events == events)
        #expect(reading.problems.count == 1 && reading.problems[0].contains("unreadable event skipped"))
    }
}
