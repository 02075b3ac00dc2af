import Foundation
import JSONTree
import PlanModel
import Synthetic
import Testing
@testable import PlanStore

/// The fast JSON layer's promise, over seeded random documents: for plans,
/// snapshots and journal lines, rewritten with unknown keys, escapes, surrogate
/// pairs, spaces, keys out of order and numbers in every form, the fast reader
/// gives exactly what `JSONDecoder` gives, or declines.
@Suite("Fast JSON round trip")
struct FastJSONRoundTripTests {
    /// Writes a JSON tree back as text, each choice drawn from the generator.
    struct Rewriter {
        var random: SplitMix64
        /// Chances of an escaped scalar, of space between tokens, of an unknown key per object.
        var escapes = 0.0, spaces = 0.0, unknownKeys = 0.0
        /// Keys in a random order (else in the store's order: sorted by UTF-8 bytes), keys escaped as values are.
        var shuffleKeys = false, escapeKeys = false
        /// Integers written as 2026.0, 2026e0, 20260E-1… and, rarely, with a leading zero (not JSON).
        var numberForms = false

        /// Only escapes, surrogate pairs and spaces differ from the store's own form: the fast reader must read it.
        var keepsStoreForm: Bool { !shuffleKeys && !escapeKeys && !numberForms && unknownKeys == 0 }

        mutating func text(_ value: JSONValue) -> String {
            var out = ""
            write(value, into: &out, depth: 0)
            return out
        }

        mutating func space(_ out: inout String) {
            while random.chance(spaces) { out += ["  ", "\t", "\n", "\r\n"][random.int(below: 4)] }
        }

        mutating func write(_ value: JSONValue, into out: inout String, depth: Int) {
            space(&out)
            switch value {
            case .null: out += "null"
            case let .bool(flag): out += flag ? "true" : "false"
            case let .integer(n): out += integer(n)
            case let .number(x): out += "\(x)"
            case let .string(text): string(text, into: &out)
            case let .array(items):
                out += "["
                for (n, item) in items.enumerated() {
                    if n > 0 { out += "," }
                    write(item, into: &out, depth: depth + 1)
                }
                space(&out)
                out += "]"
            case let .object(fields):
                // A nil value is a key the schema does not know.
                var members: [(String, JSONValue?)] = fields.map { ($0.key, $0.value) }
                    .sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
                if shuffleKeys { members.shuffle(using: &random) }
                if random.chance(unknownKeys) { members.insert(("zz\(random.int(below: 1000))", nil), at: random.int(in: 0...members.count)) }
                out += "{"
                for (n, (key, item)) in members.enumerated() {
                    if n > 0 { out += "," }
                    space(&out)
                    let escapes = self.escapes
                    if !escapeKeys { self.escapes = 0 }
                    string(key, into: &out)
                    self.escapes = escapes
                    space(&out)
                    out += ":"
                    if let item { write(item, into: &out, depth: depth + 1) } else { out += unknown(depth: depth) }
                }
                space(&out)
                out += "}"
            }
        }

        mutating func integer(_ n: Int) -> String {
            guard numberForms else { return "\(n)" }
            switch random.int(below: 8) {
            case 0: return "\(n).0"
            case 1: return "\(n)e0"
            case 2: return "\(n)E+0"
            case 3: return "\(n)0e-1"
            case 4: return "\(n)00E-2"
            case 5: return n >= 0 && random.chance(0.3) ? "0\(n)" : "\(n)"
            case 6: return n == 0 ? "-0" : "\(n)"
            default: return "\(n)"
            }
        }

