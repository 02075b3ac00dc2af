import PlanModel

/// How a list of measures is sorted (`o` on the plan screen and a unit's list).
public enum MeasureOrder: CaseIterable, Equatable, Sendable {
    /// Red, yellow, blocked, then due soonest, then the rest: a unit's list opens so.
    case urgency
    case due, status
    /// As the document numbers them: the plan screen opens so.
    case document
    case title

    var label: Label {
        switch self {
        case .urgency: .orderUrgency
        case .due: .orderDue
        case .status: .orderStatus
        case .document: .orderDocument
        case .title: .orderTitle
        }
    }

    var next: MeasureOrder {
        let all = MeasureOrder.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }

    /// What the order compares, most significant first; ties keep document order.
    struct Key {
        var rank = 0
        var day: Day?
        var title = ""

        static func < (x: Key, y: Key) -> Bool {
            if x.rank != y.rank { return x.rank < y.rank }
            if x.day != y.day { return x.day.map { d in y.day.map { d < $0 } ?? true } ?? false }
            return x.title < y.title
        }
    }

    /// `title` is asked only by the title order.
    func key(status: Status, schedule: @autoclosure () -> Schedule, title: () -> String) -> Key {
        switch self {
        case .urgency:
            let schedule = schedule()
            let rank = schedule.light == .red ? 0 : schedule.light == .yellow ? 1 : status == .blocked ? 2
                : status != .done && schedule.end != nil ? 3 : 4
            return Key(rank: rank, day: schedule.end)
        case .due: return Key(day: schedule().end)
        case .status: return Key(rank: [Status.blocked, .doing, .todo, .done].firstIndex(of: status) ?? 4)
        case .title: return Key(title: title())
        case .document: return Key()
        }
    }

    /// The positions of `measures` (given in document order) in this order.
    func sorted(_ measures: [Measure], in workspace: Workspace, today: Day, utcOffset: Int) -> [Int] {
        guard self != .document else { return Array(measures.indices) }
        return MeasureOrder.sorted(measures.map { measure in
            key(status: workspace.status(of: measure), schedule: workspace.schedule(of: measure, today: today, utcOffset: utcOffset),
                title: { measure.title })
        })
    }

    /// The positions of `keys` in their order, ties in the order given.
    static func sorted(_ keys: [Key]) -> [Int] {
        keys.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if x < y { return true }
            if y < x { return false }
            return a < b
        }
    }
}
