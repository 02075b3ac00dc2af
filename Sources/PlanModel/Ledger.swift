import FoundationEssentials

/// The progress state: the fold of every event over the plans. Pure and
/// order-insensitive per target except where the same field is set twice
/// (then the later event wins). A store snapshot is this value, encoded.
public struct Ledger: Codable, Equatable, Sendable {
    /// The latest explicit status of each measure or task.
    public private(set) var marks: [String: Mark] = [:]
    public private(set) var notes: [String: [Note]] = [:]
    /// Per measure, units added or changed (role) and removed (nil) against the document.
    public private(set) var unitChanges: [String: [String: Role?]] = [:]
    /// Per target, a due date set (day) or cleared (nil), overriding the document's deadline.
    public private(set) var dueDates: [String: Day?] = [:]
    /// Ids of events that have been undone, so none is undone twice.
    public private(set) var undone: Set<String> = []
    /// Each officer's latest changes, newest last, for `undo`.
    public private(set) var recent: [String: [Event]] = [:]
    /// How many events have been folded in.
    public private(set) var eventCount = 0
    /// Per target and field (status, due date, one unit), the events whose values stand,
    /// latest last: undo checks by id that the change it inverts is still the latest.
    /// Kept only by a ledger made with `tracksStanding` (a store's slice), never encoded.
    public private(set) var standing: [String: [Event]] = [:]
    public private(set) var tracksStanding = false

    enum CodingKeys: String, CodingKey { case marks, notes, unitChanges, dueDates, undone, recent, eventCount }

    /// How many changes per officer `undo` can reach.
    public static let undoDepth = 100

    public init(tracksStanding: Bool = false) { self.tracksStanding = tracksStanding }

    /// A ledger from its parts, for a store that decodes its snapshots itself.
    public init(marks: [String: Mark], notes: [String: [Note]], unitChanges: [String: [String: Role?]],
                dueDates: [String: Day?], undone: Set<String>, recent: [String: [Event]], eventCount: Int) {
        self.marks = marks
        self.notes = notes
        self.unitChanges = unitChanges
        self.dueDates = dueDates
        self.undone = undone
        self.recent = recent
        self.eventCount = eventCount
    }

    public struct Mark: Codable, Equatable, Sendable {
        public var status: Status
        public var officer: String
        public var time: Date
        public var force: Bool

        public init(status: Status, officer: String, time: Date, force: Bool) {
            self.status = status
            self.officer = officer
            self.time = time
            self.force = force
        }
    }

    public struct Note: Codable, Equatable, Sendable {
        /// The id of the event that added it.
        public var id: String
        public var officer: String
        public var time: Date
        public var text: String

        public init(id: String, officer: String, time: Date, text: String) {
            self.id = id
            self.officer = officer
            self.time = time
            self.text = text
        }
    }

    /// Folds one event in.
    public mutating func apply(_ event: Event) {
        eventCount += 1
        switch event.change {
        case let .undo(undoneId, inverse):
            undone.insert(undoneId)
            if tracksStanding, let key = Self.standingKey(event.target, inverse) {
                standing[key]?.removeAll { $0.id == undoneId }
            }
            if let inverse {
                apply(inverse, of: event)
            } else {
                notes[event.target]?.removeAll { $0.id == undoneId }
            }
            recent[event.officer]?.removeAll { $0.id == undoneId }
        default:
            apply(event.change, of: event)
            if tracksStanding, let key = Self.standingKey(event.target, event.change) { standing[key, default: []].append(event) }
            // Changed in place: copying the stack out and back copied up to 100 events per event.
            recent[event.officer, default: []].append(event)
            if let count = recent[event.officer]?.count, count > Ledger.undoDepth {
                recent[event.officer]?.removeFirst(count - Ledger.undoDepth)
            }
        }
    }

    private mutating func apply(_ change: Change, of event: Event) {
        let target = event.target
        switch change {
        case let .status(status, _, force):
            marks[target] = status.map { Mark(status: $0, officer: event.officer, time: event.time, force: force) }
        case let .note(text):
            notes[target, default: []].append(Note(id: event.id, officer: event.officer, time: event.time, text: text))
        case let .editNote(note, text, _):
            // The note keeps its place, id, author and time; the history keeps every text.
            if let index = notes[target]?.firstIndex(where: { $0.id == note }) { notes[target]?[index].text = text }
        case let .assign(unit, role, _):
            unitChanges[target, default: [:]][unit] = .some(role)
        case let .unassign(unit, _):
            unitChanges[target, default: [:]][unit] = .some(nil)
        case let .due(date, _):
            dueDates[target] = .some(date)
        case .undo:
            break // an undo's inverse is never itself an undo
        }
    }

    /// What a change sets on its target (`Change.setting`); nil for a note (notes stand side by side) and an undo.
    private static func standingKey(_ target: String, _ change: Change?) -> String? {
        guard let change, change.kind != .undo, let setting = change.setting else { return nil }
        return target + "\u{0}" + setting.field
    }

    /// The event whose value of what `change` sets on `target` stands now, if another
    /// than `event` (nil for a note, and when the ledger does not track standing).
    public func superseding(_ event: String, on target: String, _ change: Change?) -> Event? {
        guard tracksStanding, let key = Self.standingKey(target, change), let latest = standing[key]?.last else { return nil }
        return latest.id == event ? nil : latest
    }

    /// The event that undoes `officer`'s latest change not yet undone, or nil.
    /// The caller supplies id and time (no clock here).
    public func undo(by officer: String, id: String, time: Date) -> Event? {
        guard let last = recent[officer]?.last(where: { !undone.contains($0.id) }) else { return nil }
        return Event(id: id, time: time, officer: officer, target: last.target,
                     change: .undo(event: last.id, inverse: last.change.inverse))
    }
}

extension Ledger {
    /// The changes folded into this ledger that `earlier` lacks, per officer in
    /// name order (told apart by the undo stacks, so up to `undoDepth` per officer).
    public func newChanges(since earlier: Ledger) -> [(officer: String, count: Int)] {
        recent.keys.sorted().compactMap { officer in
            let known = Set((earlier.recent[officer] ?? []).map(\.id)).union(earlier.undone)
            let count = (recent[officer] ?? []).filter { !known.contains($0.id) }.count
            return count > 0 ? (officer, count) : nil
        }
    }
}
