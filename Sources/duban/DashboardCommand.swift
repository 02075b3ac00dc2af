import ArgumentParser
import Dashboard
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import NcursesTerminal
import PlanModel
import TerminalKit
import PlanStore

/// `duban` with no subcommand: the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: Output.help("Open the interactive dashboard (the default command).", "打开交互式督办界面（默认命令）。")
    )

    @Option(name: .long, help: ArgumentHelp(Output.help("Open this plan directly, e.g. jinshan-2026.", "直接打开此方案，如 jinshan-2026。")))
    var plan: String?

    @Option(name: .long, help: ArgumentHelp(Output.help("Open this unit's home screen: its measures across all plans (else $DUBAN_UNIT, else the settings' unit), e.g. 金山区发改委.", "打开此单位的首页：其在所有方案中的措施（否则取 $DUBAN_UNIT，再否则取设置中的单位），如 金山区发改委。"), valueName: "unit"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp(Output.help("Theme name: default, light, high-contrast, monochrome, or your own.", "主题名：default、light、high-contrast、monochrome，或自定义主题。")))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp(Output.help("Interface language: zh or en (default: from LC_ALL/LANG).", "界面语言：zh 或 en（默认：取 LC_ALL/LANG）。")))
    var lang: String?

    @OptionGroup var options: StoreOptions

    @Flag(name: .customLong("init"), help: ArgumentHelp(Output.help("Create the store even in a directory that holds other files.", "即使目录中已有其他文件也创建存储。")))
    var initialize = false

    @Option(name: .customLong("render-once"), help: .hidden)
    var renderOnce: String?

    /// The store the dashboard reads and records into; on the first run, a new
    /// store with the bundled sample plans (and the notice that says so).
    func makeDataSource() throws -> (DashboardDataSource, Notice?) {
        var notice: Notice?
        if !JSONPlanStore.exists(at: options.directory) {
            let count = try SamplePlans.bootstrap(options.directory, intoNonEmpty: initialize)
            notice = .storeCreated(path: options.directory.path, plans: count)
        }
        let store = try options.openStore()
        let source = DashboardDataSource(
            readOnly: store.isReadOnly,
            load: { try StoreOptions.load(store) },
            loadOutline: { try StoreOptions.load(store, outline: true) },
            append: { events in
                // Checked against the store as it is now, not as the screen last saw it.
                do throws(StoreError) {
                    _ = try store.update(Array(Set(events.map(\.target))).sorted()) { current throws(StoreError) in
                        try EventFactory.requireCurrent(events, in: current)
                        return events
                    }
                } catch {
                    // Told in the dashboard's own words (press r); every other failure as the CLI says it.
                    if case .changedMeanwhile = error { throw error }
                    throw CommandFailure(error)
                }
            },
            undo: { factory, scope in
                do throws(StoreError) { return try store.undo(steps: 1, in: scope, as: factory) } catch { throw CommandFailure(error) }
            },
            history: { targets in try store.history(of: targets, since: nil) },
            sync: { try SyncCommand.sync(options: options, remote: nil) })
        return (source, notice)
    }

    mutating func validate() throws {
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError("--lang must be zh or en, not '\(lang)'")
        }
        if let renderOnce, Size(renderOnce) == nil {
            throw ValidationError("--render-once takes WIDTHxHEIGHT (each 1 to 1000), e.g. 100x30, not '\(renderOnce)'")
        }
    }

    func run() throws {
        let environment = Home.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let (source, notice) = try makeDataSource()
        // My bureau first: --unit, $DUBAN_UNIT or the settings' unit opens its home screen (not with --plan).
        let explicitUnit = unit ?? environment["DUBAN_UNIT"].flatMap { $0.isEmpty ? nil : $0 }
        let home = plan == nil ? explicitUnit ?? Settings.current.unit : nil
        // The plans screen first, from the indexes, while the whole plans are read in the background
        // (reading every plan file first made the first frame of 100,000 measures wait ~0.6 s).
        let outlineFirst = plan == nil && home == nil
        let workspace = try outlineFirst ? source.loadOutline() : source.load()
        let directory = try options.unitDirectory()
        let themes = ThemeCatalog(environment: environment)
        let officerName = options.officerName
        let startDay = try Output.today()
        // Read again at each event, so the dashboard turns over at midnight.
        let currentDay = { (try? Output.today()) ?? startDay }
        var state = AppState(workspace: workspace, today: currentDay(),
                             language: Output.language(lang.flatMap(Language.init(rawValue:))),
                             size: renderOnce.flatMap(Size.init) ?? Size(width: 80, height: 24),
                             themeNames: themes.loader.names(),
                             themeName: ThemeCatalog.initialName(option: theme, environment: environment, saved: Settings.current.theme,
                                                                      noColor: noColor),
                             directory: directory)
        state.utcOffset = Output.utcOffset
        state.officer = officerName
        state.unit = Settings.current.unit
        state.readOnly = source.readOnly
        if let plan, !state.openPlan(plan) {
            let known = workspace.plans.map(\.id).joined(separator: ", ")
            Output.warn("no plan '\(plan)' (plans: \(known))")
            throw ExitCode(1)
        }
        if let home, !state.openUnitHome(home) {
            let match = UnitMatch(home, directory: directory, districts: workspace.plans.compactMap(\.district))
            if explicitUnit != nil {
                try match.requireTakingPart(in: workspace, plans: nil)
                throw CommandFailure(description: "no unit '\(home)' takes part in a measure of the plans", exitCode: 1)
            }
            Output.warn("the settings' unit '\(home)' names no unit of the plans; opening the plans")
        }
        let runner = DashboardRunner(source: source, officer: officerName, themes: themes, directory: directory)
        if let notice { _ = runner.feed(.notice(notice), into: &state, terminal: nil) }
        if outlineFirst { _ = runner.feed(.started(.load), into: &state, terminal: nil) }
        if renderOnce != nil {
            if let problem = themes.loader.load(state.themeName).problem {
                _ = runner.feed(.themeChanged(name: "default", problem: problem.description), into: &state, terminal: nil)
            }
            print(DashboardView.render(state).lines.joined(separator: "\n"))
        } else {
            do {
                if outlineFirst { runner.startLoad() }
                try runner.run(state, noColor: noColor, today: currentDay)
            } catch let failure as NcursesTerminal.Failure {
                // The message quotes $TERM, which may hold anything.
                Output.standardError("duban: \(TerminalText.sanitized(failure.description))\n")
                throw ExitCode(1)
            }
        }
        ProcessLifetime.keep(state)
    }

}
