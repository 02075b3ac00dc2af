import FoundationEssentials

/// The user's alias file (`aliases.json` in the store): groups of names that
/// denote one unit, added to the built-in table.
///
///     { "version": 1, "aliases": { "区发改委": ["发改委", "区发展改革委员会"] } }
public struct UnitAliasFile: Codable, Equatable, Sendable {
    public static let currentVersion = 1

    public var version: Int
    /// Canonical name → other names of the same unit.
    public var aliases: [String: [String]]

    public init(aliases: [String: [String]] = [:]) {
        self.version = UnitAliasFile.currentVersion
        self.aliases = aliases
    }

    /// A file that cannot be used, with the reason in one line.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Decodes and checks a file: a known version, no empty name, no composite name.
    public static func decode(_ data: Data) throws -> UnitAliasFile {
        let file: UnitAliasFile
        do {
            file = try JSONDecoder().decode(UnitAliasFile.self, from: data)
        } catch {
            throw Invalid(description: "not an alias file ({\"version\": 1, \"aliases\": {name: [names]}})")
        }
        guard file.version <= currentVersion else {
            throw Invalid(description: "version \(file.version) is newer than this duban understands (\(currentVersion))")
        }
        for (canonical, names) in file.aliases {
            for name in [canonical] + names {
                if name.allSatisfy(\.isWhitespace) {
                    throw Invalid(description: "empty unit name in the group of \(canonical)")
                }
                if name.unicodeScalars.contains(where: UnitDirectory.isSeparator) {
                    throw Invalid(description: "\(name) is several units; list each name on its own")
                }
            }
        }
        return file
    }
}
