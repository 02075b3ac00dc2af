import Foundation
import PlanModel
import Synthetic
import Testing
@testable import PlanStore

/// The hand-written readers of plan files and snapshots must give exactly what
/// `JSONDecoder` gives, and leave to it whatever they do not read themselves.
@Suite("Fast reading")
struct FastReadingTests {
    static var tricky: Plan {
        var plan = Fixtures.plan
        plan.title = "引号\"反斜杠\\换行\n制表\t/斜杠 😀 \u{1}"
        plan.docNumber = "嘉府办发〔2026〕4号"
        plan.date = Day(year: 2026, month: 2, day: 2)
        plan.year = 2026
        plan.pillars[0].measures[0].section = Section(label: "（一）", title: "小节")
        plan.pillars[0].measures[1].deadline = Deadline(text: "持续推进", date: nil)
        plan.pillars[1].measures[0].units = [UnitRef(name: "区经委", role: .support), UnitRef(name: "各街镇", role: .responsible)]
        return plan
    }

    @Test("a plan file reads back as JSONDecoder reads it, escapes and all")
    func planAsDecoder() throws {
        for plan in [Fixtures.plan, Self.tricky] {
            let data = try PlanFile.encode(plan, keepingFieldsOf: nil)
            let expected = try StoreCoding.decodeVersioned(PlanFile.self, from: data, file: "p.json").plan
            #expect(try PlanFile.read(data, file: "p.json") == expected)
            #expect(expected == plan)
        }
    }

    @Test("a plan file written by hand (spaces, \\u escapes, keys in any order, unknown fields) reads as JSONDecoder reads it")
    func handWrittenPlan() throws {
        let text = """
        { "pillars" : [ { "title" : "\\u653f\\u52a1", "number": "一", "extra": [1, {"a": null}],
            "measures": [ { "tasks": [], "units": [ {"role": "lead", "name": "区发改委"} ], "text": "\\ud83d\\ude00",
                            "title": "t", "label": "1", "id": "h-2026:1.1" } ] } ],
          "title": "手写", "id": "h-2026", "year": null, "schema": 1, "source": {"file": "x"} }
        """
        let data = Data(text.utf8)
        let plan = try PlanFile.read(data, file: "h.json")
        #expect(plan == (try StoreCoding.decodeVersioned(PlanFile.self, from: data, file: "h.json").plan))
        #expect(plan.pillars[0].title == "政务" && plan.measures[0].text == "😀")
    }

    @Test("a plan file naming a field twice reads as JSONDecoder reads it")
    func repeatedField() throws {
        let text = """
        {"id": "h-2026", "title": "第一", "title": "第二", "pillars": [{"number": "一", "title": "政务", "measures": [
          {"id": "h-2026:1.1", "label": "1", "title": "甲", "text": "正文", "units": [{"name": "区发改委", "role": "lead", "role": "support"}],
           "tasks": [], "title": "乙"}]}]}
        """
        let data = Data(text.utf8)
        let expected = try StoreCoding.decodeVersioned(PlanFile.self, from: data, file: "h.json").plan
        #expect(expected.title == "第一" && expected.measures[0].units[0].role == .lead, "JSONDecoder takes the first")
        #expect(try PlanFile.read(data, file: "h.json") == expected)
        #expect(PlanFile.fastRead(data) == nil, "the fast reader declines it")
    }

    @Test("strings of every length with a quote, backslash, control character or none at every place read as JSONDecoder reads them")
    func stringsAtEveryOffset() throws {
        // The reader scans strings in 16-byte blocks: cover every place a special byte can fall.
        var plan = Fixtures.plan
        var texts: [String] = []
        for length in 0...40 {
            let plain = String(repeating: "a", count: length)
            texts.append(plain)
            texts.append(String(repeating: "政", count: length))
            for special in ["\"", "\\", "\n", "\u{1}"] {
                for at in 0...length { texts.append(String(plain.prefix(at)) + special + String(plain.dropFirst(at))) }
            }
        }
        plan.pillars[0].measures[0].tasks = texts.enumerated().map { PlanTask(id: "t\($0.offset)", title: $0.element, text: "政" + $0.element) }
        let data = try PlanFile.encode(plan, keepingFieldsOf: nil)
        #expect(try PlanFile.read(data, file: "p.json") == plan)
    }

