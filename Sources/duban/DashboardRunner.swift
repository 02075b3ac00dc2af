import Dashboard
import Foundation
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
    var now: () -> Date = Date.init

    /// Performs one effect; returns the input that reports its result, or nil
    /// for `.quit` (handled by the loop) and effects without a result.
    func perform(_ effect: Effect, state: AppState, terminal: NcursesTerminal?) -> Input? {
        switch effect {
        case let .record(target, changes):
            let factory = stamp()
            return append(changes.map { factory.event(target, $0) })
        case let .undo(scope):
            do { return .undone(try source.undo(stamp(), scope)) } catch { return .notice(.storeFailed("\(error)")) }
        case .reload:
            similarity.invalidate()
            do { return .loaded(try source.load()) } catch { return .notice(.storeFailed("\(error)")) }
        case .sync:
            // Drawn first: the status line says 同步中… while git talks to the remote.
            terminal?.draw(DashboardView.render(state))
            do {
                let summary = try source.sync()
                similarity.invalidate()
                return .synced(try source.load(), summary: summary.line(in: state.language))
            } catch {
                return .notice(.syncFailed("\(error)"))
            }
        case let .loadSuggestions(id):
            guard let measure = state.workspace.measure(id) else { return nil }
            let index = similarity.index(for: state.workspace)
            return .suggestions(MeasureSuggestions(
                measure: id, related: state.workspace.relatedMeasures(to: measure, index: index),
                units: state.workspace.suggestedUnits(for: measure, index: index, directory: directory)))
        case let .loadHistory(measure):
            let tasks = state.workspace.measure(measure)?.tasks.map(\.id) ?? []
            do {
                return .history(measure: measure, events: try source.history(Set([measure] + tasks)))
            } catch {
                return .notice(.storeFailed("\(error)"))
            }
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
    /// Ctrl-C (a key in raw mode) and thrown errors.
    func run(_ initial: AppState, noColor: Bool, today: () -> Day) throws {
        let terminal = try NcursesTerminal(noColor: noColor)
        defer { terminal.restore() }
        var state = initial
        _ = feed(.key(.resize(terminal.size)), into: &state, terminal: terminal)
        let first = themes.loader.load(state.themeName)
        terminal.use(first.theme)
        if let problem = first.problem {
            _ = feed(.themeChanged(name: "default", problem: problem.description), into: &state, terminal: terminal)
        }
        while true {
            state.today = today()
            terminal.draw(DashboardView.render(state))
            guard let key = terminal.readKey() else { continue }
            if feed(.key(key), into: &state, terminal: terminal) { return }
        }
    }
}
