import Foundation
import PlanModel

/// Writes a plausible history over plans, one event at a time, folding each
/// into a workspace so that every `previous` value and undo is the true one.
struct History {
    private var workspace: Workspace
    private var random: SplitMix64
    private let measures: [Measure]
    private let start: Date
    /// Seconds after `start` of the latest event; strictly increasing.
    private var elapsed: Int64 = 0
    private let meanGap: Int

    /// Events are spread over about this many days after `start`.
    static let span = 300

    init(plans: [Plan], count: Int, seed: UInt64, start: Date) {
        workspace = Workspace(plans: plans)
        random = SplitMix64(seed: seed)
        measures = plans.flatMap(\.measures)
        self.start = start
        meanGap = max(1, History.span * 86_400 / max(1, count))
    }

    var isEmpty: Bool { measures.isEmpty }

    mutating func next() -> Event {
        elapsed += Int64(1 + random.int(below: 2 * meanGap))
        // Whole seconds: Event's millisecond text does not round-trip every fraction exactly.
        let seconds = Int64(start.timeIntervalSince1970.rounded(.down)) + elapsed
        let time = Date(timeIntervalSince1970: Double(seconds))
        // Time plus randomness, like real ids; times never repeat here, so ids are unique.
        let id = String(seconds, radix: 36) + "-" + String(random.next() >> 40, radix: 36)
        let officer = random.pick(Vocabulary.officers)
        let measure = random.pick(measures)
        let roll = random.int(below: 100)
        let event: Event
        if roll < 8, let undo = workspace.ledger.undo(by: officer, id: id, time: time) {
            event = undo
        } else {
            let (target, change) = switch roll {
            case 8..<28: (measure.id, note(on: measure, text: random.pick(Vocabulary.notes), editing: roll < 10))
            case 28..<40: (measure.id, due(of: measure))
            case 40..<46: (measure.id, unitChange(of: measure))
            default: status(in: measure)
            }
            event = Event(id: id, time: time, officer: officer, target: target, change: change)
        }
        workspace.apply(event)
        return event
    }

    /// A new note, or (`editing`, when the measure has one) its latest note given another text.
    private func note(on measure: Measure, text: String, editing: Bool) -> Change {
        guard editing, let last = workspace.ledger.notes[measure.id]?.last, last.text != text else { return .note(text) }
        return .editNote(note: last.id, text: text, previous: last.text)
    }

    private mutating func status(in measure: Measure) -> (String, Change) {
        if !measure.tasks.isEmpty, random.chance(0.6) {
            let task = random.pick(measure.tasks)
            let current = workspace.status(ofTask: task.id)
            return (task.id, .status(nextStatus(after: current), previous: workspace.ledger.marks[task.id]?.status,
                                     force: false))
        }
        let marked = workspace.ledger.marks[measure.id]?.status
        if marked != nil, random.chance(0.1) {
            return (measure.id, .status(nil, previous: marked, force: false))
        }
        // Officers often close a measure in one step rather than via "doing".
        let current = workspace.status(of: measure)
        let next = current != .done && random.chance(0.5) ? .done : nextStatus(after: current)
        let unfinished = measure.tasks.contains { workspace.status(ofTask: $0.id) != .done }
        return (measure.id, .status(next, previous: marked, force: next == .done && unfinished))
    }

    private mutating func nextStatus(after status: Status) -> Status {
        status != .blocked && random.chance(0.08) ? .blocked : status.cycled
    }

    private mutating func due(of measure: Measure) -> Change {
        let previous = workspace.dueDate(of: measure)
        if previous != nil, random.chance(0.1) { return .due(nil, previous: previous) }
        let months = (1...12).filter { $0 != previous?.month || previous?.year != Synthetic.year }
        let month = random.pick(months)
        let day = Day(year: Synthetic.year, month: month, day: Day.length(ofMonth: month, year: Synthetic.year))
        return .due(day, previous: previous)
    }

    private mutating func unitChange(of measure: Measure) -> Change {
        let units = workspace.units(of: measure)
        let names = Set(units.map(\.name))
        if units.count > 1, random.chance(0.3) {
            let unit = random.pick(units)
            return .unassign(unit: unit.name, previous: unit.role)
        }
        if random.chance(0.5), let unit = units.first {
            let role: Role = unit.role == .lead ? .support : .lead
            return .assign(unit: unit.name, role: role, previous: unit.role)
        }
        let free = Vocabulary.units.filter { !names.contains($0) }
        return .assign(unit: random.pick(free), role: .support, previous: nil)
    }
}
