/// Whether a unit name answers a `--unit` query: the one place unit matching
/// happens, so alias normalisation can replace it later. For now: exact, or
/// the query is part of the name (`发改委` finds `区发改委`).
enum UnitMatch {
    static func matches(_ query: String, _ name: String) -> Bool {
        name == query || name.contains(query)
    }
}
