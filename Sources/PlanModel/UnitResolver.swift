/// The units that measures' unit clauses name (`区发改委、区经委` names two), each
/// once per district by canonical name, with every spelling seen and how often
/// each was used, in the order first seen. `Workload` and the dashboard's unit
/// index both go through every measure's units with it: a clause seen before in
/// its district costs a hash of its bytes (String's own hashing normalises
/// non-ASCII text each time), not a look-up in the alias tables.
public struct UnitResolver: Sendable {
    /// A unit (index into `units`) and which of its spellings a clause used.
    public typealias Target = (unit: Int, spelling: Int)

    let directory: UnitDirectory
    public private(set) var units: [ResponsibleUnit] = []
    /// Per unit, how often each of its spellings was used.
    public private(set) var spellingCounts: [[Int]] = []
    private var unitById: [String: Int] = [:]
    /// FNV-1a of clause and district → the clauses with that hash and what they name.
    /// Keyed by `Int`, not the hash's `UInt64`: a dictionary of a key type met nowhere else cost a scan of the
    /// binary's protocol conformances (its `Hashable`) at the first workload of every process.
    private var memo: [Int: [(name: String, district: String, targets: [Target])]] = [:]

    public init(directory: UnitDirectory) { self.directory = directory }

    /// The units the clause `name` names in `district`, each spelling's use counted.
    public mutating func resolve(_ name: String, in district: String) -> [Target] {
        let targets = memoized(name, in: district)
        for target in targets { spellingCounts[target.unit][target.spelling] += 1 }
        return targets
    }

    /// Adds `other`'s units and counts: its units not seen yet come after these, in its order,
    /// as its spellings not seen yet do within a unit, so resolving plans apart and merging them
    /// in plan order gives what one pass over every plan would. Returns where each of `other`'s
    /// units is here.
    public mutating func merge(_ other: UnitResolver) -> [Int] {
        other.units.indices.map { u in
            let unit = add(other.units[u])
            for (s, spelling) in other.units[u].spellings.enumerated() {
                spellingCounts[unit][self.spelling(of: spelling, in: unit)] += other.spellingCounts[u][s]
            }
            return unit
        }
    }

    /// Unit `n` with its spellings most used first (document order on a tie), named by the first.
    public func byUse(_ n: Int) -> ResponsibleUnit {
        var unit = units[n]
        let counts = spellingCounts[n]
        unit.spellings = counts.indices.sorted { (-counts[$0], $0) < (-counts[$1], $1) }.map { units[n].spellings[$0] }
        unit.name = unit.spellings.first ?? unit.name
        return unit
    }

    private mutating func memoized(_ name: String, in district: String) -> [Target] {
        // 0xFF never occurs in UTF-8: it separates clause and district.
        let hash = Int(truncatingIfNeeded: district.fnv1a(seed: (name.fnv1a() ^ 0xFF) &* 0x100_0000_01b3))
        if let entry = memo[hash]?.first(where: { $0.name.hasSameBytes(as: name) && $0.district.hasSameBytes(as: district) }) {
            return entry.targets
        }
        let targets = UnitDirectory.names(in: name).map { spelling -> Target in
            let unit = add(ResponsibleUnit(district: district, canonicalName: directory.canonicalName(spelling), name: spelling, spellings: []))
            return (unit, self.spelling(of: spelling, in: unit))
        }
        memo[hash, default: []].append((name, district, targets))
        return targets
    }

    /// The index of `unit` (by district and canonical name), added with no spellings if new.
    private mutating func add(_ unit: ResponsibleUnit) -> Int {
        let id = unit.id
        if let known = unitById[id] { return known }
        unitById[id] = units.count
        units.append(ResponsibleUnit(district: unit.district, canonicalName: unit.canonicalName, name: unit.name, spellings: []))
        spellingCounts.append([])
        return units.count - 1
    }

    /// The index of `spelling` among unit `n`'s, added (unused so far) if new.
    private mutating func spelling(of spelling: String, in n: Int) -> Int {
        if let known = units[n].spellings.firstIndex(where: { $0.hasSameBytes(as: spelling) }) { return known }
        units[n].spellings.append(spelling)
        spellingCounts[n].append(0)
        return units[n].spellings.count - 1
    }
}
