import FoundationEssentials
import JSONTree
import PlanModel

/// A compact index of one plan's measures (`index/<plan-id>.jsonl`): one line
/// per measure with its title, task ids, units and deadline, so that a change to one
/// measure is decided without decoding plan bodies, and an import rewrites only
/// its own plan's index. The first line records the fingerprint of the plan file
/// it was built from; if the plan file changed since, the index is rebuilt.
struct IdIndex {
    let path: String
    /// The index file's bytes.
    let data: Data

    /// One measure, as much as the index keeps of it.
    struct Entry: Codable, Equatable, JSONObject {
        var plan: String
        var id: String
        var title: String
        var tasks: [String]
        var units: [UnitRef]
        var deadline: Day?

        init(plan: String, id: String, title: String, tasks: [String], units: [UnitRef], deadline: Day?) {
            self.plan = plan
            self.id = id
            self.title = title
            self.tasks = tasks
            self.units = units
            self.deadline = deadline
        }

        init(plan: String, measure: Measure) {
            self.plan = plan
            id = measure.id
            title = measure.title
            tasks = measure.tasks.map(\.id)
            units = measure.units
            deadline = measure.deadline?.date
        }

        private enum CodingKeys: String, CodingKey { case plan, id, title, tasks, units, deadline }

        /// An entry of an index made before entries kept the title reads with none: a change needs only the ids
        /// (the outline's reader declines it, and the plan's index is made again).
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            plan = try container.decode(String.self, forKey: .plan)
            id = try container.decode(String.self, forKey: .id)
            title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
            tasks = try container.decode([String].self, forKey: .tasks)
            units = try container.decode([UnitRef].self, forKey: .units)
            deadline = try container.decodeIfPresent(Day.self, forKey: .deadline)
        }

        // In key order: an import writes a line per measure.
        func fields(into object: inout JSONFields) throws {
            try object.field("deadline", ifPresent: deadline)
            try object.field("id", id)
            try object.field("plan", plan)
            try object.field("tasks", tasks)
            try object.field("title", title)
            try object.field("units", units)
        }

        /// A measure with the title, ids, units and deadline of the document, and no text.
        var measure: Measure { Self.measure(id: id, title: title, tasks: tasks, units: units, deadline: deadline) }

