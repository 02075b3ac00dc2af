import PlanModel

/// Whether a unit name answers a `--unit` query: the one place unit matching
/// happens. Two names match when the alias tables make them one unit
/// (发改委 / 区发展和改革委员会 / 區發改委), or when the query is part of the
/// name in canonical form (`监管局` finds `区市场监管局`).
struct UnitMatch {
    let query: String
    let directory: UnitDirectory
    private let canonicalQuery: String

    init(_ query: String, directory: UnitDirectory) {
        self.query = query
        self.directory = directory
        canonicalQuery = directory.canonicalName(query)
    }

    func matches(_ name: String) -> Bool {
        let canonical = directory.canonicalName(name)
        return canonical == canonicalQuery || canonical.contains(canonicalQuery) || name.contains(query)
    }
}
