import Dashboard
import FoundationEssentials
import LedgerXLSX
import NcursesTerminal
import PlanModel
import PlanStore
import StoreSync
import TerminalKit

/// Runs the dashboard: draws the state, reads a key, applies it, and performs the
/// effects against the data source, feeding their results back as inputs.
struct DashboardRunner {
    var source: DashboardDataSource
    var officer: String
    var themes: ThemeCatalog
    var directory: UnitDirectory
    let similarity = SimilarityCache()
    let background = BackgroundWork()
    var now: () -> Date = Date.init

    /// Performs one effect; returns the input that reports its result, or nil
    /// for `.quit` (handled by the loop), effects without a result, and work started
    /// in the background (its result comes through `background`).
    func perform(_ effect: Effect, state: AppState, terminal: NcursesTerminal?) -> Input? {
        switch effect {
        case let .record(target, changes):
            let factory = stamp()
            return append(changes.map { factory.event(target, $0) })
        case let .undo(scope):
            do { return .undone(try source.undo(stamp(), scope)) } catch { return .notice(.storeFailed("\(error)")) }
        case .reload:
            startLoad()
            return nil
        case .sync:
            let (sync, load, language) = (source.sync, source.load, state.language)
            background.start(holdsStore: true) {
                do {
                    let summary = try sync()
                    return .input(.synced(try load(), summary: summary.line(in: language)))
                } catch {
                    return .input(.notice(.syncFailed("\(error)")))
                }
            }
            return nil
        case let .loadSuggestions(id):
            guard let index = similarity.index else {
                similarity.waiting = id
                if !similarity.isBuilding { buildIndex(of: state.workspace) }
                return .started(.index)
            }
            findSuggestions(for: id, in: state.workspace, index: index)
            return nil
        case let .buildSearchIndex(generation):
            let plans = state.workspace.plans
            background.start { .input(.searchIndexed(SearchIndex(plans: plans), generation: generation)) }
            return nil
        case let .loadHistory(measure):
            // In the background: a sync holds the store's lock while git talks to the remote.
            let (targets, history) = (Set([measure] + (state.workspace.measure(measure)?.tasks.map(\.id) ?? [])), source.history)
            background.start {
                do { return .input(.history(measure: measure, events: try history(targets))) } catch {
                    return .input(.notice(.storeFailed("\(error)")))
                }
            }
            return nil
        case let .useTheme(name):
            let result = themes.loader.load(name)
            terminal?.use(result.theme)
            if result.problem == nil { Settings.remember { $0.theme = name } }
            return .themeChanged(name: result.problem == nil ? name : "default", problem: result.problem?.description)
        case let .exportLedger(path, scope):
            return exportLedger(to: path, scope: scope, state: state)
        case .quit:
            return nil
        }
    }

    private func buildIndex(of workspace: Workspace) {
        similarity.isBuilding = true
        let generation = similarity.generation
        background.start { .indexed(SimilarityIndex(workspace: workspace), generation: generation) }
    }

    /// Related measures and unit suggestions for measure `id`, in the background (a tenth of a second at
    /// 100,000 measures); none for a measure the plans no longer have.
    private func findSuggestions(for id: String, in workspace: Workspace, index: SimilarityIndex) {
        let directory = directory
        background.start {
            guard let measure = workspace.measure(id) else { return .input(.suggestions(MeasureSuggestions(measure: id, related: [], units: []))) }
            return .input(.suggestions(MeasureSuggestions(
                measure: id, related: workspace.relatedMeasures(to: measure, index: index),
                units: workspace.suggestedUnits(for: measure, index: index, directory: directory))))
        }
    }

    /// Reads the whole store in the background (`r`, and after a first frame from the indexes); `.loaded` reports it.
    func startLoad() {
        let load = source.load
        background.start(holdsStore: true) {
            do { return .input(.loaded(try load())) } catch { return .input(.notice(.reloadFailed("\(error)"))) }
        }
    }

