/// One step of an officer's work: the events recorded together in one append
/// (a command such as `duban block`, or a dashboard key such as `b` with its
/// reason). `EventFactory` stamps them at one reading of the clock, so they
/// share officer and time. Undo and redo take and give back whole steps.
extension Event {
    public func isSameStep(as other: Event) -> Bool { officer == other.officer && time == other.time }
}

extension Array where Element == Event {
    /// The events cut into steps (runs of `isSameStep`), in their order.
    public func steps() -> [[Event]] {
        var steps: [[Event]] = []
        for event in self {
            if let last = steps.last?.last, last.isSameStep(as: event) {
                steps[steps.count - 1].append(event)
            } else {
                steps.append([event])
            }
        }
        return steps
    }

    /// The ids of the events that an undo among these withdrew.
    public var undoneIDs: Set<String> {
        Set(compactMap { event in
            if case let .undo(id, _) = event.change { id } else { nil }
        })
    }
}
