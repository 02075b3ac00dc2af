/// The version of every file the store writes (`"schema": 1`).
///
/// Migration path: when a schema 2 comes, `check` returns the version read and
/// each reader upgrades a schema-1 value in memory; the store writes schema 2
/// the next time it rewrites that file itself (plans on import, the snapshot and
/// index on compaction). The journal is never rewritten, so a new version must
/// keep reading old event lines. A file of a newer schema is refused and never
/// rewritten. Unknown fields of a plan file or the manifest are kept when the
/// store rewrites them.
public enum Schema {
    public static let current = 1

    /// Throws for a schema newer than this build reads; a missing schema means 1
    /// (the first version).
    @discardableResult
    static func check(_ schema: Int?, file: String) throws(StoreError) -> Int {
        let version = schema ?? 1
        guard version <= current else { throw StoreError.newerSchema(file: file, schema: version) }
        guard version >= 1 else { throw StoreError.corrupt(file: file, offset: 0, reason: "schema \(version) is not a version") }
        return version
    }
}