        /// A value the schema does not know: numbers in every form (now and then one
        /// that is not JSON, such as `01`, `1.` or `.5`), nested containers, strings.
        mutating func unknown(depth: Int) -> String {
            let numbers = ["0", "-0", "7", "-12", "0.5", "-0.0", "1e10", "1E-7", "-2.5e+3", "6.02214076E23",
                           "123456789012345678901234567890", "1.7976931348623157e308"]
            let notJSON = ["01", "1.", ".5", "+1", "1e", "1e+", "--1", "0x1F", "1.e3", "-", "1E2.5"]
            switch depth > 3 ? random.int(below: 4) : random.int(below: 6) {
            case 0: return "null"
            case 1: return random.chance(0.5) ? "true" : "false"
            case 2: return random.chance(0.05) ? notJSON[random.int(below: notJSON.count)] : numbers[random.int(below: numbers.count)]
            case 3:
                var out = ""
                string(Self.tricky(&random), into: &out)
                return out
            case 4: return "[" + (0..<random.int(below: 4)).map { _ in unknown(depth: depth + 1) }.joined(separator: ",") + "]"
            default: return "{\"k\":" + unknown(depth: depth + 1) + ",\"n\":" + integer(random.int(in: -99...99)) + "}"
            }
        }

        mutating func string(_ text: String, into out: inout String) {
            out += "\""
            // A day (YYYY-MM-DD) is read from its ten plain bytes; escaped, it is declined by design.
            let isDay = Day(text) != nil && text.utf8.count == 10
            for scalar in text.unicodeScalars {
                let escape = !isDay && random.chance(escapes)
                switch scalar {
                case "\"": out += escape ? "\\u0022" : "\\\""
                case "\\": out += escape ? "\\u005C" : "\\\\"
                case "/": out += escape ? "\\/" : "/"
                case "\n": out += escape ? "\\u000a" : "\\n"
                case "\t": out += escape ? "\\u0009" : "\\t"
                case "\r": out += "\\r"
                case "\u{8}": out += "\\b"
                case "\u{C}": out += "\\f"
                case _ where scalar.value < 0x20 || escape:
                    for unit in String(scalar).utf16 {
                        let hex = String(unit, radix: 16)
                        let padded = String(repeating: "0", count: 4 - hex.count) + hex
                        out += "\\u" + (random.chance(0.5) ? padded.uppercased() : padded)
                    }
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }

        /// Text with quotes, backslashes, slashes, control characters, CJK, astral emoji and combining marks.
        static func tricky(_ random: inout SplitMix64) -> String {
            let pieces = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "政务", "〔2026〕",
                          "😀", "𠀀", "e\u{301}", "\u{2028}", "\u{FEFF}", "\u{FFFD}", "—", "１２"]
            return (0..<random.int(below: 12)).map { _ in pieces[random.int(below: pieces.count)] }.joined()
        }
    }

    /// A rewriter with a mixture of settings, mild often enough that the fast reader has work to do.
    static func rewriter(_ random: inout SplitMix64) -> Rewriter {
        var rewriter = Rewriter(random: SplitMix64(seed: random.next()))
        rewriter.escapes = [0, 0.05, 0.5][random.int(below: 3)]
        rewriter.spaces = [0, 0, 0.1, 0.4][random.int(below: 4)]
        rewriter.unknownKeys = [0, 0, 0.2][random.int(below: 3)]
        rewriter.shuffleKeys = random.chance(0.2)
        rewriter.escapeKeys = random.chance(0.1)
        rewriter.numberForms = random.chance(0.3)
        return rewriter
    }

    /// Checks the promise for one document written by `rewriter`; true when the fast reader read it.
    @discardableResult
    static func check<T: Equatable>(_ data: Data, by rewriter: Rewriter, fast: (Data) -> T?, decoder: (Data) -> T?) -> Bool {
        let text = String(decoding: data, as: UTF8.self).prefix(300)
        guard let fast = fast(data) else {
            #expect(!rewriter.keepsStoreForm, "declined though only escapes and spaces differ: \(text)")
            return false
        }
        let slow = decoder(data)
        #expect(slow == fast, "the fast reader read what JSONDecoder \(slow == nil ? "refuses" : "reads otherwise"): \(text)")
        return true
    }

