import FoundationEssentials
import PlanModel

/// The compacted state: the encoded ledger and how far into the journal it
/// reaches. The journal prefix it covers is identified by length, event count
/// and checksum, so a journal rewritten by a merge is noticed and refolded.
struct Snapshot: Codable, Equatable, Versioned {
    var schema: Int?
    var journal: Coverage
    var ledger: Ledger

    struct Coverage: Codable, Equatable {
        /// Bytes of the journal folded in (always the end of a line).
        var bytes: Int
        var events: Int
        var digest: String
        /// The last event folded in fold order (nil in snapshots written before sync):
        /// a merged-in event that folds before it means the journal is folded again in order.
        var last: Position?
    }

    /// Where an event sits in fold order (`Event.foldsBefore`): its time and officer.
    struct Position: Codable, Equatable {
        var time: String
        var officer: String

        init(time: String, officer: String) {
            self.time = time
            self.officer = officer
        }

        init(of event: Event) {
            time = Event.formatTime(event.time)
            officer = event.officer
        }

        /// Whether `event` folds before the event at this position.
        func isAfter(_ event: Event) -> Bool {
            let other = Event.formatTime(event.time)
            return other != time ? other < time : event.officer < officer
        }
    }
}
