import Foundation
import PlanModel

/// Writes plans and events as a Duban store directory. The store's real
/// layout lives in PlanStore; this is the one place to adapt to it.
enum StoreWriter {
    /// Layout written now: `plans/<plan id>.json` (the plan JSON schema,
    /// sorted keys) and `journal.jsonl` (one event per line, oldest first).
    static func write(plans: [Plan], events: [Event], to store: URL) throws {
        let files = FileManager.default
        let planDirectory = store.appending(path: "plans")
        try files.createDirectory(at: planDirectory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for plan in plans {
            try encoder.encode(plan).write(to: planDirectory.appending(path: "\(plan.id).json"))
        }
        var journal = Data()
        for event in events {
            journal.append(try encoder.encode(event))
            journal.append(0x0A)
        }
        try journal.write(to: store.appending(path: "journal.jsonl"))
    }
}
