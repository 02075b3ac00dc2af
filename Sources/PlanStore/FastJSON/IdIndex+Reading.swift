import Foundation
import PlanModel

extension IdIndex {
    /// The plan's outline and every entry, read by hand (`JSONDecoder` took longer than reading the
    /// plan file); nil where the reader declines, or for an index of another schema or without an outline.
    func outline(measureTitles: Bool = true) -> (outline: Outline, entries: [Entry])? {
        JSONReader.read(data) { reader throws(JSONReader.Unexpected) in
            var outline: Outline?, schema: Int?
            try reader.object { reader, key throws(JSONReader.Unexpected) in
                switch key {
                case "outline":
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
                    outline = Outline(title: title, district: district, year: year, date: date, pillars: pillars)
                case "schema": schema = reader.null() ? nil : try reader.int()
                default: try reader.skipValue()
                }
            }
            guard let outline, schema == Schema.current else { throw JSONReader.Unexpected() }
            let plans = PlanReader(texts: nil)
            var entries: [Entry] = []
            while true {
                reader.skipSpace()
                guard reader.position < reader.bytes.count else { return (outline, entries) }
                entries.append(try Self.entry(&reader, plans: plans, title: measureTitles))
            }
        }
    }

    /// An entry; its title left empty unless `title`, but there all the same.
    private static func entry(_ reader: inout JSONReader, plans: PlanReader, title wanted: Bool) throws(JSONReader.Unexpected) -> Entry {
        var plan: String?, id: String?, title: String?, tasks: [String]?, units: [UnitRef]?, deadline: Day?
        try reader.object { reader, key throws(JSONReader.Unexpected) in
            switch key {
            case "plan": plan = try reader.string(in: plans.recurring)
            case "id": id = try reader.string()
            case "title":
                if wanted { title = try reader.string() } else { try reader.skipValue(); title = "" }
            case "tasks":
                var list: [String] = []
                try reader.array { reader throws(JSONReader.Unexpected) in list.append(try reader.string()) }
                tasks = list
            case "units":
                var list: [UnitRef] = []
                try reader.array { reader throws(JSONReader.Unexpected) in list.append(try plans.unit(&reader)) }
                units = list
            case "deadline": deadline = try reader.optionalDay()
            default: try reader.skipValue()
            }
        }
        // Without a title, made before entries kept it: the plan is read from its file.
        guard let plan, let id, let title, let tasks, let units else { throw JSONReader.Unexpected() }
        return Entry(plan: plan, id: id, title: title, tasks: tasks, units: units, deadline: deadline)
    }
}
