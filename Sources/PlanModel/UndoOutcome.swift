/// What an undo did: the undo events it recorded, newest step first, the
/// officer's changes they undid (`reverted`, in the same order), and those it
/// passed over because they can no longer be undone (`Skip`).
public struct UndoOutcome: Equatable, Sendable {
    public var undone: [Event] = []
    /// The changes undone, as they were recorded: `reverted[i]` is undone by `undone[i]`.
    public var reverted: [Event] = []
    public var skipped: [Skip] = []

    public init(undone: [Event] = [], reverted: [Event] = [], skipped: [Skip] = []) {
        self.undone = undone
        self.reverted = reverted
        self.skipped = skipped
    }

    /// A change passed over, and why.
    public struct Skip: Equatable, Sendable {
        public var event: Event
        public var reason: Reason

        public init(event: Event, reason: Reason) {
            self.event = event
            self.reason = reason
        }
    }

    public enum Reason: Equatable, Sendable {
        /// This later event, by someone else, now stands on what the change set.
        case superseded(by: Event)
        /// What the change replaced is no longer there (e.g. its unit was removed).
        case changed
        /// Its measure or task is in no plan of the store any more.
        case gone
    }
}