    static func tree(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    /// Checks `count` random rewrites of `canonical`; returns how many the fast reader read.
    static func checkRewrites<T: Equatable>(of canonical: Data, count: Int, random: inout SplitMix64,
                                            fast: (Data) -> T?, decoder: (Data) -> T?) throws -> Int {
        let tree = try tree(canonical)
        var read = 0
        for _ in 0..<count {
            let rewriter = rewriter(&random)
            var writer = rewriter
            if check(Data(writer.text(tree).utf8), by: rewriter, fast: fast, decoder: decoder) { read += 1 }
        }
        return read
    }

    static func trickyPlans(seed: UInt64) -> [Plan] {
        var random = SplitMix64(seed: seed)
        return Synthetic.plans(measures: 24, seed: seed).map { plan in
            var plan = plan
            plan.title = Rewriter.tricky(&random) + plan.title
            plan.docNumber = random.chance(0.5) ? Rewriter.tricky(&random) : nil
            plan.updateMeasures { measure in
                guard random.chance(0.3) else { return }
                measure.title += Rewriter.tricky(&random)
                measure.text = Rewriter.tricky(&random)
            }
            return plan
        }
    }

    static func trickyEvents(seed: UInt64) -> [Event] {
        var random = SplitMix64(seed: seed)
        let plans = Synthetic.plans(measures: 24, seed: seed)
        return Synthetic.events(for: plans, count: 60, seed: seed, start: Fixtures.t0).map { event in
            var event = event
            if case .note = event.change { event.change = .note(Rewriter.tricky(&random)) }
            if random.chance(0.1) { event.officer = Rewriter.tricky(&random) }
            return event
        }
    }

    @Test("plan files: the fast reader equals JSONDecoder or declines", arguments: 1...6 as ClosedRange<UInt64>)
    func plans(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var read = 0, total = 0
        for plan in Self.trickyPlans(seed: seed) {
            let canonical = try PlanFile.encode(plan, keepingFieldsOf: nil)
            #expect(PlanFile.fastRead(canonical) == plan, "the store's own form is read by the fast reader")
            total += 24
            read += try Self.checkRewrites(of: canonical, count: 24, random: &random, fast: { PlanFile.fastRead($0) }) {
                try? StoreCoding.decodeVersioned(PlanFile.self, from: $0, file: "p.json").plan
            }
        }
        // Unknown keys and keys in any order are read too, not declined.
        #expect(read > total / 10)
    }

    @Test("snapshots: the fast reader equals JSONDecoder or declines", arguments: 1...6 as ClosedRange<UInt64>)
    func snapshots(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let events = Self.trickyEvents(seed: seed)
        var read = 0, total = 0
        for count in stride(from: 0, through: events.count, by: 6) {
            var ledger = Ledger()
            events.prefix(count).forEach { ledger.apply($0) }
            let last = random.chance(0.5) ? Snapshot.Position(time: Rewriter.tricky(&random), officer: Rewriter.tricky(&random)) : nil
            let snapshot = Snapshot(schema: random.chance(0.8) ? Schema.current : nil,
                                    journal: .init(bytes: random.int(below: 1 << 30), events: count, digest: String(random.next(), radix: 16),
                                                   last: last),
                                    ledger: ledger)
            let canonical = try StoreCoding.encode(snapshot)
            #expect(Snapshot.fastRead(canonical) == snapshot, "the store's own form is read by the fast reader")
            // For a listing: everything but the undo stacks.
            let listed = try #require(Snapshot.fastRead(canonical, recent: false)).ledger
            #expect(listed.recent.isEmpty && listed.marks == ledger.marks && listed.notes == ledger.notes && listed.undone == ledger.undone
                    && listed.unitChanges == ledger.unitChanges && listed.dueDates == ledger.dueDates && listed.eventCount == ledger.eventCount)
            total += 8
            read += try Self.checkRewrites(of: canonical, count: 8, random: &random, fast: { Snapshot.fastRead($0) }) {
                try? StoreCoding.decodeVersioned(Snapshot.self, from: $0, file: "snapshot.json")
            }
        }
        #expect(read > total / 10)
    }