    /// The input a finished background job reports, if any: an index built for plans read again
    /// meanwhile is built anew, and the suggestions waiting for it are answered for the plans as they are now.
    private func finish(_ outcome: BackgroundWork.Outcome, state: AppState) -> Input? {
        switch outcome {
        case let .input(input):
            switch input {
            case .loaded, .synced: similarity.invalidate()
            default: break
            }
            return input
        case let .indexed(index, generation):
            guard let waiting = similarity.waiting else { _ = similarity.keep(index, generation: generation); return nil }
            guard similarity.keep(index, generation: generation) else {
                buildIndex(of: state.workspace)
                return nil
            }
            similarity.waiting = nil
            findSuggestions(for: waiting, in: state.workspace, index: index)
            return nil
        }
    }

    /// The ledger as `duban report --format xlsx` makes it, of what the screen shows; written atomically.
    private func exportLedger(to path: String, scope: LedgerScope, state: AppState) -> Input {
        let workspace = state.workspace
        let report = Report(workspace: workspace, directory: directory, today: state.today, options: Report.Options(
            plans: scope.plans, unit: scope.unit.map { UnitMatch($0, directory: directory, districts: workspace.plans.compactMap(\.district)) },
            measures: scope.measures, language: state.language, officer: officer, utcOffset: state.utcOffset))
        let url = URL(fileURLWithPath: path)
        do {
            try report.xlsx().write(to: url, options: .atomic)
            return .notice(.exported(path: url.path, measures: report.rows.count))
        } catch {
            return .notice(.exportFailed(CommandFailure.reason(error)))
        }
    }

    /// Stamps this officer's events at one reading of the clock, so the id's time prefix and the event's time agree.
    private func stamp() -> EventFactory { EventFactory(officer: officer, time: now()) }

    private func append(_ events: [Event]) -> Input {
        do {
            try source.append(events)
            return .recorded(events)
        } catch StoreError.changedMeanwhile(let target) {
            return .notice(.changedMeanwhile(target))
        } catch {
            return .notice(.storeFailed("\(error)"))
        }
    }


    /// Applies an input and every input its effects lead to; true when quitting.
    func feed(_ input: Input, into state: inout AppState, terminal: NcursesTerminal?) -> Bool {
        var pending = [input]
        while !pending.isEmpty {
            let effects = state.apply(pending.removeFirst())
            for effect in effects {
                if effect == .quit { return true }
                if let result = perform(effect, state: state, terminal: terminal) { pending.append(result) }
            }
        }
        return false
    }

    /// The interactive loop. The terminal is restored on every way out: quit,
    /// Ctrl-C (a key in raw mode) and thrown errors. While background work runs, the
    /// wait for a key is short so its results show as soon as they come.
    func run(_ initial: AppState, noColor: Bool, today: () -> Day) throws {
        let terminal = try NcursesTerminal(noColor: noColor)
        defer { terminal.restore() }
        // A sync or reload under way finishes before the process ends.
        defer { background.waitForStoreWork() }
        var state = initial
        _ = feed(.key(.resize(terminal.size)), into: &state, terminal: terminal)
        let first = themes.loader.load(state.themeName)
        terminal.use(first.theme)
        if let problem = first.problem {
            _ = feed(.themeChanged(name: "default", problem: problem.description), into: &state, terminal: terminal)
        }
        var redraw = true
        while true {
            if redraw {
                state.today = today()
                terminal.draw(DashboardView.render(state))
            }
            let key = terminal.readKey(waitingAtMost: background.isIdle ? nil : 20)
            let finished = background.take()
            redraw = key != nil || !finished.isEmpty
            for outcome in finished {
                if let input = finish(outcome, state: state), feed(input, into: &state, terminal: terminal) { return }
            }
            if let key, feed(.key(key), into: &state, terminal: terminal) { return }
        }
    }
}
