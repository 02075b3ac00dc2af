import FoundationEssentials
import PlanModel

/// Reading plan files fast: opening a store decodes every plan, and
/// `JSONDecoder` spent ~30 µs per measure. The hand-written reader decodes
/// exactly what `Plan`'s `Decodable` conformance accepts and declines anything
/// else (escaped keys, odd numbers, a newer schema), which `JSONDecoder` then reads.
extension PlanFile {
    /// The plan in `data`. With `texts` (reading the same file), its measure and task
    /// texts are left in the file (`DeferredText`); a file the hand-written reader
    /// declines is decoded whole by `JSONDecoder`.
    static func read(_ data: Data, file: String, texts: Texts? = nil) throws(StoreError) -> Plan {
        if let plan = fastRead(data, texts: texts) { return plan }
        return try StoreCoding.decodeVersioned(PlanFile.self, from: data, file: file).plan
    }

    /// The plan as the hand-written reader reads it, or nil where it declines;
    /// with `texts`, texts are deferred to it.
    static func fastRead(_ data: Data, texts: Texts? = nil) -> Plan? {
        JSONReader.read(data) { reader throws(JSONReader.Unexpected) in try PlanReader(texts: texts).plan(&reader) }
    }
}

extension Plan {
    /// A plan in the plan JSON schema (`duban parse --json`, a store's plan file) as the store's
    /// hand-written reader reads it, texts as strings; nil where it declines, for `JSONDecoder`
    /// to read or to say what is wrong. `JSONDecoder` was half of importing plan JSON.
    public static func fastDecoded(from data: Data) -> Plan? { PlanFile.fastRead(data) }
}

/// Hand-written decoding of the plan schema (see `PlanFile.read`).
struct PlanReader {
    typealias Unexpected = JSONReader.Unexpected

    /// Where texts are deferred to; nil to read them as strings.
    let texts: PlanFile.Texts?
    /// Units, sections and deadline wordings recur from measure to measure.
    let recurring = StringTable()

    func plan(_ reader: inout JSONReader) throws(Unexpected) -> Plan {
        var id: String?, title: String?, district: String?, year: Int?, docNumber: String?, date: Day?
        var pillars: [Pillar]?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "id": id = try reader.string()
            case "title": title = try reader.string()
            case "district": district = try reader.optionalString()
            case "year": year = reader.null() ? nil : try reader.int()
            case "docNumber": docNumber = try reader.optionalString()
            case "date": date = try reader.optionalDay()
            case "pillars":
                var list: [Pillar] = []
                try reader.array { reader throws(Unexpected) in list.append(try pillar(&reader)) }
                pillars = list
            case "schema":
                // A newer (or impossible) schema is JSONDecoder's to report.
                if !reader.null() {
                    guard (1...Schema.current).contains(try reader.int()) else { throw Unexpected() }
                }
            default: try reader.skipValue()
            }
        }
        try reader.end()
        return Plan(id: try required(id), title: try required(title), district: district, year: year,
                    docNumber: docNumber, date: date, pillars: try required(pillars))
    }

    func pillar(_ reader: inout JSONReader) throws(Unexpected) -> Pillar {
        var number: String?, title: String?, measures: [Measure]?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "number": number = try reader.string()
            case "title": title = try reader.string()
            case "measures":
                var list: [Measure] = []
                try reader.array { reader throws(Unexpected) in list.append(try measure(&reader)) }
                measures = list
            default: try reader.skipValue()
            }
        }
        return Pillar(number: try required(number), title: try required(title), measures: try required(measures))
    }

    func measure(_ reader: inout JSONReader) throws(Unexpected) -> Measure {
        var id: String?, label: String?, title: String?, section: Section?, text: DeferredText?
        var units: [UnitRef]?, deadline: Deadline?, tasks: [PlanTask]?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "id": id = try reader.string()
            case "label": label = try reader.string()
            case "title": title = try reader.string()
            case "section": section = reader.null() ? nil : try self.section(&reader)
            case "text": text = try self.text(&reader)
            case "units":
                var list: [UnitRef] = []
                try reader.array { reader throws(Unexpected) in list.append(try unit(&reader)) }
                units = list
            case "deadline": deadline = reader.null() ? nil : try self.deadline(&reader)
            case "tasks":
                var list: [PlanTask] = []
                try reader.array { reader throws(Unexpected) in list.append(try task(&reader)) }
                tasks = list
            default: try reader.skipValue()
            }
        }
        return Measure(id: try required(id), label: try required(label), title: try required(title), section: section,
                       text: try required(text), units: try required(units), deadline: deadline, tasks: try required(tasks))
    }

    func section(_ reader: inout JSONReader) throws(Unexpected) -> Section {
        var label: String?, title: String?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "label": label = try reader.string(in: recurring)
            case "title": title = try reader.string(in: recurring)
            default: try reader.skipValue()
            }
        }
        return Section(label: try required(label), title: try required(title))
    }

    func unit(_ reader: inout JSONReader) throws(Unexpected) -> UnitRef {
        var name: String?, role: Role?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "name": name = try reader.string(in: recurring)
            case "role": role = try reader.stringBytes { bytes throws(Unexpected) in try Self.role(JSONReader.Key(bytes: bytes)) }
            default: try reader.skipValue()
            }
        }
        return UnitRef(name: try required(name), role: try required(role))
    }

    func deadline(_ reader: inout JSONReader) throws(Unexpected) -> Deadline {
        var text: String?, date: Day?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "text": text = try reader.string(in: recurring)
            case "date": date = try reader.optionalDay()
            default: try reader.skipValue()
            }
        }
        return Deadline(text: try required(text), date: date)
    }

    func task(_ reader: inout JSONReader) throws(Unexpected) -> PlanTask {
        var id: String?, title: String?, text: DeferredText?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "id": id = try reader.string()
            case "title": title = try reader.string()
            case "text": text = try self.text(&reader)
            default: try reader.skipValue()
            }
        }
        return PlanTask(id: try required(id), title: try required(title), text: try required(text))
    }

    /// A measure's or task's text: its place in the file when texts are deferred.
    /// Its escapes are checked now, as `JSONDecoder` would; its UTF-8 when it is read.
    func text(_ reader: inout JSONReader) throws(Unexpected) -> DeferredText {
        guard let texts else { return DeferredText(try reader.string()) }
        let (start, end, escaped) = try reader.stringBounds()
        if escaped { _ = try JSONReader.unescapedBytes(UnsafeBufferPointer(rebasing: reader.bytes[start..<end])) }
        guard let offset = UInt32(exactly: start), let count = UInt32(exactly: end - start) else { throw Unexpected() }
        return DeferredText(source: texts, place: DeferredText.Place(offset: offset, count: count, escaped: escaped))
    }

    /// A unit's role from its name's bytes (one string fewer per unit); a role this build does not know is declined.
    static func role(_ name: JSONReader.Key) throws(Unexpected) -> Role {
        switch name {
        case "lead": .lead
        case "support": .support
        case "responsible": .responsible
        default: throw Unexpected()
        }
    }
}
