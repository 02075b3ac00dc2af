import Foundation
import Synthetic
import Testing
@testable import JSONTree

/// `JSONWriter` writes the bytes `JSONEncoder` writes (sorted keys, slashes unescaped, and pretty or not).
@Suite("JSON writer")
struct JSONWriterTests {
    static func encoder(_ layout: JSONWriter.Layout) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = layout == .pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                                                     : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func expectSame<T: Encodable>(_ value: T, _ layout: JSONWriter.Layout,
                                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try encoder(layout).encode(value)
        let written = try JSONWriter(layout: layout).encode(value)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), sourceLocation: sourceLocation)
        #expect(written == Array(expected), sourceLocation: sourceLocation)
    }

    static let layouts: [JSONWriter.Layout] = [.compact, .pretty]

    /// Pieces strings are made of: CJK, quotes, backslashes, every control character, DEL, emoji
    /// (with joiners and skin tones), slashes, line and paragraph separators, full-width forms.
    static let pieces: [String] = ["政务服务", "区发改委", "優化", "“一网通办”", "（2026年）", "\"", "\\", "/", "</script>", "a", "Z", "_",
                                   "e\u{301}", "é", "\u{7F}", "\u{2028}", "\u{2029}", "\u{FEFF}", "👨‍👩‍👧‍👦", "👍🏽", "🇨🇳", "！", "１２", " ", "\\u0041"]
        + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }

    static func string(_ g: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...6, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
    }

    static let doubles: [Double] = [0, -0.0, 0.1, 0.2, 0.30000000000000004, 1, 1.0, -1.5, 100, 1e15, 1e16, 1e21, 1e22, 2.5e20, 1e-5, 1e-7,
                                    1.5e-7, 123456789012345680, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.333, 0.667,
                                    Double(Int64.max), 9007199254740993]

    static func value(_ g: inout SplitMix64, depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth < 4 ? 9 : 6), using: &g) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &g))
        case 2: return .integer([Int.min, Int.max, 0, -1, Int.random(in: -1_000_000...1_000_000, using: &g)].randomElement(using: &g) ?? 0)
        case 3: return .number(doubles.randomElement(using: &g) ?? 0)
        case 4:
            // Any finite double, from its bits.
            let bits = Double(bitPattern: g.next())
            return .number(bits.isFinite ? bits : 0.5)
        case 5: return .string(string(&g))
        case 6, 7:
            return .array((0..<Int.random(in: 0...4, using: &g)).map { _ in value(&g, depth: depth + 1) })
        default:
            var object: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &g) { object[string(&g)] = value(&g, depth: depth + 1) }
            return .object(object)
        }
    }

    @Test("generated values (CJK, quotes, controls, emoji, slashes, numbers, nesting, empty containers) give JSONEncoder's bytes",
          arguments: layouts)
    func generatedValues(layout: JSONWriter.Layout) throws {
        var g = SplitMix64(seed: 2026)
        for _ in 0..<400 {
            try Self.expectSame(Self.value(&g, depth: 0), layout)
        }
        for piece in Self.pieces { try Self.expectSame([piece: [piece]], layout) }
        for double in Self.doubles { try Self.expectSame([double, -double], layout) }
        try Self.expectSame(["a10": 1, "a2": 2, "B": 3, "_": 4, "！": 5, "😀": 6, "\u{1}": 7, "\"": 8], layout)
        // Deeper than one run of indent (32 levels), and a long object whose keys come out of order.
        var deep = JSONValue.array([.string("底")])
        for level in 0..<70 { deep = level % 2 == 0 ? .array([deep, .integer(level)]) : .object(["z\(level)": deep, "a": .null]) }
        try Self.expectSame(deep, layout)
        try Self.expectSame(JSONValue.object(Dictionary(uniqueKeysWithValues: (0..<300).map { ("k\(($0 * 7919) % 300)", .integer($0)) })), layout)
    }

    @Test("an array written by several threads in rounds of runs gives JSONEncoder's bytes; a failing element fails it",
          arguments: layouts)
    func elementsInRuns(layout: JSONWriter.Layout) throws {
        var g = SplitMix64(seed: 15)
        let all = (0..<1_300).map { _ in Self.value(&g, depth: 1) }
        let per = JSONWriter.elementsPerWorker
        for count in [0, 1, per, 2 * per - 1, 2 * per, 3 * per + 7, 1_300] {
            let elements = Array(all.prefix(count))
            let expected = Array(try Self.encoder(layout).encode(elements))
            for workers in [1, 2, 3, 8] {
                // Runs shorter than a round's share: several rounds, the last with runs left empty.
                for runLength in [JSONWriter.elementsPerRun, 100, 7] {
                    let written = try JSONWriter(layout: layout).encode(elements: elements, workers: workers, runLength: runLength)
                    #expect(written == expected, "\(count) elements, \(workers) workers, runs of \(runLength)")
                }
            }
        }
        var failing = Array(all.prefix(3 * per))
        failing[2 * per + 1] = .number(.infinity)
        #expect(throws: EncodingError.self) { try JSONWriter(layout: layout).encode(elements: failing, workers: 3) }
        #expect(throws: EncodingError.self) { try JSONWriter(layout: layout).encode(elements: failing, workers: 3, runLength: 10) }
    }

    struct Record: Codable, Equatable {
        // Declared out of key order: the writer must move them.
        var zeta: String
        var alpha: Int?
        var middle: [Inner]
        var when: Date
        var small: Float
        var byte: UInt8
        var negative: Int16
        var big: UInt64
        var table: [Int: String]
        var nothing: String?
        // Leaves the writer takes without an encoder, inside arrays (a generic `encode`).
        var numbers: [Double?]
        var counts: [Int?]
        var names: [String?]
        var plain: [Double]
    }

    struct Inner: Codable, Equatable {
        var title: String
        var flags: [Bool]
        var empty: [String: Int]
    }

    /// Hand-written encoding as the store's and CLI's types write it: two containers on one encoder,
    /// a `superEncoder` filled later, an unused one, nested containers, explicit nulls and a repeated key.
    struct HandWritten: Encodable {
        enum Keys: String, CodingKey { case target, payload, extra, nested, list, previous, kind }
        enum More: String, CodingKey { case light, daysLeft }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("p-2026:1.1", forKey: .target)
            try c.encode(Optional<String>.none, forKey: .previous)
            let payload = c.superEncoder(forKey: .payload)
            var inner = payload.container(keyedBy: Keys.self)
            try inner.encode("status", forKey: .kind)
            var again = payload.container(keyedBy: More.self)
            try again.encodeNil(forKey: .daysLeft)
            _ = c.superEncoder(forKey: .extra)
            var nested = c.nestedContainer(keyedBy: More.self, forKey: .nested)
            try nested.encode("red", forKey: .light)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1.5)
            var deeper = list.nestedContainer(keyedBy: More.self)
            try deeper.encode(3, forKey: .daysLeft)
            try list.encodeNil()
            try c.encode("first", forKey: .kind)
            try c.encode("last", forKey: .kind)
            var more = encoder.container(keyedBy: More.self)
            try more.encode(Optional(2), forKey: .daysLeft)
        }
    }

    struct Silent: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test("structs, dates, every integer width, a dictionary with Int keys, hand-written containers give JSONEncoder's bytes",
          arguments: layouts)
    func structs(layout: JSONWriter.Layout) throws {
        let record = Record(zeta: "金山区/嘉定区", alpha: nil, middle: [Inner(title: "开店\n一件事", flags: [true, false], empty: [:])],
                            when: Date(timeIntervalSince1970: 1_790_000_000.125), small: 0.1, byte: 255, negative: -300,
                            big: UInt64.max, table: [10: "十", 2: "二", 1: "一"], nothing: nil,
                            numbers: [0.333, nil, 1.0, 1e21, -0.5], counts: [nil, -7, Int.max], names: ["a/b", nil, "\"引号\"\n"],
                            plain: [0.1, 100, 2.5e-8])
        try Self.expectSame(record, layout)
        try Self.expectSame([record, record], layout)
        try Self.expectSame(HandWritten(), layout)
        try Self.expectSame([HandWritten()], layout)
        try Self.expectSame(["silent": [Silent()]], layout)
        try Self.expectSame([[String: [Int]]](), layout)
        try Self.expectSame("top-level string", layout)
        try Self.expectSame(Optional<Int>.none, layout)
    }

    /// A `JSONObject` with a field of every kind, another object's fields merged into its own, objects
    /// nested in it and in ordinary `Encodable` values, and a key written twice.
    struct Fields: JSONObject {
        var name: String
        var count: Int
        var flag: Bool
        var fraction: Double?
        var note: String?
        var any: JSONValue
        var children: [Fields]
        var merged: Merged?
        var wrapped: [String: Fields]

        struct Merged: JSONObject {
            var light: String
            var late: Int?
            func fields(into object: inout JSONFields) throws {
                try object.field("light", light)
                try object.field("daysLate", late)
            }
        }

        func fields(into object: inout JSONFields) throws {
            try object.field("name", name)
            try object.field("count", count)
            try object.field("flag", flag)
            try object.field("fraction", fraction)
            try object.field("note", note)
            try object.field("any", any)
            try object.field("children", children)
            try object.field("wrapped", wrapped)
            try merged?.fields(into: &object)
            try object.field("count", count + 1)
        }

        static func generated(_ g: inout SplitMix64, depth: Int) -> Fields {
            func children(_ g: inout SplitMix64) -> Int { depth < 2 ? Int.random(in: 0...2, using: &g) : 0 }
            return Fields(name: string(&g), count: Int.random(in: -1000...1000, using: &g), flag: Bool.random(using: &g),
                          fraction: Bool.random(using: &g) ? doubles.randomElement(using: &g) : nil,
                          note: Bool.random(using: &g) ? string(&g) : nil, any: value(&g, depth: 2),
                          children: (0..<children(&g)).map { _ in generated(&g, depth: depth + 1) },
                          merged: Bool.random(using: &g) ? Merged(light: string(&g), late: Bool.random(using: &g) ? 3 : nil) : nil,
                          wrapped: Dictionary((0..<children(&g)).map { _ in (string(&g), generated(&g, depth: depth + 1)) }) { a, _ in a })
        }
    }

    /// An ordinary `Encodable` that writes a `JSONObject`'s fields into its own object, as a listing row writes its schedule's.
    struct Sharing: Encodable {
        enum Keys: String, CodingKey { case id, zzz }
        var id: String
        var shared: Fields.Merged

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(id, forKey: .zzz)
            try shared.encode(to: encoder)
            try c.encode(id, forKey: .id)
        }
    }

    @Test("JSONObject values, written field by field, give JSONEncoder's bytes (which reads them through Encodable)",
          arguments: layouts)
    func objects(layout: JSONWriter.Layout) throws {
        var g = SplitMix64(seed: 15)
        for _ in 0..<200 {
            let value = Fields.generated(&g, depth: 0)
            try Self.expectSame(value, layout)
            try Self.expectSame([value, value], layout)
            try Self.expectSame(["key": [value]], layout)
        }
        try Self.expectSame([Sharing(id: "p-2026:1.1", shared: Fields.Merged(light: "红", late: 4))], layout)
        try Self.expectSame(Sharing(id: "", shared: Fields.Merged(light: "", late: nil)), layout)
        let rows = (0..<600).map { _ in Fields.generated(&g, depth: 1) }
        let expected = Array(try Self.encoder(layout).encode(rows))
        #expect(try JSONWriter(layout: layout).encode(elements: rows, workers: 3) == expected)
        // A listing of JSONObjects, each run written where it lies (`write(elements:)` for JSONObject), in rounds.
        func written(_ rows: [Fields], workers: Int, runLength: Int) throws -> [UInt8] {
            var bytes: [UInt8] = []
            try JSONWriter(layout: layout).write(elements: rows, workers: workers, runLength: runLength) { bytes.append(contentsOf: $0) }
            return bytes
        }
        for workers in [2, 3] {
            for runLength in [JSONWriter.elementsPerRun, 100, 7] {
                #expect(try written(rows, workers: workers, runLength: runLength) == expected, "\(workers) workers, runs of \(runLength)")
            }
        }
        var failing = rows
        failing[401].fraction = .infinity
        #expect(throws: EncodingError.self) { try written(failing, workers: 3, runLength: 100) }
        var broken = Fields.generated(&g, depth: 2)
        broken.fraction = .infinity
        #expect(throws: EncodingError.self) { try JSONWriter(layout: layout).encode(broken) }
        #expect(throws: EncodingError.self) { try Self.encoder(layout).encode(broken) }
    }

    /// Nested `JSONObject`s, one, one or none, and an array of them (a plan's measures, a measure's deadline),
    /// which `JSONFields` writes through their fields; `Twin` writes the same values through `Encodable`.
    struct Holder: JSONObject {
        var one: Fields.Merged
        var maybe: Fields.Merged?
        var many: [Fields.Merged]
        func fields(into object: inout JSONFields) throws {
            try object.field("many", many)
            try object.field("maybe", maybe)
            try object.field("one", one)
        }
    }

    struct Twin: Encodable {
        enum Keys: String, CodingKey { case one, maybe, many }
        var holder: Holder
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(holder.one, forKey: .one)
            try c.encode(holder.maybe, forKey: .maybe)
            try c.encode(holder.many, forKey: .many)
        }
    }

    @Test("a nested JSONObject, one or none, and an array of them are written as through Encodable; none is null", arguments: layouts)
    func nestedObjects(layout: JSONWriter.Layout) throws {
        var g = SplitMix64(seed: 21)
        func merged() -> Fields.Merged { Fields.Merged(light: Self.string(&g), late: Bool.random(using: &g) ? 7 : nil) }
        for n in 0..<40 {
            let holder = Holder(one: merged(), maybe: n % 2 == 0 ? nil : merged(), many: (0..<(n % 4)).map { _ in merged() })
            #expect(try JSONWriter(layout: layout).encode(holder) == Array(try Self.encoder(layout).encode(Twin(holder: holder))))
            #expect(try JSONWriter(layout: layout).encode([holder, holder]) == Array(try Self.encoder(layout).encode([Twin(holder: holder), Twin(holder: holder)])))
            try Self.expectSame(holder, layout)
        }
        let none = String(decoding: try JSONWriter().encode(Holder(one: merged(), maybe: nil, many: [])), as: UTF8.self)
        #expect(none.contains("\"maybe\":null") && none.contains("\"many\":[]"))
    }

    /// Keys written in order up to a point, then one that sorts before some of them (a plan file's `schema`
    /// after its pillars), and repeated keys (the last written stays).
    struct LateKeys: JSONObject {
        var keys: [StaticString]
        var children: [Fields]
        func fields(into object: inout JSONFields) throws {
            for (n, key) in keys.enumerated() {
                if n % 2 == 0 { try object.field(key, children) } else { try object.field(key, "\(n)") }
            }
        }
    }

    @Test("an object whose keys come in order up to a late one, or repeat, gives JSONEncoder's bytes", arguments: layouts)
    func lateKeys(layout: JSONWriter.Layout) throws {
        var g = SplitMix64(seed: 15)
        let children = (0..<3).map { _ in Fields.generated(&g, depth: 1) }
        let orders: [[StaticString]] = [["alpha", "beta", "gamma", "zeta", "delta"], ["alpha", "beta", "zeta", "zeta"],
                                        ["alpha", "beta", "gamma", "beta"], ["alpha", "beta", "gamma", "alpha"],
                                        ["beta", "alpha"], ["alpha", "beta", "beta"], ["alpha", "alpha"]]
        for keys in orders {
            try Self.expectSame(LateKeys(keys: keys, children: children), layout)
            try Self.expectSame([LateKeys(keys: keys, children: []), LateKeys(keys: keys, children: children)], layout)
        }
    }

    /// The store's index line: written field by field, it must stay the line its synthesized conformance wrote.
    struct Synthesized: Encodable {
        var id: String
        var deadline: String?
        var tasks: [String]
    }

    struct ByFields: JSONObject {
        var id: String
        var deadline: String?
        var tasks: [String]
        func fields(into object: inout JSONFields) throws {
            try object.field("deadline", ifPresent: deadline)
            try object.field("id", id)
            try object.field("tasks", tasks)
        }
    }

    @Test("a field written if present leaves a nil out, as a synthesized conformance does", arguments: layouts)
    func ifPresent(layout: JSONWriter.Layout) throws {
        for (deadline, tasks) in [(nil, []), ("2026-06-30", ["p:1.1.1", "p:1.1.2"]), (nil, ["p:1.1.1"])] as [(String?, [String])] {
            let expected = try Self.encoder(layout).encode(Synthesized(id: "p:1.1", deadline: deadline, tasks: tasks))
            #expect(try JSONWriter(layout: layout).encode(ByFields(id: "p:1.1", deadline: deadline, tasks: tasks)) == Array(expected))
            try Self.expectSame(ByFields(id: "p:1.1", deadline: deadline, tasks: tasks), layout)
        }
        #expect(!String(decoding: try JSONWriter().encode(ByFields(id: "x", deadline: nil, tasks: [])), as: UTF8.self).contains("deadline"))
    }

    @Test("lines: each element on a line of its own, as JSONEncoder writes it, by any number of threads; a failing element fails them",
          arguments: layouts)
    func lines(layout: JSONWriter.Layout) throws {
        var g = SplitMix64(seed: 15)
        let all = (0..<1_300).map { _ in Fields.generated(&g, depth: 1) }
        let per = JSONWriter.elementsPerWorker
        for count in [0, 1, per, 2 * per + 1, 1_300] {
            let elements = Array(all.prefix(count))
            var expected: [UInt8] = []
            for element in elements { expected += try Self.encoder(layout).encode(element) + [0x0A] }
            for workers in [1, 2, 3, 8] {
                #expect(try JSONWriter(layout: layout).encode(lines: elements, workers: workers) == expected, "\(count) elements, \(workers) workers")
            }
        }
        var failing = Array(all.prefix(3 * per))
        failing[2 * per + 1].fraction = .infinity
        #expect(throws: EncodingError.self) { try JSONWriter(layout: layout).encode(lines: failing, workers: 3) }
        #expect(throws: EncodingError.self) { try JSONWriter(layout: layout).encode(lines: [Silent()], workers: 1) }
    }

    @Test("dates: as the given text (the store's times), else as Date encodes itself (JSONEncoder's default)")
    func dates() throws {
        let record = ["at": Date(timeIntervalSinceReferenceDate: 1.5)]
        #expect(try JSONWriter().encode(record) == Array(try JSONEncoder().encode(record)))
        let stamp: @Sendable (Date) -> String = { "t\($0.timeIntervalSinceReferenceDate)" }
        let encoder = Self.encoder(.compact)
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(stamp(date))
        }
        #expect(try JSONWriter(dates: stamp).encode(record) == Array(try encoder.encode(record)))
        #expect(String(decoding: try JSONWriter(dates: stamp).encode(record), as: UTF8.self) == #"{"at":"t1.5"}"#)
    }

    @Test("refused as by JSONEncoder: a non-finite number, a top-level value that writes nothing")
    func refusals() {
        #expect(throws: EncodingError.self) { try JSONWriter().encode(["x": Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONWriter().encode([Float.infinity]) }
        #expect(throws: EncodingError.self) { try JSONWriter().encode(Silent()) }
    }
}