    @Test("index headers and the store's manifest: the fast readers equal JSONDecoder or decline", arguments: 1...4 as ClosedRange<UInt64>)
    func headersAndManifests(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var read = 0, total = 0
        let plans = Self.trickyPlans(seed: seed)
        for n in 0..<40 {
            var outline = IdIndex.Outline(plans[n % plans.count])
            if random.chance(0.3) { outline.district = nil }
            if random.chance(0.3) { (outline.year, outline.date) = (nil, nil) }
            let header = IdIndex.Header(schema: random.chance(0.8) ? Schema.current : nil, plan: Rewriter.tricky(&random),
                                        outline: random.chance(0.9) ? outline : nil)
            let manifest = Manifest(schema: random.chance(0.8) ? Schema.current : nil,
                                    format: random.chance(0.8) ? Manifest.format : Rewriter.tricky(&random),
                                    created: Fixtures.t0.addingTimeInterval(Double(random.int(below: 1 << 30)) / 1000))
            let (headerLine, manifestFile) = (try StoreCoding.encode(header), try StoreCoding.encode(manifest))
            #expect(IdIndex.header(headerLine) == header, "the store's own form is read by the fast reader")
            #expect(Manifest.read(manifestFile) == manifest, "the store's own form is read by the fast reader")
            total += 4
            read += try Self.checkRewrites(of: headerLine, count: 2, random: &random, fast: IdIndex.header) {
                try? StoreCoding.decodeVersioned(IdIndex.Header.self, from: $0, file: "index/p.jsonl")
            }
            read += try Self.checkRewrites(of: manifestFile, count: 2, random: &random, fast: Manifest.read) {
                try? StoreCoding.decodeVersioned(Manifest.self, from: $0, file: "store.json")
            }
        }
        #expect(read > total / 10)
        // An outline without the fields it has kept since they were added is declined, as JSONDecoder refuses it.
        #expect(IdIndex.header(Data(#"{"outline":{"pillars":[],"title":"t"},"plan":"1-2-3","schema":1}"#.utf8)) == nil)
    }

    @Test("journal lines: the fast reader equals JSONDecoder or declines", arguments: 1...6 as ClosedRange<UInt64>)
    func journalLines(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let fast = { (line: Data) in line.withUnsafeBytes { EventReader.event($0.bindMemory(to: UInt8.self)) } }
        var read = 0, total = 0
        for event in Self.trickyEvents(seed: seed) {
            let canonical = try StoreCoding.encoder().encode(event)
            #expect(try StoreCoding.encode(event) == canonical, "the journal line the store writes")
            #expect(fast(canonical) == event, "the store's own form is read by the fast reader")
            #expect(canonical.withUnsafeBytes { EventReader.id($0.bindMemory(to: UInt8.self)) } == event.id)
            total += 6
            read += try Self.checkRewrites(of: canonical, count: 6, random: &random, fast: fast) {
                try? StoreCoding.decoder().decode(Event.self, from: $0)
            }
        }
        #expect(read > total / 10)
    }

    @Test("the syntax check agrees with JSONDecoder on which rewritten documents are JSON", arguments: 1...3 as ClosedRange<UInt64>)
    func syntax(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for plan in Self.trickyPlans(seed: seed) {
            let tree = try Self.tree(try PlanFile.encode(plan, keepingFieldsOf: nil))
            for _ in 0..<6 {
                var rewriter = Self.rewriter(&random)
                var data = Data(rewriter.text(tree).utf8)
                // Now and then cut short or with a stray byte: the error must be found, inside the text.
                if random.chance(0.3) { data = data.prefix(random.int(below: data.count)) }
                // (Between characters: the check is of syntax, not of UTF-8, which JSONDecoder reports itself.)
                let at = random.int(below: data.count + 1)
                if random.chance(0.2), at == data.count || !(0x80...0xBF).contains(data[at]) {
                    data.insert([UInt8(ascii: "}"), UInt8(ascii: ","), 0x01][random.int(below: 3)], at: at)
                }
                let valid = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
                let error = JSONReader.firstError(in: data)
                #expect((error == nil) == valid, "\(String(decoding: data, as: UTF8.self).prefix(200))")
                if let error { #expect(error.offset <= data.count) }
            }
        }
    }
}
