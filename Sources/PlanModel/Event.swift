import FoundationEssentials

/// One recorded change: a line of the store's journal. Every change says who
/// made it and when, and carries what is needed to undo it.
public struct Event: Codable, Equatable, Sendable {
    /// Unique across machines (time plus randomness), so journals merge by union.
    public var id: String
    public var time: Date
    public var officer: String
    /// The measure or task id the change is about.
    public var target: String
    public var change: Change

    public init(id: String, time: Date, officer: String, target: String, change: Change) {
        self.id = id
        self.time = time
        self.officer = officer
        self.target = target
        self.change = change
    }

    public var kind: Change.Kind { change.kind }

    enum CodingKeys: String, CodingKey { case id, time, officer, kind, target, payload }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        let stamp = try c.decode(String.self, forKey: .time)
        guard let parsed = Event.parseTime(stamp) else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: c, debugDescription: "bad time \(stamp)")
        }
        time = parsed
        officer = try c.decode(String.self, forKey: .officer)
        target = try c.decode(String.self, forKey: .target)
        let kind = try c.decode(Change.Kind.self, forKey: .kind)
        change = try Change(kind: kind, payload: c.superDecoder(forKey: .payload))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(Event.formatTime(time), forKey: .time)
        try c.encode(officer, forKey: .officer)
        try c.encode(kind, forKey: .kind)
        try c.encode(target, forKey: .target)
        try change.encodePayload(to: c.superEncoder(forKey: .payload))
    }

    /// UTC with milliseconds, e.g. `2026-11-21T09:30:00.125Z`: sortable as text.
    public static func formatTime(_ date: Date) -> String {
        // Rounded to the millisecond and the digits written here: the formatter
        // truncates, so a parsed `.002` (stored as 0.00199…) came back as `.001`.
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = (millis - ((millis % 1000) + 1000) % 1000, ((millis % 1000) + 1000) % 1000)
        if let fast = civilTime(seconds: seconds / 1000, millis: Int(fraction)) { return fast }
        let whole = Date(timeIntervalSince1970: Double(seconds) / 1000).formatted(.iso8601.year().month().day()
            .dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// `formatTime`'s text computed from the seconds since 1970 (the civil-from-days algorithm),
    /// for years 1600–9999 (the formatter's calendar is Julian before October 1582): the ISO 8601
    /// formatter took ~7,000 instructions a time, a third of writing a snapshot.
    static func civilTime(seconds: Int64, millis: Int) -> String? {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let second = Int(seconds - days * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shifted + 2) / 5 + 1)
        let month = Int(shifted < 10 ? shifted + 3 : shifted - 9)
        let year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        guard (1600...9999).contains(year) else { return nil }
        var text = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int, at offset: Int, digits: Int) {
            var value = value
            for n in stride(from: offset + digits - 1, through: offset, by: -1) {
                text[n] = UInt8(0x30 + value % 10)
                value /= 10
            }
        }
        put(year, at: 0, digits: 4)
        put(month, at: 5, digits: 2)
        put(day, at: 8, digits: 2)
        put(second / 3600, at: 11, digits: 2)
        put(second / 60 % 60, at: 14, digits: 2)
        put(second % 60, at: 17, digits: 2)
        put(millis, at: 20, digits: 3)
        for (offset, byte) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")] as [(Int, Unicode.Scalar)] {
            text[offset] = UInt8(ascii: byte)
        }
        return String(decoding: text, as: UTF8.self)
    }

    public static func parseTime(_ text: String) -> Date? {
        if let d = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return d }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}