    @Test("what the fast reader declines still gets JSONDecoder's error or value", arguments: [
        ("{\"id\":\"x\",\"title\":\"t\",\"pillars\":[],\"year\":2026.0}", nil),
        ("{\"id\":\"x\",\"title\":\"t\",\"pillars\":[]", "unreadable at byte"),
        ("{\"id\":\"x\",\"title\":\"t\",\"pillars\":[],\"schema\":2}", "has schema 2"),
        ("{\"id\":\"x\",\"pillars\":[]}", "title: missing"),
        ("{\"id\":\"x\",\"title\":\"t\",\"date\":\"2026-02-30\",\"pillars\":[]}", "not a YYYY-MM-DD day"),
        ("{\"id\":\"x\",\"title\":\"t\",\"date\":\"2026-1-230\",\"pillars\":[]}", "not a YYYY-MM-DD day"),
        ("{\"id\":\"x\",\"title\":\"a\u{1}b\",\"pillars\":[]}", "unreadable at byte"),
    ] as [(String, String?)])
    func declined(text: String, error: String?) throws {
        let data = Data(text.utf8)
        if let error {
            #expect { try PlanFile.read(data, file: "x.json") } throws: { "\($0)".contains(error) }
        } else {
            #expect(try PlanFile.read(data, file: "x.json").year == 2026)
        }
    }

    @Test("invalid UTF-8 in a plan file is refused as JSONDecoder refuses it")
    func invalidUTF8() throws {
        var data = try PlanFile.encode(Fixtures.plan, keepingFieldsOf: nil)
        let at = try #require(data.firstRange(of: Data("政务服务".utf8)))
        data[at.lowerBound + 1] = 0xFF
        #expect(throws: StoreError.self) { try PlanFile.read(data, file: "p.json") }
    }

    @Test("store times parse to the same instant as Event.parseTime")
    func times() throws {
        // Seeded (SplitMix64), so a failure names a time that fails again.
        var random = SplitMix64(seed: 2026)
        func next() -> UInt64 { random.next() }
        for _ in 0..<20_000 {
            let millis = Int64(next() % 4_102_444_800_000)
            let text = Event.formatTime(Date(timeIntervalSince1970: Double(millis) / 1000))
            #expect(StoreTime.parse(text) == Event.parseTime(text), "\(text)")
        }
        #expect(StoreTime.parse("2026-11-21T09:30:00Z") == Event.parseTime("2026-11-21T09:30:00Z"))
        #expect(StoreTime.parse("2026-02-30T09:30:00.000Z") == Event.parseTime("2026-02-30T09:30:00.000Z"))
    }

    @Test("a snapshot reads back as JSONDecoder reads it")
    func snapshotAsDecoder() throws {
        var ledger = Ledger()
        let events = [
            Fixtures.event(1, "p-2026:1.1", .status(.done, previous: nil, force: true)),
            Fixtures.event(2, "p-2026:1.1.1", .status(.doing, previous: nil, force: false), by: "李娜"),
            Fixtures.event(3, "p-2026:1.2", .note("证据：\"会议纪要\"\n第二行")),
            Fixtures.event(4, "p-2026:1.2", .assign(unit: "区经委", role: .support, previous: nil)),
            Fixtures.event(5, "p-2026:1.2", .unassign(unit: "区发改委", previous: .lead)),
            Fixtures.event(6, "p-2026:2.1", .due(Day(year: 2026, month: 12, day: 31), previous: nil)),
            Fixtures.event(7, "p-2026:2.1", .due(nil, previous: Day(year: 2026, month: 12, day: 31))),
        ]
        for event in events { ledger.apply(event) }
        if let undo = ledger.undo(by: "wang", id: "u1", time: Fixtures.t0.addingTimeInterval(8)) { ledger.apply(undo) }
        let snapshot = Snapshot(schema: 1, journal: .init(bytes: 10, events: 8, digest: "00ff"), ledger: ledger)
        let data = try StoreCoding.encoder().encode(snapshot)
        let expected = try StoreCoding.decodeVersioned(Snapshot.self, from: data, file: "s.json")
        #expect(try Snapshot.read(data, file: "s.json") == expected)
        #expect(expected.ledger.marks.count == 2 && expected.ledger.undone.count == 1)
    }

