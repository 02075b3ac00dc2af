import FoundationEssentials

/// The order events are folded in: by time, then by officer; the events of one
/// officer at one instant (one command's batch) keep the order they were written
/// in. So the state never depends on where a merge or a file sync put the lines.
extension Event {
    public func foldsBefore(_ other: Event) -> Bool {
        time != other.time ? time < other.time : officer < other.officer
    }
}

extension Array where Element == Event {
    /// The events in fold order (a stable sort; no work when they are in order already, as on one desk).
    public func inFoldOrder() -> [Event] {
        guard zip(self, dropFirst()).contains(where: { $1.foldsBefore($0) }) else { return self }
        return enumerated()
            .sorted { $0.element.foldsBefore($1.element) || (!$1.element.foldsBefore($0.element) && $0.offset < $1.offset) }
            .map(\.element)
    }

    /// These new events (one step: one time), stamped to fold after `seen`, the latest event of the state
    /// they were decided on. A change must follow what its officer saw: an event from a desk whose clock
    /// runs ahead would otherwise fold after it and leave the acknowledged change without effect.
    public func stamped(after seen: Date?) -> [Event] {
        guard let seen else { return self }
        // One millisecond: the journal keeps times to the millisecond.
        let floor = seen.addingTimeInterval(0.001)
        return map { event in
            var event = event
            if event.time < floor { event.time = floor }
            return event
        }
    }
}

extension Ledger {
    /// Folds `events` in, in fold order.
    public mutating func fold(_ events: [Event]) {
        for event in events.inFoldOrder() { apply(event) }
    }
}