/// What an event changes. Each case carries the value it replaced, so that
/// undo is a plain inverse change and the fold never has to look back.
public indirect enum Change: Equatable, Sendable {
    /// `status == nil` means "not marked": the status is derived from the tasks.
    case status(Status?, previous: Status?, force: Bool)
    case note(String)
    /// Replaces the text of the note that event `note` added (`previous`: its text until now).
    case editNote(note: String, text: String, previous: String)
    /// `previous` is the unit's role before (nil: it was not assigned).
    case assign(unit: String, role: Role, previous: Role?)
    case unassign(unit: String, previous: Role)
    /// `date == nil` clears the due date.
    case due(Day?, previous: Day?)
    /// Undoes event `event` by applying `inverse` (nil for a note, which is withdrawn).
    case undo(event: String, inverse: Change?)

    public enum Kind: String, Codable, CaseIterable, Sendable {
        case status, note, assign, unassign, due, undo, editNote
    }

    public var kind: Kind {
        switch self {
        case .status: .status
        case .note: .note
        case .editNote: .editNote
        case .assign: .assign
        case .unassign: .unassign
        case .due: .due
        case .undo: .undo
        }
    }

    /// The change that restores what this one replaced; nil for a note and an undo.
    public var inverse: Change? {
        switch self {
        case let .status(status, previous, _): .status(previous, previous: status, force: false)
        case .note, .undo: nil
        case let .editNote(note, text, previous): .editNote(note: note, text: previous, previous: text)
        case let .assign(unit, role, previous):
            previous.map { .assign(unit: unit, role: $0, previous: role) } ?? .unassign(unit: unit, previous: role)
        case let .unassign(unit, previous): .assign(unit: unit, role: previous, previous: nil)
        case let .due(date, previous): .due(previous, previous: date)
        }
    }

    enum PayloadKeys: String, CodingKey {
        case status, previous, force, text, unit, role, date, event, inverse, kind
    }

    init(kind: Kind, payload decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: PayloadKeys.self)
        switch kind {
        case .status:
            self = .status(try c.decodeIfPresent(Status.self, forKey: .status),
                           previous: try c.decodeIfPresent(Status.self, forKey: .previous),
                           force: try c.decodeIfPresent(Bool.self, forKey: .force) ?? false)
        case .note:
            self = .note(try c.decode(String.self, forKey: .text))
        case .editNote:
            self = .editNote(note: try c.decode(String.self, forKey: .event), text: try c.decode(String.self, forKey: .text),
                             previous: try c.decode(String.self, forKey: .previous))
        case .assign:
            self = .assign(unit: try c.decode(String.self, forKey: .unit),
                           role: try c.decode(Role.self, forKey: .role),
                           previous: try c.decodeIfPresent(Role.self, forKey: .previous))
        case .unassign:
            self = .unassign(unit: try c.decode(String.self, forKey: .unit),
                             previous: try c.decode(Role.self, forKey: .previous))
        case .due:
            self = .due(try c.decodeIfPresent(Day.self, forKey: .date),
                        previous: try c.decodeIfPresent(Day.self, forKey: .previous))
        case .undo:
            let event = try c.decode(String.self, forKey: .event)
            var inverse: Change?
            if c.contains(.inverse), try !c.decodeNil(forKey: .inverse) {
                let nested = try c.superDecoder(forKey: .inverse)
                let kind = try nested.container(keyedBy: PayloadKeys.self).decode(Kind.self, forKey: .kind)
                inverse = try Change(kind: kind, payload: nested)
            }
            self = .undo(event: event, inverse: inverse)
        }
    }

    func encodePayload(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: PayloadKeys.self)
        switch self {
        case let .status(status, previous, force):
            try c.encode(status, forKey: .status)
            try c.encode(previous, forKey: .previous)
            if force { try c.encode(true, forKey: .force) }
        case let .note(text):
            try c.encode(text, forKey: .text)
        case let .editNote(note, text, previous):
            try c.encode(note, forKey: .event)
            try c.encode(text, forKey: .text)
            try c.encode(previous, forKey: .previous)
        case let .assign(unit, role, previous):
            try c.encode(unit, forKey: .unit)
            try c.encode(role, forKey: .role)
            try c.encode(previous, forKey: .previous)
        case let .unassign(unit, previous):
            try c.encode(unit, forKey: .unit)
            try c.encode(previous, forKey: .previous)
        case let .due(date, previous):
            try c.encode(date, forKey: .date)
            try c.encode(previous, forKey: .previous)
        case let .undo(event, inverse):
            try c.encode(event, forKey: .event)
            if let inverse {
                let nested = c.superEncoder(forKey: .inverse)
                var kc = nested.container(keyedBy: PayloadKeys.self)
                try kc.encode(inverse.kind, forKey: .kind)
                try inverse.encodePayload(to: nested)
            } else {
                try c.encodeNil(forKey: .inverse)
            }
        }
    }
}
