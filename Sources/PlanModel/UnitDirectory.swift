import FoundationEssentials
import Synchronization

/// Normalises responsible-unit names: variant spellings of one bureau
/// (区发改委 / 区发展和改革委员会), traditional characters (區市場監管局) and
/// stray spaces or full-width forms all resolve to one canonical name.
/// The built-in alias table ships with the tool; the store's `aliases.json`
/// extends it (see `UnitAliasFile`).
public struct UnitDirectory: Equatable, Sendable {
    /// Whether `scalar` separates the names of a composite clause ("各街镇、园区"). A unit name never contains one.
    public static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "、", ",", "，", ";", "；": true
        default: false
        }
    }

    /// Every known spelling (in comparison form) → the canonical name of its group.
    private let canonicalBySpelling: [String: String]
    /// Canonical name → every spelling of the group, canonical first.
    private let groups: [String: [String]]
    private let cache = Cache()

    /// The built-in table merged with the user's groups (canonical name → variants).
    /// A user group that shares a spelling with a built-in group joins it.
    public init(userAliases: [String: [String]] = [:]) {
        let user = userAliases.sorted { $0.key < $1.key }.map { [$0.key] + $0.value }
        var canonicalBySpelling: [String: String] = [:]
        var groups: [String: [String]] = [:]
        for group in UnitDirectory.builtInAliases + user {
            let spellings = group.map(UnitDirectory.comparisonForm).filter { !$0.isEmpty }
            guard let first = spellings.first else { continue }
            // Join the first existing group any spelling already belongs to.
            let canonical = spellings.lazy.compactMap { canonicalBySpelling[$0] }.first ?? first
            var members = groups[canonical] ?? [canonical]
            for spelling in spellings {
                if let other = canonicalBySpelling[spelling], other != canonical, let moved = groups.removeValue(forKey: other) {
                    for name in moved { canonicalBySpelling[name] = canonical }
                    members += moved.filter { !members.contains($0) }
                }
                canonicalBySpelling[spelling] = canonical
                if !members.contains(spelling) { members.append(spelling) }
            }
            groups[canonical] = members
        }
        self.canonicalBySpelling = canonicalBySpelling
        self.groups = groups
    }

    /// The canonical name of `name`: the name itself (cleaned, simplified) when no alias knows it.
    public func canonicalName(_ name: String) -> String {
        if let known = cache.lookup(name) { return known }
        let form = UnitDirectory.comparisonForm(name)
        let canonical = canonicalBySpelling[form] ?? form
        cache.store(canonical, for: name)
        return canonical
    }

    /// The canonical name of every group of the alias tables, sorted.
    public var canonicalNames: [String] { groups.keys.sorted() }

    /// Equal when the alias tables are (the shared cache of looked-up names does not count).
    public static func == (a: UnitDirectory, b: UnitDirectory) -> Bool {
        a.canonicalBySpelling == b.canonicalBySpelling && a.groups == b.groups
    }

    /// Whether two names denote the same unit.
    public func isSameUnit(_ a: String, _ b: String) -> Bool { canonicalName(a) == canonicalName(b) }

    /// Every spelling the alias tables know for `name`'s unit, canonical first
    /// (just the canonical name when the tables do not know it).
    public func aliases(of name: String) -> [String] {
        let canonical = canonicalName(name)
        return groups[canonical] ?? [canonical]
    }

    /// The unit names in a clause that may still be composite ("各街镇、园区"),
    /// trimmed, empty parts dropped. The importer splits clauses; this guards
    /// names that reach a workload some other way.
    public static func names(in clause: String) -> [String] {
        // On scalars: Foundation's trimming went through NSString for every name, and its first use cost
        // every `workload` three scans of the binary's protocol conformances (~0.75 M instructions).
        clause.unicodeScalars.split(whereSeparator: isSeparator).compactMap { part in
            part.trimmingWhitespace().map { String(String.UnicodeScalarView($0)) }
        }
    }

    /// Compatibility forms folded (NFKC: `CompatibilityForms`), white space removed, traditional characters
    /// simplified (by the built-in table, not ICU's transliterator: see `SimplifiedChinese`).
    static func comparisonForm(_ name: String) -> String {
        // A name of CJK ideographs and printable ASCII (every built-in one) is its own compatibility form and holds
        // no whitespace: folding, most of making the directory (a tenth of `workload` at 1,000 measures), is skipped.
        let plain = name.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x21..<0x7F).contains($0.value) }
        let folded = plain ? name : CompatibilityForms.folded(name).filter { !$0.isWhitespace }
        guard folded.utf8.contains(where: { $0 >= 0x80 }) else { return folded }
        return SimplifiedChinese.simplified(folded)
    }

    /// Canonical names by raw name, shared by copies of the directory: normalising
    /// costs microseconds, and a workload asks for the same few names often.
    private final class Cache: @unchecked Sendable {
        private let names = Mutex<[String: String]>([:])

        func lookup(_ name: String) -> String? { names.withLock { $0[name] } }
        func store(_ canonical: String, for name: String) { names.withLock { $0[name] = canonical } }
    }
}
