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

    /// The positions of `measures` (given in document order) in this order; ties keep document order.
    func sorted(_ measures: [Measure], in workspace: Workspace, today: Day, utcOffset: Int) -> [Int] {
        guard self != .document else { return Array(measures.indices) }
        let keys: [(rank: Int, day: Day?, title: String)] = measures.map { measure in
            let status = workspace.status(of: measure)
            switch self {
            case .urgency:
                let schedule = workspace.schedule(of: measure, today: today, utcOffset: utcOffset)
                let rank = schedule.light == .red ? 0 : schedule.light == .yellow ? 1 : status == .blocked ? 2
                    : status != .done && schedule.end != nil ? 3 : 4
                return (rank, schedule.end, "")
            case .due:
                return (0, workspace.schedule(of: measure, today: today, utcOffset: utcOffset).end, "")
            case .status:
                return ([Status.blocked, .doing, .todo, .done].firstIndex(of: status) ?? 4, nil, "")
            case .title:
                return (0, nil, measure.title)
            case .document:
                return (0, nil, "")
            }
        }
        return measures.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if x.rank != y.rank { return x.rank < y.rank }
            if x.day != y.day { return x.day.map { d in y.day.map { d < $0 } ?? true } ?? false }
            if x.title != y.title { return x.title < y.title }
            return a < b
        }
    }
}