        static func measure(id: String, title: String, tasks: [String], units: [UnitRef], deadline: Day?) -> Measure {
            Measure(id: id, label: "", title: title, text: "", units: units,
                    deadline: deadline.map { Deadline(text: $0.description, date: $0) },
                    tasks: tasks.map { PlanTask(id: $0, title: "", text: "") })
        }
    }

    struct Header: Codable, Equatable, Versioned {
        var schema: Int?
        /// The plan file's fingerprint (size, modification time, inode).
        var plan: String
        /// What a listing of plans needs of the plan beyond its measures, so that it reads no plan file
        /// (`JSONPlanStore.loadOutline`); nil in an index made before it was kept, which is then made again.
        var outline: Outline?
    }

    /// What the plans screen and listings show of a plan beyond its measures: its title, district, year and
    /// date (a measure's 序时进度 starts at it), and its pillars' numbers (`list --pillar 一`).
    struct Outline: Codable, Equatable, JSONObject {
        var title: String
        var district: String?
        var year: Int?
        var date: Day?
        var pillars: [String]

        init(title: String, district: String?, year: Int?, date: Day?, pillars: [String]) {
            self.title = title
            self.district = district
            self.year = year
            self.date = date
            self.pillars = pillars
        }

        init(_ plan: Plan) {
            self.init(title: plan.title, district: plan.district, year: plan.year, date: plan.date, pillars: plan.pillars.map(\.number))
        }

        private enum CodingKeys: String, CodingKey { case title, district, year, date, pillars }

        /// `year`, `date` and `pillars` must be there (`null` for none): an outline without them was made before
        /// it kept them, and is made again.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decode(String.self, forKey: .title)
            district = try container.decodeIfPresent(String.self, forKey: .district)
            year = try container.decode(Int?.self, forKey: .year)
            date = try container.decode(Day?.self, forKey: .date)
            pillars = try container.decode([String].self, forKey: .pillars)
        }

        func fields(into object: inout JSONFields) throws {
            try object.field("date", date)
            try object.field("district", ifPresent: district)
            try object.field("pillars", pillars)
            try object.field("title", title)
            try object.field("year", year)
        }
    }

    /// The header, if the file is an index of this schema.
    func header() throws(StoreError) -> Header? {
        guard let newline = data.firstIndex(of: 0x0A) else { return nil }
        return try StoreCoding.decodeVersioned(Header.self, from: data[..<newline], file: path, fast: Self.header)
    }

    /// The index of `plan`; `entries`: its entries' lines if made already (`entryLines(of:)`: an import makes them
    /// beside the plan's file, and the header, which needs the written file's fingerprint, after).
    static func encode(_ plan: Plan, fingerprint: String, entries: [UInt8]? = nil) throws(StoreError) -> Data {
        let lines: [UInt8]
        if let entries { lines = entries } else { lines = try entryLines(of: plan) }
        do {
            var data = try StoreCoding.encode(Header(schema: Schema.current, plan: fingerprint,
                                                        outline: Outline(plan)))
            data.append(0x0A)
            data.append(contentsOf: lines)
            return data
        } catch {
            throw StoreError.badInput("index of \(plan.id) cannot be encoded: \(error)")
        }
    }

    /// A line per measure, written on every processor (a fifth of an import's instructions).
    static func entryLines(of plan: Plan) throws(StoreError) -> [UInt8] {
        do {
            let entries = plan.measures.map { Entry(plan: plan.id, measure: $0) }
            return try StoreCoding.writer.encode(lines: entries, workers: Processors.count)
        } catch {
            throw StoreError.badInput("index of \(plan.id) cannot be encoded: \(error)")
        }
    }

    /// All entries, in file order (decoded as one array: much faster than line by line).
    func entries() throws(StoreError) -> [Entry] {
        guard let newline = data.firstIndex(of: 0x0A) else { return [] }
        var lines = data[(newline + 1)...]
        while lines.last == 0x0A { lines = lines.dropLast() }
        guard !lines.isEmpty else { return [] }
        var array = Data("[".utf8) + lines + Data("]".utf8)
        array.withUnsafeMutableBytes { bytes in
            for i in bytes.indices where bytes[i] == 0x0A { bytes[i] = UInt8(ascii: ",") }
        }
        do {
            return try StoreCoding.decoder().decode([Entry].self, from: array)
        } catch {
            throw StoreError.corrupt(file: path, offset: newline + 1, reason: "index entries unreadable (\(StoreCoding.describe(error)))")
        }
    }

    /// The measure holding `id` (a measure id or one of its task ids), or nil.
    func entry(for id: String) throws(StoreError) -> Entry? {
        let quoted = Journal.quoted(id)
        if let entry = try find(Array("\"id\":".utf8) + quoted, where: { $0.id == id }) { return entry }
        return try find(quoted, where: { $0.tasks.contains(id) })
    }

    private func find(_ needle: [UInt8], where matches: (Entry) -> Bool) throws(StoreError) -> Entry? {
        let decoder = StoreCoding.decoder()
        let search = ByteSearch(needle)
        return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Result<Entry?, StoreError> in
            var position = 0
            while let at = search.firstOffset(in: bytes, from: position, to: bytes.count) {
                let start = ByteSearch.lineStart(in: bytes, before: at)
                let stop = ByteSearch.lineEnd(in: bytes, from: at, to: bytes.count)
                if start > 0 {
                    let line = Data(UnsafeRawBufferPointer(rebasing: bytes[start..<stop]))
                    guard let entry = try? decoder.decode(Entry.self, from: line) else {
                        return .failure(StoreError.corrupt(file: path, offset: start, reason: "not an index entry"))
                    }
                    if matches(entry) { return .success(entry) }
                }
                position = stop + 1
            }
            return .success(nil)
        }.get()
    }
}

extension Plan {
    /// A plan as its index outlines it: its title, district, year, date and pillars' numbers, and its measures'
    /// titles, ids, tasks, units and deadline days in pillars by the ordinal their ids carry (`PLAN:P.M`); no texts,
    /// labels, pillar names or task titles.
    init(outline: IdIndex.Outline, id: String, measures: [Measure]) {
        var pillars = outline.pillars.map { Pillar(number: $0, title: "", measures: []) }
        for measure in measures {
            // The digits after the last colon, by bytes (by characters, this was half of the outline's time).
            let utf8 = measure.id.utf8
            let place = utf8.lastIndex(of: UInt8(ascii: ":")).map { utf8.index(after: $0) } ?? utf8.startIndex
            let pillar = max(1, utf8[place...].prefix { (0x30...0x39).contains($0) }.reduce(0) { $0 * 10 + Int($1 - 0x30) })
            while pillars.count < pillar { pillars.append(Pillar(number: "", title: "", measures: [])) }
            pillars[pillar - 1].measures.append(measure)
        }
        self.init(id: id, title: outline.title, district: outline.district, year: outline.year, date: outline.date, pillars: pillars)
    }
}
