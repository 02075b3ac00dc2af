import FoundationEssentials
import PlanModel

extension IdIndex {
    /// The plan's outline and every entry, read by hand (`JSONDecoder` took longer than reading the
    /// plan file); nil where the reader declines, or for an index of another schema or without an outline.
    func outline(measureTitles: Bool = true, runs: Int = 1) -> (outline: Outline, measures: [Measure])? {
        JSONReader.read(data) { reader throws(JSONReader.Unexpected) in
            var outline: Outline?, schema: Int?
            try reader.object { reader, key throws(JSONReader.Unexpected) in
                switch key {
                case "outline": outline = try Self.outline(&reader)
                case "schema": schema = reader.null() ? nil : try reader.int()
                default: try reader.skipValue()
                }
            }
            guard let outline, schema == Schema.current else { throw JSONReader.Unexpected() }
            // The entries in up to `runs` runs of lines side by side: the one plan of a small store was the
            // longest job of its open (`JSONPlanStore.readPlans`).
            nonisolated(unsafe) let bytes = reader.bytes
            let runs = Self.lineRuns(bytes, from: reader.position, runs: runs)
            let parts = runs.concurrentMap { run -> [Measure]? in
                var reader = JSONReader(UnsafeBufferPointer(rebasing: bytes[run]))
                let plans = PlanReader(texts: nil)
                var measures: [Measure] = [], scratch = Scratch()
                while true {
                    reader.skipSpace()
                    guard reader.position < reader.bytes.count else { return measures }
                    guard let measure = try? Self.measure(&reader, plans: plans, title: measureTitles, scratch: &scratch) else { return nil }
                    measures.append(measure)
                }
            }
            var measures: [Measure] = []
            for part in parts {
                guard let part else { throw JSONReader.Unexpected() }
                measures += part
            }
            return (outline, measures)
        }
    }

    /// `bytes` from `start` cut at line ends into up to `wanted` runs of at least 64 KB.
    private static func lineRuns(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, runs wanted: Int) -> [Range<Int>] {
        let runs = max(1, min(wanted, (bytes.count - start) / (64 << 10)))
        var bounds = [start]
        for n in 1..<runs {
            var cut = start + (bytes.count - start) * n / runs
            while cut < bytes.count, bytes[cut] != 0x0A { cut += 1 }
            bounds.append(max(bounds[n - 1], min(bytes.count, cut + 1)))
        }
        bounds.append(bytes.count)
        return (0..<runs).map { bounds[$0]..<bounds[$0 + 1] }
    }

    /// The header line read by hand (`JSONDecoder` took ~150,000 instructions a plan at every open); nil where
    /// the reader declines.
    static func header(_ line: Data) -> Header? {
        JSONReader.read(line) { reader throws(JSONReader.Unexpected) in
            var schema: Int?, plan: String?, outline: Outline?
            try reader.object { reader, key throws(JSONReader.Unexpected) in
                switch key {
                case "outline": outline = reader.null() ? nil : try Self.outline(&reader)
                case "plan": plan = try reader.string()
                case "schema": schema = reader.null() ? nil : try reader.int()
                default: try reader.skipValue()
                }
            }
            try reader.end()
            return Header(schema: schema, plan: try required(plan), outline: outline)
        }
    }

    /// An outline; `year`, `date` and `pillars` must be there (`null` for none), as `Outline(from:)` requires.
    private static func outline(_ reader: inout JSONReader) throws(JSONReader.Unexpected) -> Outline {
        var title: String?, district: String?, year: Int??, date: Day??, pillars: [String]?
        try reader.object { reader, key throws(JSONReader.Unexpected) in
            switch key {
            case "title": title = try reader.string()
            case "district": district = try reader.optionalString()
            case "year": year = .some(reader.null() ? nil : try reader.int())
            case "date": date = .some(try reader.optionalDay())
            case "pillars":
                var numbers: [String] = []
                try reader.array { reader throws(JSONReader.Unexpected) in numbers.append(try reader.string()) }
                pillars = numbers
            default: try reader.skipValue()
            }
        }
        // Without them, made before the outline kept them: the plan is read from its file.
        guard let title, let year, let date, let pillars else { throw JSONReader.Unexpected() }
        return Outline(title: title, district: district, year: year, date: date, pillars: pillars)
    }

    /// The lists of the entry being read, kept from entry to entry: each measure's own lists are then made
    /// once at their size, not grown element by element (a fifth of reading an index).
    private struct Scratch {
        var tasks: [String] = []
        var units: [UnitRef] = []
    }

    /// An entry's measure (`Entry.measure`, without making the entry); its title left empty unless `title`, but
    /// there all the same. The entry's plan is the index's own: only checked to be a string.
    private static func measure(_ reader: inout JSONReader, plans: PlanReader, title wanted: Bool,
                                scratch: inout Scratch) throws(JSONReader.Unexpected) -> Measure {
        var plan = false, id: String?, title: String?, tasks = false, units = false, deadline: Day?
        scratch.tasks.removeAll(keepingCapacity: true)
        scratch.units.removeAll(keepingCapacity: true)
        try reader.object { reader, key throws(JSONReader.Unexpected) in
            switch key {
            case "plan":
                _ = try reader.stringBounds()
                plan = true
            case "id": id = try reader.string()
            case "title":
                if wanted { title = try reader.string() } else { try reader.skipValue(); title = "" }
            case "tasks":
                try reader.array { reader throws(JSONReader.Unexpected) in scratch.tasks.append(try reader.string()) }
                tasks = true
            case "units":
                try reader.array { reader throws(JSONReader.Unexpected) in scratch.units.append(try plans.unit(&reader)) }
                units = true
            case "deadline": deadline = try reader.optionalDay()
            default: try reader.skipValue()
            }
        }
        // Without a title, made before entries kept it: the plan is read from its file.
        guard plan, let id, let title, tasks, units else { throw JSONReader.Unexpected() }
        return Entry.measure(id: id, title: title, tasks: scratch.tasks, units: Array(scratch.units), deadline: deadline)
    }
}
