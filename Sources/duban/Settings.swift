import FoundationEssentials
import JSONTree
import PlanModel

/// The officer's settings, `$XDG_CONFIG_HOME/duban/config.json` (else
/// `~/.config/duban/config.json`); every key optional. Command-line options and
/// `DUBAN_*` variables come first, the settings next, the locale and defaults last.
struct Settings: Codable, Equatable {
    /// Who records changes (`--as`, `$DUBAN_USER` first).
    var officer: String?
    /// The officer's unit, shown in the dashboard's title bar.
    var unit: String?
    var language: Language?
    /// Saved by the dashboard's `t`.
    var theme: String?
    /// Yellow when actual progress trails 序时进度 by more than this fraction (default 0.25).
    var yellowGap: Double?

    static func file(environment: [String: String], home: String) -> URL {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        return URL(fileURLWithPath: config).appendingPathComponent("duban/config.json")
    }

    /// The settings of this process, read once. A file that cannot be read is
    /// named in one warning and the defaults are used: a broken setting never stops work.
    static let current: Settings = {
        let url = file(environment: Home.environment, home: Home.directory())
        do { return try load(from: url) } catch {
            Output.warn("\(url.path): \(error)" + problemLanguage.pick(", settings ignored", "，已忽略设置"))
            return Settings()
        }
    }()

    static func load(from url: URL) throws(SettingsProblem) -> Settings {
        guard let data = FileManager.default.contents(atPath: url.path) else { return Settings() }
        let settings: Settings
        do { settings = try JSONDecoder().decode(Settings.self, from: data) } catch {
            throw SettingsProblem(description: problemLanguage.pick("not a settings file (\(Self.describe(error)))",
                                                                   "不是设置文件（\(Self.describe(error))）"))
        }
        if let gap = settings.yellowGap, !(0...1).contains(gap) {
            throw SettingsProblem(description: problemLanguage.pick("yellowGap must be between 0 and 1, not \(gap)",
                                                                   "yellowGap 须在 0 到 1 之间，而不是 \(gap)"))
        }
        return settings
    }

    /// The language of a settings problem: the settings' own cannot be trusted then.
    private static var problemLanguage: Language {
        Output.commandLineLanguage ?? Language.detect(environment: Home.environment)
    }

    /// Writes the settings whole (beside the file, then renamed over it), creating the folder.
    func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(try JSONWriter(layout: .pretty).encode(self)).write(to: url, options: .atomic)
    }

    /// Changes one setting in the file as it is now (other keys kept). A preference
    /// that cannot be saved (a read-only home, a broken file) is not worth stopping for.
    static func remember(_ change: (inout Settings) -> Void,
                         environment: [String: String] = Home.environment) {
        let url = file(environment: environment, home: Home.directory(environment: environment))
        guard var settings = try? load(from: url) else { return }
        change(&settings)
        try? settings.save(to: url)
    }

    /// The lights' thresholds with this officer's yellow gap.
    var scheduleRules: Schedule.Rules { yellowGap.map { Schedule.Rules(yellowGap: $0) } ?? Schedule.Rules() }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            return key.isEmpty ? context.debugDescription : "\(key): \(context.debugDescription)"
        default: return "\(error)"
        }
    }
}

struct SettingsProblem: Error, CustomStringConvertible {
    var description: String
}
