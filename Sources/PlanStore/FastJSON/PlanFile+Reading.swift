import Foundation
import PlanModel

/// Reading plan files fast: opening a store decodes every plan, and
/// `JSONDecoder` spent ~30 µs per measure. The hand-written reader decodes
/// exactly what `Plan`'s `Decodable` conformance accepts and declines anything
/// else (escaped keys, odd numbers, a newer schema), which `JSONDecoder` then reads.
extension PlanFile {
    static func read(_ data: Data, file: String) throws(StoreError) -> Plan {
        if let plan = fastRead(data) { return plan }
        return try StoreCoding.decodeVersioned(PlanFile.self, from: data, file: file).plan
    }

    /// The plan as the hand-written reader reads it, or nil where it declines.
    static func fastRead(_ data: Data) -> Plan? { JSONReader.read(data, PlanReader.plan) }
}

/// Hand-written decoding of the plan schema (see `PlanFile.read`).
private enum PlanReader {
    typealias Unexpected = JSONReader.Unexpected

    static func plan(_ reader: inout JSONReader) throws(Unexpected) -> Plan {
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

    static func pillar(_ reader: inout JSONReader) throws(Unexpected) -> Pillar {
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

    static func measure(_ reader: inout JSONReader) throws(Unexpected) -> Measure {
        var id: String?, label: String?, title: String?, section: Section?, text: String?
        var units: [UnitRef]?, deadline: Deadline?, tasks: [PlanTask]?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "id": id = try reader.string()
            case "label": label = try reader.string()
            case "title": title = try reader.string()
            case "section": section = reader.null() ? nil : try Self.section(&reader)
            case "text": text = try reader.string()
            case "units":
                var list: [UnitRef] = []
                try reader.array { reader throws(Unexpected) in list.append(try unit(&reader)) }
                units = list
            case "deadline": deadline = reader.null() ? nil : try Self.deadline(&reader)
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

    static func section(_ reader: inout JSONReader) throws(Unexpected) -> Section {
        var label: String?, title: String?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "label": label = try reader.string()
            case "title": title = try reader.string()
            default: try reader.skipValue()
            }
        }
        return Section(label: try required(label), title: try required(title))
    }

    static func unit(_ reader: inout JSONReader) throws(Unexpected) -> UnitRef {
        var name: String?, role: Role?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "name": name = try reader.string()
            case "role": role = try required(Role(rawValue: try reader.string()))
            default: try reader.skipValue()
            }
        }
        return UnitRef(name: try required(name), role: try required(role))
    }

    static func deadline(_ reader: inout JSONReader) throws(Unexpected) -> Deadline {
        var text: String?, date: Day?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "text": text = try reader.string()
            case "date": date = try reader.optionalDay()
            default: try reader.skipValue()
            }
        }
        return Deadline(text: try required(text), date: date)
    }

    static func task(_ reader: inout JSONReader) throws(Unexpected) -> PlanTask {
        var id: String?, title: String?, text: String?
        try reader.object { reader, key throws(Unexpected) in
            switch key {
            case "id": id = try reader.string()
            case "title": title = try reader.string()
            case "text": text = try reader.string()
            default: try reader.skipValue()
            }
        }
        return PlanTask(id: try required(id), title: try required(title), text: try required(text))
    }
}
