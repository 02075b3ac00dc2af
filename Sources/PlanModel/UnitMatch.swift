/// Whether a unit name answers a `--unit` query: the one place unit matching
/// happens. Two names match when the alias tables make them one unit
/// (发改委 / 区发展和改革委员会 / 區發改委), or when the query is part of the
/// name in canonical form (`监管局` finds `区市场监管局`).
public struct UnitMatch: Sendable {
    public let query: String
    public let directory: UnitDirectory
    private let canonicalQuery: String

    /// `districts`: the plans' district names; a query that starts with one
    /// (`金山区发改委`) means the unit of that district (`区发改委`).
    public init(_ query: String, directory: UnitDirectory, districts: some Sequence<String> = [String]()) {
        self.query = query
        self.directory = directory
        let local = districts.first { $0.hasSuffix("区") && query.hasPrefix($0) && query.count > $0.count }
            .map { "区" + query.dropFirst($0.count) }
        canonicalQuery = directory.canonicalName(local ?? query)
    }

    public func matches(_ name: String) -> Bool {
        let canonical = directory.canonicalName(name)
        return canonical == canonicalQuery || canonical.contains(canonicalQuery) || name.contains(query)
    }

    /// For a query that matches none of `names`: the names sharing the most
    /// characters with it (at least two), best first.
    public func closest(among names: some Sequence<String>, limit: Int = 3) -> [String] {
        let wanted = Set(canonicalQuery).subtracting(["区"])
        let scored = Set(names).map { name in (name, Set(directory.canonicalName(name)).intersection(wanted).count) }
        return scored.filter { $0.1 >= min(2, wanted.count) && $0.1 > 0 }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(limit).map(\.0)
    }
}
