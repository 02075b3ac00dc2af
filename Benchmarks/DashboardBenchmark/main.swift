import Dashboard
import Foundation
import PlanModel
import TerminalKit
import TestSupport

// Times the dashboard's update and render steps in-process (run it in release:
// `swift run -c release dashboard-benchmark [measures]`). Figures are medians.

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let clock = ContinuousClock()

func ms(_ d: Duration) -> String {
    let c = d.components
    return String(format: "%.2f ms", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
}

func median(_ runs: Int = 7, _ body: () -> Void) -> Duration {
    (0..<runs).map { _ in clock.measure(body) }.sorted()[runs / 2]
}

let size = Size(width: 100, height: 30)
var sample = AppState(workspace: FixturePlans.workspace, today: FixturePlans.today, language: .zh, size: size)
print("sample store: state + first frame", ms(median {
    let s = AppState(workspace: FixturePlans.workspace, today: FixturePlans.today, language: .zh, size: size)
    _ = DashboardView.render(s)
}))

var workspace = Workspace(plans: [])
print("\(count) measures: building the workspace", ms(clock.measure { workspace = FixturePlans.large(measures: count) }))
var state = AppState(workspace: workspace, today: FixturePlans.today, language: .zh, size: size)
print("\(count) measures: state (no search or unit index: each is built when first needed)", ms(median(3) {
    state = AppState(workspace: workspace, today: FixturePlans.today, language: .zh, size: size)
}))
print("\(count) measures: the unit index (built by the first unit list)", ms(median(3) {
    _ = UnitIndex(workspace: workspace, directory: UnitDirectory())
}))
print("\(count) measures: the search index (built in the background by the first search)", ms(median(3) {
    _ = SearchIndex(plans: workspace.plans)
}))
print("\(count) measures: first frame (plans screen)", ms(median { _ = DashboardView.render(state) }))

/// One key and the frame after it, from the same starting state each time.
func keyToFrame(_ name: String, from start: AppState, _ keys: [Key]) -> AppState {
    var after = start
    let d = median {
        var s = start
        for key in keys { _ = s.apply(.key(key)) }
        _ = DashboardView.render(s)
        after = s
    }
    print("key → frame: \(name)", ms(d))
    return after
}

state = keyToFrame("j on plans", from: state, [.character("j")])
state = keyToFrame("Enter (open plan)", from: state, [.enter])
state = keyToFrame("j in measures", from: state, [.character("j")])
state = keyToFrame("G in measures", from: state, [.character("G")])
state = keyToFrame("PgDn in measures", from: state, [.pageDown])
state = keyToFrame("Space (toggle done)", from: state, [.character(" ")])
state = keyToFrame("Enter (open measure)", from: state, [.enter])
state = keyToFrame("Esc (back)", from: state, [.escape])
state = keyToFrame("Esc (back to plans)", from: state, [.escape])

// The unit home screen (duban --unit): every measure the unit takes part in (here all of them), grouped and ordered.
print("\(count) measures: unit home (区发改委), opening + first frame", ms(median {
    var s = state
    _ = s.openUnitHome("区发改委")
    _ = DashboardView.render(s)
}))
var home = state
_ = home.openUnitHome("区发改委")
home = keyToFrame("j on the unit home", from: home, [.character("j")])
var filtering = home
for key in [Key.character("f")] + "blocked".map({ Key.character($0) }) { _ = filtering.apply(.key(key)) }
_ = keyToFrame("filter applied (Enter) on the unit home", from: filtering, [.enter])
_ = keyToFrame("o (next order) on the unit home", from: home, [.character("o")])
var unitFiltering = home
for key in [Key.character("f")] + "经委".map({ Key.character($0) }) { _ = unitFiltering.apply(.key(key)) }
_ = keyToFrame("unit-name filter applied (Enter) on the unit home", from: unitFiltering, [.enter])
_ = keyToFrame("Space (toggle done) on the unit home", from: home, [.character(" ")])

// The worst case: the same plans as one district's, so 区发改委 is one unit on every measure and its home lists all of them.
var sharedPlans = workspace.plans
for i in sharedPlans.indices { sharedPlans[i].id = "bench-2026-\(i + 1)" }  // district key bench-2026
let oneDistrict = AppState(workspace: Workspace(plans: sharedPlans), today: FixturePlans.today, language: .zh, size: size)
print("\(count) measures in one district: unit home (区发改委), opening + first frame", ms(median {
    var s = oneDistrict
    _ = s.openUnitHome("区发改委")
    _ = DashboardView.render(s)
}))
var bigHome = oneDistrict
_ = bigHome.openUnitHome("区发改委")
print("  listing \(bigHome.workload?.measures.count ?? 0) measures")
bigHome = keyToFrame("  j on it", from: bigHome, [.character("j")])
for query in ["blocked", "todo", "经委"] {
    var s = bigHome
    for key in [Key.character("f")] + query.map({ Key.character($0) }) { _ = s.apply(.key(key)) }
    _ = keyToFrame("  filter '\(query)' applied (Enter)", from: s, [.enter])
}
_ = keyToFrame("  o (next order)", from: bigHome, [.character("o")])

var recorded = state
let event = Event(id: "bench", time: Date(timeIntervalSince1970: 0), officer: "wang", target: "bench1-2026:1.1",
                  change: .status(.done, previous: nil, force: true))
print("recorded event → frame", ms(median { var s = recorded; _ = s.apply(.recorded([event])); _ = DashboardView.render(s) }))
_ = recorded.apply(.recorded([event]))

// Search as you type with the search index built: each keystroke from the state the previous one left.
var searchable = state
_ = searchable.apply(.searchIndexed(SearchIndex(plans: workspace.plans), generation: searchable.generation))
for query in ["推进 AI", "第99999项", "一件事集成改革", "zzz"] {
    var s = searchable
    _ = s.apply(.key(.character("/")))
    var worst = Duration.zero
    var total = Duration.zero
    for character in query {
        let d = clock.measure {
            _ = s.apply(.key(.character(character)))
            _ = DashboardView.render(s)
        }
        worst = max(worst, d)
        total += d
    }
    print("search-as-you-type '\(query)' (index built): \(s.search.matches.count) matches, worst keystroke \(ms(worst)), mean \(ms(total / query.count))")
}

// The first search: `/` asks for the search index, built on another thread as the runner builds it, while
// a query is typed and erased back to its first character every 10 ms, each key → frame timed; then its
// arrival → frame, which applies the query typed so far.
var first = state
let asked = first.apply(.key(.character("/")))
guard case let .buildSearchIndex(generation) = asked.first else { fatalError("/ asked for \(asked), not the search index") }
let plans = first.workspace.plans
nonisolated(unsafe) var built: SearchIndex?
let searchIndexed = DispatchSemaphore(value: 0)
let searchStart = clock.now
DispatchQueue.global(qos: .userInitiated).async {
    built = SearchIndex(plans: plans)
    searchIndexed.signal()
}
let typing = "9999项".map { Key.character($0) } + Array(repeating: Key.backspace, count: 5)
var typed: [Duration] = []
while searchIndexed.wait(timeout: .now()) == .timedOut {
    let key = typed.isEmpty ? Key.character("第") : typing[(typed.count - 1) % typing.count]
    typed.append(clock.measure {
        _ = first.apply(.key(key))
        _ = DashboardView.render(first)
    })
    Thread.sleep(forTimeInterval: 0.01)
}
let searchIndexTime = clock.now - searchStart
typed.sort()
print("first search: index built in the background: \(ms(searchIndexTime)); \(typed.count) keys typed meanwhile, key → frame median",
      typed.isEmpty ? "-" : ms(typed[typed.count / 2]), "worst", typed.last.map(ms) ?? "-")
if let built {
    let query = first.search.query
    let arrival = clock.measure {
        _ = first.apply(.searchIndexed(built, generation: generation))
        _ = DashboardView.render(first)
    }
    print("first search: the index arrives → frame, query '\(query)' applied (\(first.search.matches.count) matches)", ms(arrival))
}

// Keys while the similarity index builds on another thread, as the dashboard's runner builds it
// when the first measure opens: each key → frame from the state the previous one left.
let snapshot = state.workspace
let indexed = DispatchSemaphore(value: 0)
let indexStart = clock.now
DispatchQueue.global(qos: .userInitiated).async {
    _ = SimilarityIndex(workspace: snapshot)
    indexed.signal()
}
var busy = state
_ = busy.apply(.key(.enter))
var latencies: [Duration] = []
while indexed.wait(timeout: .now()) == .timedOut {
    let key: Key = latencies.count % 40 < 20 ? .character("j") : .character("k")
    latencies.append(clock.measure {
        _ = busy.apply(.key(key))
        _ = DashboardView.render(busy)
    })
    Thread.sleep(forTimeInterval: 0.01)
}
let indexTime = clock.now - indexStart
latencies.sort()
print("similarity index built in the background: \(ms(indexTime)); \(latencies.count) keys meanwhile, j/k → frame median",
      latencies.isEmpty ? "-" : ms(latencies[latencies.count / 2]), "worst", latencies.last.map(ms) ?? "-")
let index = SimilarityIndex(workspace: snapshot)
if let first = snapshot.plans.first?.measures.first {
    print("suggestions for one measure with the index built", ms(median {
        _ = snapshot.relatedMeasures(to: first, index: index)
        _ = snapshot.suggestedUnits(for: first, index: index, directory: UnitDirectory())
    }))
}
