import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import PlanModel
import PlanStore
import StoreSync

/// The options every command shares (and the dashboard, later): where the
/// store is and who is recording.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(Output.help("The store directory (else $DUBAN_STORE, else $XDG_DATA_HOME/duban or ~/.local/share/duban).", "存储目录（否则取 $DUBAN_STORE，再否则 $XDG_DATA_HOME/duban 或 ~/.local/share/duban）。"), valueName: "dir"))
    var store: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(Output.help("The officer recording changes (else $DUBAN_USER, else the login name).", "记录修改的督办人员（否则取 $DUBAN_USER，再否则登录名）。"), valueName: "name"))
    var officer: String?

    /// `--store`, else `$DUBAN_STORE`, else `$XDG_DATA_HOME/duban`, else `~/.local/share/duban`.
    static func directory(explicit: String?, environment: [String: String], home: String) -> URL {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        if let path = nonEmpty(explicit) ?? nonEmpty(environment["DUBAN_STORE"]) {
            return URL(fileURLWithPath: Home.expandingTilde(in: path))
        }
        let data = nonEmpty(environment["XDG_DATA_HOME"]) ?? home + "/.local/share"
        return URL(fileURLWithPath: data).appendingPathComponent("duban")
    }

    /// `--as`, else `$DUBAN_USER`, else the settings' officer, else the login name.
    static func officer(explicit: String?, environment: [String: String], settings: String? = nil, login: String?) -> String {
        func nonEmpty(_ value: String?) -> String? {
            value.flatMap { $0.trimmingWhitespace(keepingLineBreaks: true).isEmpty ? nil : $0 }
        }
        return nonEmpty(explicit) ?? nonEmpty(environment["DUBAN_USER"]) ?? nonEmpty(settings) ?? nonEmpty(login) ?? "unknown"
    }

    var directory: URL {
        Self.directory(explicit: store, environment: Home.environment, home: Home.directory())
    }

    var officerName: String {
        Self.officer(explicit: officer, environment: Home.environment, settings: Settings.current.officer,
                     login: Self.loginName)
    }

    private static var loginName: String? {
        if let name = getlogin() { return String(cString: name) }
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// Opens the existing store; warnings go to stderr, one line each.
    func openStore() throws -> JSONPlanStore {
        try JSONPlanStore.open(at: directory, warn: Output.warn)
    }

    /// Loads the whole store for a command that only reads it and prints, and
    /// runs `body`. The workspace is kept until the process ends rather than freed
    /// (`ProcessLifetime`), and `main` exits as soon as the command returns.
    /// As an `outline` (`JSONPlanStore.loadOutline`), for a command that needs no texts (nor measure titles, unless asked).
    /// An outline may have been read already, while the arguments were parsed (`EarlyOutline`).
    func withWorkspace(outline: Bool = false, measureTitles: Bool = false, _ body: (JSONPlanStore, Workspace) throws -> Void) throws {
        let (store, workspace) = try outline
            ? EarlyOutline.take(directory: directory, measureTitles: measureTitles)?.get()
                ?? Self.readOutline(at: directory, measureTitles: measureTitles, warn: Output.warn)
            : { let store = try openStore(); return (store, try Self.load(store)) }()
        defer { ProcessLifetime.keep(workspace) }
        try body(store, workspace)
    }

    /// The store at `directory` as a listing reads it: an outline, and without undo stacks, since a
    /// listing never undoes (`recent`, `JSONPlanStore.loadOutline`).
    static func readOutline(at directory: URL, measureTitles: Bool,
                            warn: @escaping @Sendable (String) -> Void) throws -> (JSONPlanStore, Workspace) {
        let store = try JSONPlanStore.open(at: directory, warn: warn)
        return (store, try load(store, outline: true, measureTitles: measureTitles, recent: false))
    }

    /// The store's workspace with the officer's light thresholds, and the unsettled
    /// conflicts of a synced store (a store never synced has none).
    static func load(_ store: JSONPlanStore, outline: Bool = false, measureTitles: Bool = false, recent: Bool = true) throws -> Workspace {
        ProcessLifetime.tuneMemory()
        var workspace = try outline ? store.loadOutline(measureTitles: measureTitles, recent: recent) : store.load()
        workspace.scheduleRules = Settings.current.scheduleRules
        if StoreSync.isShared(store) { workspace.conflicts = try StoreSync.conflicts(in: store) }
        return workspace
    }

    /// The unit alias tables: the built-in one plus the store's `aliases.json`, if any.
    func unitDirectory() throws -> UnitDirectory {
        let file = directory.appendingPathComponent("aliases.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { return UnitDirectory() }
        do {
            return UnitDirectory(userAliases: try UnitAliasFile.decode(data).aliases)
        } catch {
            throw CommandFailure.badInput("\(file.path): \(error)")
        }
    }

    /// A factory for this officer's events, stamped now.
    func eventFactory() -> EventFactory { EventFactory(officer: officerName, time: Date()) }
}
