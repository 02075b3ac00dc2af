import FoundationEssentials
import PlanModel

/// Reading snapshots fast: every full open decodes one, and `JSONDecoder`
/// took ~30 µs per folded event. The hand-written reader declines anything
/// but the plain form the store writes, which `JSONDecoder` then reads.
extension Snapshot {
    /// Without `recent` (the undo stacks), the ledger's `recent` is left empty: the value is only checked as JSON.
    static func read(_ data: Data, file: String, recent: Bool = true) throws(StoreError) -> Snapshot {
        if let snapshot = fastRead(data, recent: recent) { return snapshot }
        return try StoreCoding.decodeVersioned(Snapshot.self, from: data, file: file)
    }

    /// The snapshot as the hand-written reader reads it, or nil where it declines.
    static func fastRead(_ data: Data, recent: Bool = true) -> Snapshot? {
        JSONReader.read(data) { reader throws(JSONReader.Unexpected) in try SnapshotReader.snapshot(&reader, recent: recent) }
    }
}

/// Hand-written decoding of `snapshot.json` (see `Snapshot.read`).
private enum SnapshotReader {
    typealias Unexpected = JSONReader.Unexpected

    /// The few small parts go to `JSONDecoder`.
    static func decoded<T: Decodable>(_ type: T.Type, _ range: Range<Int>, in reader: JSONReader) throws(Unexpected) -> T {
        let data = Data(UnsafeBufferPointer(rebasing: reader.bytes[range]))
        guard let value = try? StoreCoding.decoder().decode(type, from: data) else { throw Unexpected() }
        return value
    }

