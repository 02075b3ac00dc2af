import FoundationEssentials

/// `store.json`: marks a directory as a Duban store and gives its schema.
struct Manifest: Codable, Equatable, Versioned {
    static let format = "duban-store"

    var schema: Int?
    var format: String
    var created: Date
}
