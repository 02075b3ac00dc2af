import FoundationEssentials

/// Finds theme files by name in a list of directories (earlier ones win, so user
/// themes override bundled ones) and resolves `inherits`. Never fails: a broken
/// theme yields the built-in default plus the problem, for the status line.
public struct ThemeLoader: Sendable {
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The theme and, when the requested one could not be used, why.
    public struct Result: Sendable {
        public var theme: Theme
        public var problem: ThemeProblem?
    }

    /// Every theme name available, bundled and built-in, in a stable order
    /// (`default` first), for cycling with `t`.
    public func names() -> [String] {
        var found = Set(BuiltinThemes.names)
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix(".json") { found.insert(String(file.dropLast(5))) }
        }
        return found.sorted { a, b in a == "default" || (b != "default" && a < b) }
    }

    public func load(_ name: String) -> Result {
        do {
            return Result(theme: try theme(named: name), problem: nil)
        } catch {
            return Result(theme: .builtin, problem: error)
        }
    }

    /// Loads and resolves one theme; throws the first problem found.
    public func theme(named name: String) throws(ThemeProblem) -> Theme {
        let file = try themeFile(named: name, chain: [])
        return try file.resolve(name: name)
    }

    private func themeFile(named name: String, chain: [String]) throws(ThemeProblem) -> ThemeFile {
        guard !name.isEmpty, !name.contains("/") else { throw ThemeProblem(file: name, reason: "not a theme name") }
        var file: ThemeFile?
        for directory in directories {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + name + ".json"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            file = try ThemeFile(data: data, file: path)
            break
        }
        if file == nil { file = BuiltinThemes.file(named: name) }
        guard let found = file else {
            throw ThemeProblem(file: name + ".json", reason: "no such theme in \(directories.joined(separator: ", "))")
        }
        guard let parent = found.inherits else { return found }
        if chain.contains(parent) || parent == name {
            throw ThemeProblem(file: found.file, key: "inherits", reason: "inherits itself ('\(parent)')")
        }
        let base: ThemeFile
        do {
            base = try themeFile(named: parent, chain: chain + [name])
        } catch {
            throw ThemeProblem(file: found.file, key: "inherits", reason: "cannot use '\(parent)': \(error)")
        }
        return found.merged(over: base)
    }
}
