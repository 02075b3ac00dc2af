import Foundation
import PlanModel
import Testing
import TerminalKit
import TestSupport
@testable import Dashboard

/// Scripts of keys through `apply`, asserting states and the exact effects.
@Suite("Key sequences")
struct KeySequenceTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    struct Script {
        var state: AppState
        var effects: [Effect] = []

        init(size: Size = Size(width: 100, height: 30), themes: [String] = ["default"], language: Language = .en) {
            state = AppState(workspace: FixturePlans.workspace, today: FixturePlans.today, language: language, size: size,
                             themeNames: themes, themeName: "default")
        }

        /// Presses each key; `effects` holds what the last key asked for (a search index is built at once).
        mutating func press(_ keys: Key...) { for key in keys { effects = state.applyIndexingAtOnce(.key(key)) } }
        mutating func type(_ text: String) { for key in ScreenText.keys(typing: text) { effects = state.applyIndexingAtOnce(.key(key)) } }
        mutating func open(_ plan: String) { _ = state.openPlan(plan) }
        func screenText() -> String { DashboardView.render(state).lines.joined(separator: "\n") }
    }

    func c(_ character: Character) -> Key { .character(character) }

    func event(_ target: String, _ change: Change) -> Event {
        Event(id: "e1", time: t0, officer: "wang", target: target, change: change)
    }

    @Test("moving through plans, pillars, measures and back")
    func navigation() {
        var s = Script()
        #expect(s.state.screen == .plans)
        s.press(c("j"))
        #expect(s.state.planCursor.row == 1)
        s.press(.up, .enter)
        #expect(s.state.screen == .plan && s.state.focus == .measures && s.state.measureCursor.row == 0)
        s.press(c("j"), .down)
        #expect(s.state.measureCursor.row == 2)
        s.press(c("G"))
        #expect(s.state.measureCursor.row == 3)
        s.press(c("g"))
        #expect(s.state.measureCursor.row == 0)
        s.press(c("h"), c("j"))
        #expect(s.state.focus == .pillars && s.state.pillarCursor.row == 1 && s.state.measureCursor.row == 0)
        s.press(.enter)
        #expect(s.state.focus == .measures)
        s.press(.enter)
        #expect(s.state.screen == .measure)
        #expect(s.effects == [.loadHistory(measure: "jinshan-2026:2.1"), .loadSuggestions(measure: "jinshan-2026:2.1")])
        s.press(.escape)
        #expect(s.state.screen == .plan && s.state.selectedMeasure?.id == "jinshan-2026:2.1")
        s.press(.backspace)
        #expect(s.state.screen == .plans)
        s.press(.pageDown)
        #expect(s.state.planCursor.row == 2)
    }

    @Test("Space marks the selected measure done, forcing over open tasks on the repeat; the recorded event updates the state")
    func toggleMeasure() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(c(" "))
        #expect(s.effects == [])
        #expect(s.state.message == Message("1.1 has 2 open tasks — press Space again to mark it done anyway", isError: true))
        s.press(c(" "))
        let change = Change.status(.done, previous: nil, force: true)
        #expect(s.effects == [.record(target: "jinshan-2026:1.1", changes: [change])])
        #expect(s.state.workspace == FixturePlans.workspace) // nothing changes until the store says so
        _ = s.state.apply(.recorded([event("jinshan-2026:1.1", change)]))
        #expect(s.state.workspace.status(of: FixturePlans.jinshan.pillars[0].measures[0]) == .done)
        #expect(s.state.message == Message("Recorded 1.1: done"))
        s.press(c("j"), c(" "))
        #expect(s.effects == [.record(target: "jinshan-2026:1.2", changes: [.status(nil, previous: .done, force: false)])])
    }

    @Test("on the measure screen Space and s act on the selected task")
    func tasks() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(.enter, c("j"), c(" "))
        #expect(s.effects == [.record(target: "jinshan-2026:1.1.1", changes: [.status(nil, previous: .done, force: false)])])
        s.press(c("j"), c(" "))
        #expect(s.effects == [.record(target: "jinshan-2026:1.1.2", changes: [.status(.done, previous: nil, force: false)])])
        s.press(c("j"), c("s"))
        #expect(s.effects == [.record(target: "jinshan-2026:1.1.3", changes: [.status(.doing, previous: nil, force: false)])])
        s.press(c("g"), c("s"), c("s"))
        #expect(s.effects == [.record(target: "jinshan-2026:1.1", changes: [.status(.done, previous: nil, force: true)])])
        let recorded = s.state.apply(.recorded([event("jinshan-2026:1.1.2", .status(.done, previous: nil, force: false))]))
        #expect(recorded == [.loadHistory(measure: "jinshan-2026:1.1")])
    }

    @Test("done over open tasks is forced only by the immediate repeat of the same key, in the interface language")
    func confirmToForce() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(.left, c("G"), .right, c("G"))
        #expect(s.state.selectedMeasure?.id == "jinshan-2026:3.6")
        s.press(c(" "))
        #expect(s.effects == [] && s.state.pendingForce == PendingForce(target: "jinshan-2026:3.6", action: .toggleDone))
        #expect(s.state.message == Message("3.6 has 7 open tasks — press Space again to mark it done anyway", isError: true))
        s.press(c("k"), c("j"), c(" "))                  // another key in between: asks again
        #expect(s.effects == [] && s.state.pendingForce != nil)
        s.press(c("s"))                                  // a different key does not confirm Space
        #expect(s.effects == [.record(target: "jinshan-2026:3.6", changes: [.status(.doing, previous: nil, force: false)])])
        #expect(s.state.pendingForce == nil)
        _ = s.state.apply(.recorded([event("jinshan-2026:3.6", .status(.doing, previous: nil, force: false))]))
        s.state.language = .zh
        s.press(.enter, c("s"))
        #expect(s.state.message == Message("3.6 还有 7 项任务未完成 — 再按 s 仍标记为已完成", isError: true))
        s.press(c("s"))
        #expect(s.effects == [.record(target: "jinshan-2026:3.6", changes: [.status(.done, previous: .doing, force: true)])])
    }

    @Test("s cycles todo → doing")
    func cycle() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(c("j"), c("j"), c("s"))
        #expect(s.effects == [.record(target: "jinshan-2026:1.3", changes: [.status(.doing, previous: nil, force: false)])])
    }

    @Test("b asks why, in Chinese if need be, and records blocked plus the note")
    func blocked() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(c("j"), c("j"), c("b"))
        #expect(s.state.prompt == Prompt(kind: .blocked(target: "jinshan-2026:1.3")))
        s.type("等待会签x")
        s.press(.backspace)
        #expect(s.state.prompt?.text == "等待会签")
        s.press(.enter)
        #expect(s.effects == [.record(target: "jinshan-2026:1.3", changes: [.status(.blocked, previous: nil, force: false), .note("等待会签")])])
        #expect(s.state.prompt == nil)
    }

    @Test("n adds a note; an empty note or Esc records nothing")
    func note() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(c("n"), .enter)
        #expect(s.effects == [])
        s.press(c("n"))
        s.type("已召开推进会")
        s.press(.escape)
        #expect(s.effects == [] && s.state.prompt == nil)
        s.press(c("n"))
        s.type("已召开推进会")
        s.press(.enter)
        #expect(s.effects == [.record(target: "jinshan-2026:1.1", changes: [.note("已召开推进会")])])
    }

    @Test("d edits the due date, refuses a bad day and keeps the prompt open")
    func due() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(c("d"))
        #expect(s.state.prompt == Prompt(kind: .due(target: "jinshan-2026:1.1"), text: "2026-06-30"))
        s.press(.control("u"))
        s.type("2026-13-01")
        s.press(.enter)
        #expect(s.effects == [])
        #expect(s.state.message == Message("Not a day (2026-12-31, 2026年12月31日, 12-31, 月底, 年底): 2026-13-01", isError: true))
        #expect(s.state.prompt != nil)
        s.press(.control("u"))
        s.type("7月15日")   // this year, as officers write it
        s.press(.enter)
        #expect(s.effects == [.record(target: "jinshan-2026:1.1",
                                      changes: [.due(Day("2026-07-15"), previous: Day("2026-06-30"))])])
        s.press(c("d"), .control("u"), .enter)
        #expect(s.effects == [.record(target: "jinshan-2026:1.1", changes: [.due(nil, previous: Day("2026-06-30"))])])
    }

    @Test("u, r, t, q and Ctrl-C ask the executable", arguments: [
        (Character("u"), Effect.undo(UndoScope(ids: ["jinshan-2026"]))), ("r", .reload), ("t", .useTheme("light")), ("q", .quit),
    ])
    func effects(key: Character, effect: Effect) {
        var s = Script(themes: ["default", "light"])
        s.open("jinshan-2026")
        s.press(c(key))
        #expect(s.effects == [effect])
        s.press(.control("c"))
        #expect(s.effects == [.quit])
    }

    @Test("a broken theme shows the file and key in the status line")
    func brokenTheme() {
        var s = Script()
        _ = s.state.apply(.themeChanged(name: "default", problem: "Themes/light.json: slots.title.fg: unknown colour 'gren'"))
        #expect(s.state.message?.isError == true)
        #expect(DashboardView.render(s.state).lines[28].contains("light.json: slots.title.fg"))
        _ = s.state.apply(.undone(UndoOutcome()))
        #expect(s.state.message == Message("Nothing to undo"))
    }

    @Test("u: what the undo did and every change it passed over are said in the status line, in either language")
    func undoSkipsAreSaid() {
        let done = Event(id: "e1", time: t0, officer: "wang", target: "jinshan-2026:1.6", change: .status(.done, previous: nil, force: false))
        let lis = Event(id: "e2", time: t0, officer: "li", target: "jinshan-2026:1.6", change: .status(.done, previous: nil, force: false))
        let due = Event(id: "e0", time: t0, officer: "wang", target: "jinshan-2026:1.3", change: .due(Day("2026-07-01"), previous: nil))
        let undo = Event(id: "u1", time: t0, officer: "wang", target: "jinshan-2026:1.3", change: .undo(event: "e0", inverse: .due(nil, previous: Day("2026-07-01"))))
        let outcome = UndoOutcome(undone: [undo], reverted: [due], skipped: [.init(event: done, reason: .superseded(by: lis))])
        var s = Script()
        _ = s.state.apply(.undone(outcome))
        #expect(s.state.message == Message("Undone: 1.3 优化智慧好办：A… Due → 2026-07-01; skipped 1.6 (li changed it since)"))
        var zh = Script(language: .zh)
        _ = zh.state.apply(.undone(UndoOutcome(skipped: [.init(event: done, reason: .superseded(by: lis))])))
        #expect(zh.state.message == Message("没有可撤销的操作；跳过 1.6（li 已改过）"))
    }

    @Test("/ searches all plans as you type, jumps to the first match, and n/N step through matches")
    func search() {
        var s = Script()
        s.press(c("/"))
        s.type("5g")
        #expect(s.state.screen == .plan)
        #expect(s.state.selectedMeasure?.id == "minhang-2026:2.1")
        s.press(.enter)
        #expect(s.state.search.isActive && s.state.prompt == nil)
        s.press(.escape)
        #expect(!s.state.search.isActive)
        s.press(c("/"))
        s.type("一件事")
        let matched = s.state.search.matches.map { s.state.searchIndex!.entries[$0] }
        #expect(matched.count == 4)
        s.press(.enter)
        let first = s.state.selectedMeasure?.id
        let start = s.state.search.current ?? -1
        s.press(c("n"))
        #expect(s.state.search.current == (start + 1) % 4 && s.state.selectedMeasure?.id != first)
        s.press(c("N"), c("N"))
        #expect(s.state.search.current == (start + 3) % 4)
        s.press(.escape, c("n"))
        #expect(s.state.prompt?.kind == .note(target: s.state.selectedMeasure?.id ?? ""))
    }

    @Test("Esc on a live search goes back to where it began; after Enter the match is kept")
    func searchEscapeReturns() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(c("j"), c("j"))
        let before = (s.state.screen, s.state.planCursor, s.state.pillarCursor, s.state.measureCursor)
        s.press(c("/"))
        s.type("5g")
        #expect(s.state.selectedMeasure?.id == "minhang-2026:2.1")
        s.press(.escape)
        #expect(s.state.prompt == nil && !s.state.search.isActive)
        #expect((s.state.screen, s.state.planCursor, s.state.pillarCursor, s.state.measureCursor) == before)
        s.press(c("/"))
        s.type("5g")
        s.press(.enter, .escape)
        #expect(s.state.selectedMeasure?.id == "minhang-2026:2.1")
    }

    @Test("a longer query only narrows the previous matches")
    func narrowing() {
        let index = SearchIndex(plans: FixturePlans.workspace.plans)
        let wide = index.matches(of: "服务")
        let narrow = index.matches(of: "服务点")
        #expect(!narrow.isEmpty && Set(narrow).isSubset(of: Set(wide)))
        #expect(index.matches(of: "服务点", within: wide) == narrow)
        #expect(index.matches(of: "AI") == index.matches(of: "ai"))
    }

    @Test("the first frame builds neither the search index nor the unit index; the first search (/) and the first unit list build them, and a reload drops them")
    func indexesBuiltWhenFirstNeeded() {
        var s = Script()
        _ = DashboardView.render(s.state)
        s.press(c("j"), .enter)
        #expect(s.state.searchIndex == nil && s.state.unitIndex == nil)
        s.press(c("/"))
        #expect(s.state.searchIndex == SearchIndex(plans: s.state.workspace.plans))
        s.type("一件事")
        #expect(s.state.search.matches.count == 4)
        s.press(.escape)
        #expect(s.state.unitIndex == nil)
        let opened = s.state.openUnitHome("区市场监管局")
        #expect(opened && s.state.unitIndex == UnitIndex(workspace: s.state.workspace, directory: UnitDirectory()))
        var changed = s.state.workspace
        changed.apply(event("jinshan-2026:1.1", .assign(unit: "区司法局", role: .lead, previous: nil)))
        _ = s.state.apply(.loaded(changed))
        #expect(s.state.searchIndex == nil)
        #expect(s.state.unitIndex == nil || s.state.unitIndex == UnitIndex(workspace: changed, directory: UnitDirectory()))
    }

    @Test("Backspace in the search widens it again: the matches are those of the shorter query, not a narrowing of the longer")
    func searchBackspace() {
        var s = Script()
        s.press(c("/"))
        s.type("服务点")
        let narrow = s.state.search.matches
        s.press(.backspace)
        let wide = s.state.searchIndex!.matches(of: "服务")
        #expect(s.state.search.query == "服务" && s.state.search.matches == wide)
        #expect(wide.count > narrow.count)
        #expect(DashboardView.render(s.state).lines[28].contains("/\(wide.count) matches"))
        s.press(.control("u"))
        s.type("一件事")
        #expect(s.state.search.matches == s.state.searchIndex!.matches(of: "一件事"))
    }

    @Test("a search with no match says so and ends")
    func noMatch() {
        var s = Script()
        s.press(c("/"))
        s.type("不存在的词")
        s.press(.enter)
        #expect(!s.state.search.isActive)
        #expect(s.state.message == Message("No match", isError: true))
    }

    @Test("f filters the whole plan by status, overdue and unit: from a pillar without a match to the first with one, pillar counts matching/all")
    func filter() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(c("f"))
        s.type("blocked")
        s.press(.enter)
        #expect(s.state.pillarCursor.row == 1 && s.state.listedMeasures.count == 1)
        #expect(s.state.message == Message("Filter: blocked — 1 measure"))
        let pillars = DashboardView.render(s.state).lines.filter { $0.hasPrefix("一 ") || $0.hasPrefix("二 ") }
        #expect(pillars.count == 2 && pillars[0].contains("0/4│") && pillars[1].contains("1/2│"), "\(pillars)")
        #expect(s.state.selectedMeasure?.id == "jinshan-2026:2.2")
        s.press(c("f"), .control("u"))
        s.type("逾期")
        s.press(.enter)
        #expect(s.state.filter == MeasureFilter(overdueOnly: true))
        #expect(s.state.selectedMeasure?.id == "jinshan-2026:2.1")
        s.press(c("f"), .control("u"))
        s.type("司法局")
        s.press(.enter)
        #expect(s.state.listedMeasures == [1])
        s.press(c("f"), .control("u"), .enter)
        #expect(s.state.filter.isEmpty && s.state.listedMeasures == [0, 1])
    }

    @Test("PgDn on the measure screen stops with the last line at the bottom; PgUp right after scrolls back",
          arguments: [Size(width: 60, height: 20), Size(width: 80, height: 16)])
    func measureScrollEnd(size: Size) {
        var s = Script(size: size)
        s.open("jinshan-2026")
        s.press(.left, c("G"), .right, c("G"), .enter)           // 3.6: seven tasks, a long text
        var frames = [DashboardView.render(s.state).lines]
        for _ in 0..<10 {
            s.press(.pageDown)
            frames.append(DashboardView.render(s.state).lines)
        }
        let body = s.state.layout.body
        let last = frames[frames.count - 1]
        // The last line of the document (the empty history) sits on the body's last row.
        #expect(last[body.endRow - 1].contains("no changes yet"))
        #expect(frames[frames.count - 2] == last)
        s.press(.pageUp)
        #expect(DashboardView.render(s.state).lines != last)
        s.press(.pageDown)
        #expect(DashboardView.render(s.state).lines == last)
    }

    @Test("a click selects, a click on the selection opens, the wheel scrolls")
    func mouse() {
        var s = Script()
        let firstRow = s.state.layout.body.row + 1
        s.press(.mouse(MouseEvent(kind: .click, column: 5, row: firstRow + 1)))
        #expect(s.state.planCursor.row == 1 && s.state.screen == .plans)
        s.press(.mouse(MouseEvent(kind: .click, column: 5, row: firstRow + 1)))
        #expect(s.state.screen == .plan && s.state.currentPlan?.id == "minhang-2026")
        s.press(.mouse(MouseEvent(kind: .click, column: 2, row: firstRow + 1)))
        #expect(s.state.focus == .pillars && s.state.pillarCursor.row == 1)
        s.press(.escape, .mouse(MouseEvent(kind: .wheelDown, column: 5, row: firstRow)))
        #expect(s.state.planCursor.row == 2)
    }

    @Test("a terminal that shrinks below the minimum ignores keys except quit")
    func resize() {
        var s = Script()
        s.press(.resize(Size(width: 30, height: 8)), c("j"))
        #expect(s.state.planCursor.row == 0 && s.state.layout.isTooSmall)
        s.press(c("q"))
        #expect(s.effects == [.quit])
        s.press(.resize(Size(width: 60, height: 20)), c("j"))
        #expect(s.state.planCursor.row == 1)
    }

    @Test("on the measure screen a reload, or a change of its units, asks for its history and suggestions again; other screens ask nothing")
    func measureReloads() {
        var s = Script()
        #expect(s.state.apply(.loaded(FixturePlans.workspace)) == [])
        s.open("jinshan-2026")
        s.press(.enter)
        #expect(s.state.apply(.loaded(FixturePlans.workspace)) == [.loadHistory(measure: "jinshan-2026:1.1"),
                                                                   .loadSuggestions(measure: "jinshan-2026:1.1")])
        let assigned = event("jinshan-2026:1.1", .assign(unit: "区司法局", role: .support, previous: nil))
        #expect(s.state.apply(.recorded([assigned])) == [.loadHistory(measure: "jinshan-2026:1.1"),
                                                          .loadSuggestions(measure: "jinshan-2026:1.1")])
        #expect(s.state.apply(.recorded([event("jinshan-2026:1.2", .note("另一项"))])) == [])
    }

    @Test("reloading keeps the cursor and picks up changes made elsewhere")
    func reload() {
        var s = Script()
        s.open("jinshan-2026")
        s.press(c("j"))
        var changed = FixturePlans.workspace
        changed.apply(Event(id: "other", time: t0, officer: "li", target: "jinshan-2026:1.3",
                            change: .status(.done, previous: nil, force: false)))
        _ = s.state.apply(.loaded(changed))
        #expect(s.state.selectedMeasure?.id == "jinshan-2026:1.2")
        #expect(s.state.workspace.status(of: FixturePlans.jinshan.pillars[0].measures[2]) == .done)
        #expect(s.state.message == Message("1 change from li"))
        _ = s.state.apply(.loaded(changed))
        #expect(s.state.message == Message("Reloaded"))
    }

    @Test("f on the plans screen: each plan's measure count reads passing/all while the filter is on, and opening a plan keeps it")
    func filterPlans() throws {
        var s = Script()
        s.press(c("f"))
        s.type("blocked")
        s.press(.enter)
        let blocked = s.state.workspace.plans.map { plan in plan.measures.count { s.state.workspace.status(of: $0) == .blocked } }
        #expect(s.state.message == Message("Filter: blocked — \(blocked.reduce(0, +)) measure\(blocked.reduce(0, +) == 1 ? "" : "s")"))
        let jinshan = try #require(s.state.workspace.plans.firstIndex { $0.id == "jinshan-2026" })
        let row = try #require(s.screenText().split(separator: "\n").first { $0.contains(s.state.workspace.plans[jinshan].title.prefix(6)) })
        #expect(row.contains("\(blocked[jinshan])/\(s.state.workspace.plans[jinshan].measures.count)"), "\(row)")
        s.open("jinshan-2026")
        #expect(!s.state.filter.isEmpty && s.state.listedMeasures.allSatisfy { s.state.currentPillar?.measures[$0].id == "jinshan-2026:2.2" })
    }

    @Test("the unit home screen: red, yellow, blocked, due soonest first in each pillar; o cycles the order (named in the header); Esc goes to the plans")
    func unitHome() throws {
        var s = Script()
        let unknown = s.state.openUnitHome("不存在局"), known = s.state.openUnitHome("区市场监管局")
        #expect(!unknown && known)
        #expect(s.state.screen == .unitMeasures && s.state.workload?.isHome == true)
        let workload = try #require(s.state.workload)
        let workspace = s.state.workspace
        // Within each group the lights never get less urgent going down.
        var groups: [[Light]] = [[]]
        for entry in workload.listing.entries {
            switch entry {
            case .group: groups.append([])
            case let .measure(i):
                let measure = try #require(workspace.measure(workload.measures[i]))
                groups[groups.count - 1].append(workspace.schedule(of: measure, today: FixturePlans.today).light)
            }
        }
        let rank: [Light: Int] = [.red: 0, .yellow: 1, .green: 2, .none: 3]
        for lights in groups { #expect(lights.map { rank[$0]! } == lights.map { rank[$0]! }.sorted(), "\(lights)") }
        #expect(s.screenText().contains("Title · urgency"))
        s.press(c("o"))
        #expect(s.state.workload?.measureOrder == .due && s.screenText().contains("Title · due date"))
        #expect(s.state.message == Message("Sorted: due date"))
        s.press(.escape)
        #expect(s.state.screen == .plans && s.state.workload == nil)
    }

    @Test("o on the plan screen sorts the pillar's measures (title here), the cursor staying on its measure")
    func planOrder() {
        var s = Script()
        s.open("jinshan-2026")
        let before = s.state.selectedMeasure?.id
        s.press(c("o"))
        #expect(s.state.planOrder == .title)
        #expect(s.state.selectedMeasure?.id == before)
        let titles = s.state.listedMeasures.compactMap { s.state.currentPillar?.measures[$0].title }
        #expect(titles == titles.sorted())
    }

    @Test("S syncs: the title bar says so at once, then the status line shows the sync's summary; a failure is an error line")
    func sync() {
        var s = Script()
        s.open("jinshan-2026")
        #expect(s.state.apply(.key(c("S"))) == [.sync])
        #expect(s.screenText().split(separator: "\n")[0].contains("Syncing…"))
        var synced = FixturePlans.workspace
        synced.apply(Event(id: "e1", time: t0, officer: "li", target: "jinshan-2026:1.3",
                           change: .status(.done, previous: nil, force: false)))
        _ = s.state.apply(.synced(synced, summary: "received 1 event (li 1), sent 0, plans changed 0, conflicts 0"))
        #expect(s.state.message == Message("received 1 event (li 1), sent 0, plans changed 0, conflicts 0"))
        #expect(s.state.workspace.status(of: FixturePlans.jinshan.pillars[0].measures[2]) == .done)
        _ = s.state.apply(.notice(.changedMeanwhile("jinshan-2026:1.1.1")))
        #expect(s.state.message == Message("1.1.1 was changed meanwhile by another officer or terminal; nothing saved — press r to reload", isError: true))
        s.state.language = .zh
        _ = s.state.apply(.notice(.changedMeanwhile("jinshan-2026:1.1.1")))
        #expect(s.state.message == Message("1.1.1 已被他人或另一终端修改，未保存；按 r 刷新", isError: true))
        s.state.language = .en
        _ = s.state.apply(.notice(.syncFailed("/srv/duban.git: fetch failed")))
        #expect(s.state.message == Message("Sync failed: /srv/duban.git: fetch failed", isError: true))
    }

    @Test("the first run's notice names the new store, its sample plans and how to remove one")
    func storeCreatedNotice() {
        var s = Script()
        _ = s.state.apply(.notice(.storeCreated(path: "/home/wang/.local/share/duban", plans: 5)))
        #expect(s.state.message == Message("New store with the sample plans: /home/wang/.local/share/duban (5); duban remove PLAN removes one"))
        s.state.language = .zh
        _ = s.state.apply(.notice(.storeCreated(path: "/home/wang/.local/share/duban", plans: 5)))
        #expect(s.state.message == Message("已新建存储并导入示例方案：/home/wang/.local/share/duban（5 个）；删除示例方案：duban remove 方案编号"))
    }

    @Test("a conflict from a sync marks the measure's row and is told on its screen; the officer's own new change settles it")
    func conflictMarks() throws {
        var s = Script()
        var conflicted = FixturePlans.workspace
        let first = Event(id: "a", time: t0, officer: "zhang", target: "jinshan-2026:1.2", change: .status(.done, previous: nil, force: true))
        let second = Event(id: "b", time: t0 + 1, officer: "li", target: "jinshan-2026:1.2", change: .status(.blocked, previous: nil, force: false))
        conflicted.apply(first)
        conflicted.apply(second)
        conflicted.conflicts = Conflict.find(in: [first, second])
        _ = s.state.apply(.loaded(conflicted))
        #expect(s.state.message == Message("2 changes: li 1, zhang 1; 1 conflict"))
        s.open("jinshan-2026")
        #expect(s.screenText().contains("✗ conflict· 完善惠企"))
        s.press(c("j"))
        s.press(.enter)
        #expect(s.screenText().contains("conflict: jinshan-2026:1.2 status: zhang done, li blocked; li's stands"))
        _ = s.state.apply(.recorded([Event(id: "c", time: t0 + 2, officer: "me", target: "jinshan-2026:1.2",
                                           change: .status(.doing, previous: .blocked, force: false))]))
        #expect(s.state.workspace.conflicts.isEmpty)
        #expect(!s.screenText().contains("conflict"))
    }

    @Test("e on a filtered plan: a prompt holding the file name, Enter asks for the ledger of the filtered measures of the whole plan")
    func exportFilteredPlan() throws {
        var s = Script()
        s.open("jinshan-2026")
        s.press(c("f"))
        s.type("doing")
        s.press(.enter, c("e"))
        #expect(s.state.prompt?.kind == .export(try #require(s.state.ledgerScope)))
        #expect(s.state.prompt?.text == "ledger-jinshan-2026-2026-06-20.xlsx")
        s.press(.backspace, .backspace, .backspace, .backspace)
        s.type("csv.xlsx")
        s.press(.enter)
        let plan = try #require(s.state.currentPlan)
        let doing = Set(plan.measures.filter { s.state.workspace.status(of: $0) == .doing }.map(\.id))
        #expect(!doing.isEmpty)
        #expect(s.effects == [.exportLedger(path: "ledger-jinshan-2026-2026-06-20.csv.xlsx",
                                            scope: LedgerScope(plans: ["jinshan-2026"], measures: doing))])
        #expect(s.state.prompt == nil)
    }

    @Test("e on a unit's measures names the unit; on the workload of all plans, every plan; Esc or an empty name asks for nothing")
    func exportScopes() throws {
        var s = Script(language: .zh)
        s.press(c("w"))
        s.press(c("e"))
        #expect(s.state.prompt?.kind == .export(LedgerScope()))
        #expect(s.state.prompt?.text == "台账-2026-06-20.xlsx")
        s.press(.escape)
        #expect(s.state.prompt == nil && s.effects.isEmpty)
        s.press(.enter)
        let workload = try #require(s.state.workload)
        let unit = try #require(workload.unit)
        s.press(c("e"))
        #expect(s.state.prompt?.text == "台账-\(unit.unit.name)-2026-06-20.xlsx")
        #expect(s.state.prompt?.kind == .export(LedgerScope(unit: unit.unit.name, measures: Set(workload.measures))))
        s.press(.control("u"), .enter)
        #expect(s.effects.isEmpty)
    }

    @Test("e does nothing on the plans and measure screens: there the screen is not a ledger")
    func exportElsewhere() {
        var s = Script()
        s.press(c("e"))
        #expect(s.state.prompt == nil)
        s.open("jinshan-2026")
        s.press(.enter, c("e"))
        #expect(s.state.screen == .measure && s.state.prompt == nil)
    }
}
