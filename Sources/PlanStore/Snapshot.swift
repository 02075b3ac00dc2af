import Foundation
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
    }
}