    @Test("a snapshot whose dictionaries name one id twice reads as JSONDecoder reads it")
    func snapshotWithRepeatedKeys() throws {
        var ledger = Ledger()
        ledger.apply(Fixtures.event(1, "p-2026:1.1", .status(.done, previous: nil, force: false)))
        ledger.apply(Fixtures.event(2, "p-2026:1.1", .note("第一条")))
        ledger.apply(Fixtures.event(3, "p-2026:2.1", .due(Day(year: 2026, month: 6, day: 30), previous: nil)))
        let snapshot = Snapshot(schema: 1, journal: .init(bytes: 10, events: 3, digest: "00ff"), ledger: ledger)
        var text = String(decoding: try StoreCoding.encoder().encode(snapshot), as: UTF8.self)
        // Another entry for each id written before its own.
        for (opening, first) in [("\"marks\":{", "\"p-2026:1.1\":{\"force\":true,\"officer\":\"李娜\",\"status\":\"blocked\",\"time\":\"2026-05-01T00:00:00.000Z\"},"),
                                 ("\"dueDates\":{", "\"p-2026:2.1\":\"2026-09-30\","),
                                 ("\"notes\":{", "\"p-2026:1.1\":[],")] {
            let range = try #require(text.range(of: opening))
            text.insert(contentsOf: first, at: range.upperBound)
        }
        let data = Data(text.utf8)
        let expected = try StoreCoding.decodeVersioned(Snapshot.self, from: data, file: "s.json")
        #expect(expected.ledger.marks["p-2026:1.1"]?.status == .blocked, "JSONDecoder takes the first")
        #expect(try Snapshot.read(data, file: "s.json") == expected)
        #expect(Snapshot.fastRead(data) != nil, "the fast reader reads it")
    }

    @Test("a snapshot is written byte for byte as JSONEncoder writes it, keys in UTF-8 order and every escape")
    func snapshotAsEncoder() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}"
        let tricky = ["p-2026:1.10", "p-2026:1.9", "p-2026:1.1", "A", "a", "é", "e\u{301}", "政务/服务", "😀", "引号\"反斜杠\\", controls]
        var ledger = Ledger()
        var n = 0
        func apply(_ target: String, _ change: Change, by officer: String = "wang") {
            n += 1
            ledger.apply(Fixtures.event(n, target, change, by: officer))
        }
        for (k, text) in tricky.enumerated() {
            apply(text, .status(k % 2 == 0 ? .done : .blocked, previous: nil, force: k % 3 == 0), by: text)
            apply(text, .note(text + controls))
            apply(text, .assign(unit: text, role: .support, previous: nil))
            apply(text, .unassign(unit: "区发改委", previous: .lead))
            apply(text, .due(k % 2 == 0 ? Day(year: 2026, month: 12, day: 31) : nil, previous: nil))
        }
        if let undo = ledger.undo(by: "wang", id: "u1", time: Fixtures.t0) { ledger.apply(undo) }
        for snapshot in [Snapshot(schema: 1, journal: .init(bytes: 10, events: 8, digest: "00ff"), ledger: ledger),
                         Snapshot(schema: nil, journal: .init(bytes: 0, events: 0, digest: ""), ledger: Ledger())] {
            let expected = try StoreCoding.encoder().encode(snapshot)
            let written = try StoreCoding.encode(snapshot)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
            #expect(written == expected)
        }
    }
}
