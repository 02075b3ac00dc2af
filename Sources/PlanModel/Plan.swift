import JSONTree
/// One district action plan as imported from its document: the tree of pillars,
/// measures and tasks. Field names are the plan JSON schema (see docs/import.md).
public struct Plan: Codable, Equatable, Sendable {
    /// `<district-pinyin>-<year>`, e.g. `jiading-2026`.
    public var id: String
    public var title: String
    public var district: String?
    public var year: Int?
    public var docNumber: String?
    /// The date the document gives (ISO `YYYY-MM-DD`), if any.
    public var date: Day?
    public var pillars: [Pillar]

    public init(id: String, title: String, district: String? = nil, year: Int? = nil,
                docNumber: String? = nil, date: Day? = nil, pillars: [Pillar]) {
        self.id = id
        self.title = title
        self.district = district
        self.year = year
        self.docNumber = docNumber
        self.date = date
        self.pillars = pillars
    }

    /// Every measure of the plan in document order.
    public var measures: [Measure] { pillars.flatMap(\.measures) }

    /// Changes every measure in place, in document order.
    public mutating func updateMeasures(_ change: (inout Measure) -> Void) {
        for p in pillars.indices {
            for m in pillars[p].measures.indices { change(&pillars[p].measures[m]) }
        }
    }
}

// A plan's whole tree is written field by field (see `JSONObject`): every import and sync
// writes its plans' files, and the `Encoder` machinery was most of an import's instructions.
extension Plan: JSONObject {
    // Missing metadata is written as `null`, never left out (schema stability).
    public func fields(into object: inout JSONFields) throws {
        try object.field("date", date)
        try object.field("district", district)
        try object.field("docNumber", docNumber)
        try object.field("id", id)
        try object.field("pillars", pillars)
        try object.field("title", title)
        try object.field("year", year)
    }
}

/// A top-level part of a plan (一、二、…).
public struct Pillar: Codable, Equatable, Sendable {
    /// The document's own number, e.g. "一".
    public var number: String
    public var title: String
    public var measures: [Measure]

    public init(number: String, title: String, measures: [Measure]) {
        self.number = number
        self.title = title
        self.measures = measures
    }
}

extension Pillar: JSONObject {
    public func fields(into object: inout JSONFields) throws {
        try object.field("measures", measures)
        try object.field("number", number)
        try object.field("title", title)
    }
}

/// A heading level between pillar and measure, when a plan has one.
public struct Section: Codable, Equatable, Sendable {
    public var label: String
    public var title: String

    public init(label: String, title: String) {
        self.label = label
        self.title = title
    }
}

extension Section: JSONObject {
    public func fields(into object: inout JSONFields) throws {
        try object.field("label", label)
        try object.field("title", title)
    }
}

/// A numbered measure: the unit of work an officer tracks.
public struct Measure: Codable, Equatable, Sendable {
    /// `PLAN:P.M`, both ordinals 1-based.
    public var id: String
    /// The document's own number, e.g. "8" or "（六）".
    public var label: String
    public var title: String
    public var section: Section?
    /// The measure's text, which a store may leave in its file until it is read.
    public var deferredText: DeferredText
    public var units: [UnitRef]
    public var deadline: Deadline?
    public var tasks: [PlanTask]

    public var text: String {
        get { deferredText.string }
        set { deferredText = DeferredText(newValue) }
    }

    public init(id: String, label: String, title: String, section: Section? = nil, text: String,
                units: [UnitRef] = [], deadline: Deadline? = nil, tasks: [PlanTask] = []) {
        self.init(id: id, label: label, title: title, section: section, text: DeferredText(text),
                  units: units, deadline: deadline, tasks: tasks)
    }

    public init(id: String, label: String, title: String, section: Section? = nil, text: DeferredText,
                units: [UnitRef] = [], deadline: Deadline? = nil, tasks: [PlanTask] = []) {
        self.id = id
        self.label = label
        self.title = title
        self.section = section
        self.deferredText = text
        self.units = units
        self.deadline = deadline
        self.tasks = tasks
    }

    enum CodingKeys: String, CodingKey { case id, label, title, section, text, units, deadline, tasks }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), label: try c.decode(String.self, forKey: .label),
                  title: try c.decode(String.self, forKey: .title),
                  section: try c.decodeIfPresent(Section.self, forKey: .section),
                  text: try c.decode(String.self, forKey: .text), units: try c.decode([UnitRef].self, forKey: .units),
                  deadline: try c.decodeIfPresent(Deadline.self, forKey: .deadline),
                  tasks: try c.decode([PlanTask].self, forKey: .tasks))
    }

}

extension Measure: JSONObject {
    // A missing section or deadline is written as `null`.
    public func fields(into object: inout JSONFields) throws {
        try object.field("deadline", deadline)
        try object.field("id", id)
        try object.field("label", label)
        try object.field("section", section)
        try object.field("tasks", tasks)
        try object.field("text", text)
        try object.field("title", title)
        try object.field("units", units)
    }
}

/// A checklist item of a measure: an explicit sub-item, a lead phrase, or one sentence.
public struct PlanTask: Codable, Equatable, Sendable {
    /// `PLAN:P.M.T`.
    public var id: String
    public var title: String
    /// The task's text, which a store may leave in its file until it is read.
    public var deferredText: DeferredText

    public var text: String {
        get { deferredText.string }
        set { deferredText = DeferredText(newValue) }
    }

    public init(id: String, title: String, text: String) {
        self.init(id: id, title: title, text: DeferredText(text))
    }

    public init(id: String, title: String, text: DeferredText) {
        self.id = id
        self.title = title
        self.deferredText = text
    }

    enum CodingKeys: String, CodingKey { case id, title, text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
                  text: try c.decode(String.self, forKey: .text))
    }

}

extension PlanTask: JSONObject {
    public func fields(into object: inout JSONFields) throws {
        try object.field("id", id)
        try object.field("text", text)
        try object.field("title", title)
    }
}

/// A responsible unit (责任单位) of a measure with its role.
public struct UnitRef: Codable, Equatable, Hashable, Sendable {
    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}

/// Written field by field: every listing row holds a few (see `JSONObject`).
extension UnitRef: JSONObject {
    public func fields(into object: inout JSONFields) throws {
        try object.field("name", name)
        try object.field("role", role.rawValue)
    }
}

/// How a unit takes part in a measure: 牵头 (lead), 配合 (support), or not distinguished.
public enum Role: String, Codable, CaseIterable, Sendable {
    case lead, support, responsible
}

/// A deadline the document states for a measure ("6月底前完成").
public struct Deadline: Codable, Equatable, Sendable {
    public var text: String
    /// Only when the text names one unambiguous day.
    public var date: Day?

    public init(text: String, date: Day?) {
        self.text = text
        self.date = date
    }

}

extension Deadline: JSONObject {
    // A deadline without one day is written with `"date": null`.
    public func fields(into object: inout JSONFields) throws {
        try object.field("date", date)
        try object.field("text", text)
    }
}