    /// The journal's coverage read by hand (`JSONDecoder` cost a scan of the binary's conformances at every open).
    static func coverage(_ reader: inout JSONReader) throws(Unexpected) -> Snapshot.Coverage {
        var bytes: Int?, events: Int?, digest: String?, last: Snapshot.Position?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "bytes": bytes = try reader.int()
            case "events": events = try reader.int()
            case "digest": digest = try reader.string()
            case "last":
                guard !reader.null() else { return }
                var time: String?, officer: String?
                try reader.object { reader, key throws(Unexpected) in
                    switch key {
                    case "time": time = try reader.string()
                    case "officer": officer = try reader.string()
                    default: try reader.skipValue()
                    }
                }
                last = Snapshot.Position(time: try required(time), officer: try required(officer))
            default: try reader.skipValue()
            }
        }
        try reader.end()
        return Snapshot.Coverage(bytes: try required(bytes), events: try required(events), digest: try required(digest), last: last)
    }

    static func snapshot(_ reader: inout JSONReader, recent: Bool) throws(Unexpected) -> Snapshot {
        var schema: Int?, coverage: Snapshot.Coverage?, ledger: Ledger?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "schema":
                if !reader.null() {
                    let value = try reader.int()
                    guard (1...Schema.current).contains(value) else { throw Unexpected() }
                    schema = value
                }
            case "journal":
                let range = try reader.skipValue()
                var part = JSONReader(UnsafeBufferPointer(rebasing: reader.bytes[range]))
                if let read = try? Self.coverage(&part) { coverage = read } else {
                    coverage = try decoded(Snapshot.Coverage.self, range, in: reader)
                }
            case "ledger": ledger = try Self.ledger(&reader, recent: recent)
            default: try reader.skipValue()
            }
        }
        try reader.end()
        return Snapshot(schema: schema, journal: try required(coverage), ledger: try required(ledger))
    }

    static func ledger(_ reader: inout JSONReader, recent readsRecent: Bool) throws(Unexpected) -> Ledger {
        var marks: [String: Ledger.Mark]?, notes: [String: [Ledger.Note]]?, unitChanges: [String: [String: Role?]]?
        var dueDates: [String: Day?]?, undone: Set<String>?, recent: [String: [Event]]?, eventCount: Int?
        // A few officers sign every mark and note.
        let officers = StringTable()
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "marks":
                var all: [(String, Ledger.Mark)] = []
                try reader.dictionary { reader, target throws(Unexpected) in all.append((target, try mark(&reader, officers: officers))) }
                marks = Self.dictionary(all)
            case "notes":
                var all: [(String, [Ledger.Note])] = []
                try reader.dictionary { reader, target throws(Unexpected) in
                    var list: [Ledger.Note] = []
                    try reader.array { reader throws(Unexpected) in list.append(try note(&reader, officers: officers)) }
                    all.append((target, list))
                }
                notes = Self.dictionary(all)
            case "unitChanges":
                var all: [(String, [String: Role?])] = []
                try reader.dictionary { reader, target throws(Unexpected) in
                    var changes: [(String, Role?)] = []
                    try reader.dictionary { reader, unit throws(Unexpected) in
                        changes.append((unit, reader.null() ? nil : try required(Role(rawValue: try reader.string()))))
                    }
                    all.append((target, Self.dictionary(changes)))
                }
                unitChanges = Self.dictionary(all)
            case "dueDates":
                var all: [(String, Day?)] = []
                try reader.dictionary { reader, target throws(Unexpected) in all.append((target, try reader.optionalDay())) }
                dueDates = Self.dictionary(all)
            case "undone":
                var all: [String] = []
                try reader.array { reader throws(Unexpected) in all.append(try reader.string()) }
                undone = Set(all)
            case "recent":
                let range = try reader.skipValue()
                if !readsRecent { recent = [:] } else if let events = recentEvents(range, in: reader) { recent = events } else {
                    recent = try decoded([String: [Event]].self, range, in: reader)
                }
            case "eventCount": eventCount = try reader.int()
            default: try reader.skipValue()
            }
        }
        return Ledger(marks: try required(marks), notes: try required(notes), unitChanges: try required(unitChanges),
                      dueDates: try required(dueDates), undone: try required(undone), recent: try required(recent),
                      eventCount: try required(eventCount))
    }

    /// The entries as one dictionary, sized once (growing one entry at a time rehashed every
    /// key at each doubling); of one key written twice the first stands, as in `JSONDecoder`.
    /// Sized for twice the entries, so at most 3/8 full: most look-ups in the ledger are of ids it
    /// does not hold (a task never marked), and Swift's dictionary compares the key in every slot
    /// it probes until an empty one, each a cache miss at 100,000 measures; up to 3/4 full, a miss
    /// probes ~8 slots, at 3/8 ~2 (`plans --json` at 100k 334 → 321 ms in alternating runs, 10 MB more).
    static func dictionary<Value>(_ entries: [(String, Value)]) -> [String: Value] {
        var table = [String: Value](minimumCapacity: entries.count * 2)
        table.merge(entries, uniquingKeysWith: { first, _ in first })
        return table
    }

    /// Each officer's recent events as the journal's reader reads them (they are written in
    /// the journal's form); nil where it declines one. `JSONDecoder` took a third of a small store's open here.
    static func recentEvents(_ range: Range<Int>, in reader: JSONReader) -> [String: [Event]]? {
        var events = JSONReader(UnsafeBufferPointer(rebasing: reader.bytes[range]))
        var all: [(String, [Event])] = []
        do {
            try events.dictionary { events, officer throws(Unexpected) in
                var list: [Event] = []
                try events.array { events throws(Unexpected) in list.append(try EventReader.event(in: &events)) }
                all.append((officer, list))
            }
            try events.end()
        } catch { return nil }
        return Self.dictionary(all)
    }

    static func mark(_ reader: inout JSONReader, officers: StringTable) throws(Unexpected) -> Ledger.Mark {
        var status: Status?, officer: String?, time: Date?, force: Bool?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "status": status = try required(reader.stringBytes { bytes in Self.status(JSONReader.Key(bytes: bytes)) })
            case "officer": officer = try reader.string(in: officers)
            case "time": time = try required(reader.stringBytes(StoreTime.parse(utf8:)))
            case "force": force = try reader.bool()
            default: try reader.skipValue()
            }
        }
        return Ledger.Mark(status: try required(status), officer: try required(officer), time: try required(time),
                           force: try required(force))
    }

    /// A status from its name's bytes (one string fewer per mark); nil for a name this build does not know.
    static func status(_ name: JSONReader.Key) -> Status? {
        switch name {
        case "todo": .todo
        case "doing": .doing
        case "done": .done
        case "blocked": .blocked
        default: nil
        }
    }

    static func note(_ reader: inout JSONReader, officers: StringTable) throws(Unexpected) -> Ledger.Note {
        var id: String?, officer: String?, time: Date?, text: String?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "id": id = try reader.string()
            case "officer": officer = try reader.string(in: officers)
            case "time": time = try required(reader.stringBytes(StoreTime.parse(utf8:)))
            case "text": text = try reader.string()
            default: try reader.skipValue()
            }
        }
        return Ledger.Note(id: try required(id), officer: try required(officer), time: try required(time), text: try required(text))
    }
}
