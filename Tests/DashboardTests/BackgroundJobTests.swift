import Foundation
import PlanModel
import Testing
import TerminalKit
import TestSupport
@testable import Dashboard

/// The similarity and search indexes, reloads and syncs run in the background: keys go on being
/// handled while they run, the title bar names them, and their results apply to
/// whatever screen the officer has moved to meanwhile.
@Suite("Background jobs")
struct BackgroundJobTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func c(_ character: Character) -> Key { .character(character) }

    func state(_ language: Language = .en) -> AppState {
        var state = AppState(workspace: FixturePlans.workspace, today: FixturePlans.today, language: language,
                             size: Size(width: 100, height: 30))
        _ = state.openPlan("jinshan-2026")
        return state
    }

    func titleBar(_ state: AppState) -> String { String(DashboardView.render(state).lines[0]) }
    func statusLine(_ state: AppState) -> String { String(DashboardView.render(state).lines[28]) }
    func type(_ text: String, into state: inout AppState) {
        for key in ScreenText.keys(typing: text) { #expect(state.apply(.key(key)) == [], "\(key)") }
    }

    /// The fixture with measure 1.3 marked done by another officer.
    var changedElsewhere: Workspace {
        var workspace = FixturePlans.workspace
        workspace.apply(Event(id: "other", time: t0, officer: "li", target: "jinshan-2026:1.3",
                              change: .status(.done, previous: nil, force: false)))
        return workspace
    }

    /// The fixture as its indexes outline it (`JSONPlanStore.loadOutline`): no pillar names, measure titles or texts.
    var outline: Workspace {
        let whole = FixturePlans.workspace
        return Workspace(plans: whole.plans.map { plan in
            var plan = plan
            for p in plan.pillars.indices { plan.pillars[p].title = "" }
            plan.updateMeasures { measure in
                measure.title = ""
                measure.text = ""
            }
            return plan
        }, ledger: whole.ledger, isSlice: true)
    }

    func outlined() -> AppState {
        var state = AppState(workspace: outline, today: FixturePlans.today, language: .en, size: Size(width: 100, height: 30))
        #expect(state.apply(.started(.load)) == [])
        return state
    }

    @Test("the plans screen of the plans' outline is the plans screen of the whole plans, but for the title bar's job")
    func outlineFrame() {
        let whole = AppState(workspace: FixturePlans.workspace, today: FixturePlans.today, language: .en, size: Size(width: 100, height: 30))
        let first = DashboardView.render(outlined()).lines, full = DashboardView.render(whole).lines
        #expect(first[0].contains("Reading the plans…") && !full[0].contains("Reading"))
        #expect(Array(first.dropFirst()) == Array(full.dropFirst()))
        #expect(FixturePlans.workspace.plans.allSatisfy { $0.year != nil })
    }

    @Test("while the whole plans are read after their outline, the cursor moves; a key that needs them waits with every key after it, handled in order once they come")
    func keysWaitForThePlans() {
        var s = outlined()
        #expect(s.apply(.key(c("j"))) == [] && s.planCursor.row == 1 && s.waitingKeys.isEmpty)
        #expect(s.apply(.key(.enter)) == [] && s.apply(.key(c("j"))) == [])
        #expect(s.screen == .plans && s.waitingKeys == [.enter, c("j")])
        #expect(s.message == Message("Reading the plans… keys take effect once they are read"))
        // Once a key waits, so does one that needs only the outline: the keys keep their order.
        #expect(s.apply(.key(c("k"))) == [] && s.planCursor.row == 1 && s.waitingKeys.count == 3)
        _ = s.apply(.loaded(FixturePlans.workspace))
        #expect(s.jobs.isEmpty && s.waitingKeys.isEmpty && !s.workspace.isSlice)
        #expect(s.screen == .plan && s.currentPlan?.id == FixturePlans.workspace.plans[1].id)
        #expect(s.measureCursor.row == 0) // j then k, on the plan's measures
        #expect(s.apply(.key(c("r"))) == [.reload])
    }

    @Test("a click while the plans are read waits for them: it could open a plan whose measures are not read")
    func clickWaits() {
        var s = outlined()
        let click = Key.mouse(MouseEvent(kind: .click, column: 5, row: 3))
        #expect(s.apply(.key(click)) == [] && s.screen == .plans && s.waitingKeys == [click])
        _ = s.apply(.loaded(FixturePlans.workspace))
        #expect(s.waitingKeys.isEmpty && s.jobs.isEmpty)
    }

    @Test("a first run's notice stays when the whole plans come after their outline")
    func noticeStays() {
        var s = outlined()
        _ = s.apply(.notice(.storeCreated(path: "/home/wang/.local/share/duban", plans: 5)))
        let notice = s.message
        #expect(notice != nil)
        _ = s.apply(.loaded(FixturePlans.workspace))
        #expect(s.message == notice && s.jobs.isEmpty)
    }

    @Test("r waits while the plans are read; if reading them fails, what needs them is refused and r reads them again")
    func plansUnread() {
        var s = outlined()
        #expect(s.apply(.key(c("r"))) == [])
        #expect(s.message == Message("Reading the plans… changes, r and S wait until it ends", isError: true))
        _ = s.apply(.key(.enter))
        _ = s.apply(.notice(.reloadFailed("plans/x-2026.json: unreadable")))
        #expect(s.jobs.isEmpty && s.waitingKeys.isEmpty && s.screen == .plans)
        #expect(s.apply(.key(.enter)) == [] && s.screen == .plans)
        #expect(s.message == Message("The plans were not read: r reads them again", isError: true))
        #expect(s.apply(.key(c("j"))) == [] && s.planCursor.row == 1)
        #expect(s.apply(.key(c("r"))) == [.reload] && s.jobs == [.reload])
        _ = s.apply(.loaded(FixturePlans.workspace))
        #expect(s.apply(.key(.enter)) == [] && s.screen == .plan)
    }

    @Test("while a sync runs keys move the cursor; a second S, r or a change waits with a message; the sync's result ends it")
    func syncRunning() {
        var s = state()
        #expect(s.apply(.key(c("S"))) == [.sync])
        #expect(s.jobs == [.sync] && titleBar(s).contains("Syncing…"))
        #expect(s.apply(.key(c("j"))) == [])
        #expect(s.measureCursor.row == 1)
        for key in [c("S"), c("r"), c(" "), c("u"), c("n")] {
            #expect(s.apply(.key(key)) == [], "\(key)")
            #expect(s.message == Message("Syncing… changes, r and S wait until it ends", isError: true))
            #expect(s.prompt == nil)
        }
        #expect(s.jobs == [.sync])
        _ = s.apply(.synced(changedElsewhere, summary: "received 1 event (li 1), sent 0, plans changed 0, conflicts 0"))
        #expect(s.jobs.isEmpty && !titleBar(s).contains("Syncing…"))
        #expect(s.selectedMeasure?.id == "jinshan-2026:1.2")
        #expect(s.workspace.status(of: FixturePlans.jinshan.pillars[0].measures[2]) == .done)
        #expect(s.apply(.key(c(" "))) == [.record(target: "jinshan-2026:1.2", changes: [.status(nil, previous: .done, force: false)])])
        #expect(s.apply(.key(c("S"))) == [.sync])
        _ = s.apply(.notice(.syncFailed("/srv/duban.git: fetch failed")))
        #expect(s.jobs.isEmpty && s.message == Message("Sync failed: /srv/duban.git: fetch failed", isError: true))
    }

    @Test("the title bar names the running jobs in Chinese: 建立索引… 同步中…")
    func namedInChinese() {
        var s = state(.zh)
        _ = s.apply(.started(.index))
        _ = s.apply(.key(c("S")))
        #expect(titleBar(s).contains("建立索引… · 同步中…"), "\(titleBar(s))")
        _ = s.apply(.key(c("r")))
        #expect(s.message == Message("同步中… 修改、r 和 S 须等它完成", isError: true))
    }

    @Test("a reload's result arriving after the officer opened a measure applies there: same measure, the new plans, its history asked again")
    func staleReload() {
        var s = state()
        #expect(s.apply(.key(c("r"))) == [.reload])
        #expect(titleBar(s).contains("Reloading…"))
        _ = s.apply(.key(c("j")))
        #expect(s.apply(.key(.enter)) == [.loadHistory(measure: "jinshan-2026:1.2"), .loadSuggestions(measure: "jinshan-2026:1.2")])
        #expect(s.apply(.loaded(changedElsewhere)) == [.loadHistory(measure: "jinshan-2026:1.2"),
                                                        .loadSuggestions(measure: "jinshan-2026:1.2")])
        #expect(s.screen == .measure && s.selectedMeasure?.id == "jinshan-2026:1.2")
        #expect(s.workspace.status(of: FixturePlans.jinshan.pillars[0].measures[2]) == .done)
        #expect(s.jobs.isEmpty && s.message == Message("1 change from li"))
        #expect(s.apply(.key(c("r"))) == [.reload])
        _ = s.apply(.notice(.reloadFailed("journal.jsonl: permission denied")))
        #expect(s.jobs.isEmpty && s.message == Message("Reload failed: journal.jsonl: permission denied", isError: true))
        #expect(s.screen == .measure && s.workspace.status(of: FixturePlans.jinshan.pillars[0].measures[2]) == .done)
    }

    @Test("while the index builds, changes go ahead; suggestions for a measure left meanwhile end the job unseen, the open one's show")
    func staleSuggestions() {
        var s = state()
        _ = s.apply(.key(.enter))
        _ = s.apply(.started(.index))
        #expect(titleBar(s).contains("Indexing…"))
        _ = s.apply(.key(c("n")))
        for key in ScreenText.keys(typing: "已约谈") { _ = s.apply(.key(key)) }
        #expect(s.apply(.key(.enter)) == [.record(target: "jinshan-2026:1.1", changes: [.note("已约谈")])])
        _ = s.apply(.key(.escape))
        _ = s.apply(.key(c("j")))
        _ = s.apply(.key(.enter))
        let related = RelatedMeasure(measureId: "xuhui-2026:1.1", planId: "xuhui-2026", title: "相关", status: .todo, score: 0.5)
        _ = s.apply(.suggestions(MeasureSuggestions(measure: "jinshan-2026:1.1", related: [related], units: [])))
        #expect(s.jobs.isEmpty && !titleBar(s).contains("Indexing…"))
        #expect(s.selectedMeasure?.id == "jinshan-2026:1.2" && s.currentSuggestions == nil)
        let found = MeasureSuggestions(measure: "jinshan-2026:1.2", related: [related], units: [])
        _ = s.apply(.suggestions(found))
        #expect(s.currentSuggestions == found)
    }

    @Test("/ with no search index asks for it in the background; the query typed meanwhile stays in the prompt, without a count, Enter waits, and the arriving index applies it")
    func searchWhileIndexing() {
        var s = state()
        #expect(s.apply(.key(c("/"))) == [.buildSearchIndex(generation: 0)])
        #expect(s.jobs == [.searchIndex] && titleBar(s).contains("Indexing for search…"), "\(titleBar(s))")
        type("5", into: &s)
        // Esc and a second / while it builds: no second build.
        #expect(s.apply(.key(.escape)) == [] && s.apply(.key(c("/"))) == [])
        type("5g", into: &s)
        #expect(s.prompt?.text == "5g" && s.search.query == "5g" && s.search.matches.isEmpty)
        #expect(statusLine(s).hasPrefix(" Search: 5g") && !statusLine(s).contains("No match"), "\(statusLine(s))")
        #expect(s.apply(.key(.enter)) == [])
        #expect(s.prompt?.kind == .search && s.selectedMeasure?.id == "jinshan-2026:1.1")
        #expect(s.apply(.searchIndexed(SearchIndex(plans: s.workspace.plans), generation: 0)) == [])
        #expect(s.jobs.isEmpty && !titleBar(s).contains("Indexing for search…"))
        #expect(s.search.matches.count == 1 && s.search.current == 0)
        #expect(s.screen == .plan && s.selectedMeasure?.id == "minhang-2026:2.1")
        #expect(statusLine(s).contains("1/1 matches"), "\(statusLine(s))")
        _ = s.apply(.key(.enter))
        #expect(s.search.isActive && s.prompt == nil)
        #expect(s.apply(.key(c("/"))) == [])  // the index is kept for the next search
    }

    @Test("a search index built from plans a sync replaced meanwhile is dropped and built anew; a reload during an active search drops its matches until the new index comes")
    func staleSearchIndex() {
        var s = state()
        #expect(s.apply(.key(c("S"))) == [.sync])
        #expect(s.apply(.key(c("/"))) == [.buildSearchIndex(generation: 0)])
        type("一件事", into: &s)
        #expect(s.apply(.synced(changedElsewhere, summary: "received 1 event")) == [])  // the build under way is awaited
        #expect(s.generation == 1 && s.jobs == [.searchIndex])
        #expect(s.apply(.searchIndexed(SearchIndex(plans: FixturePlans.workspace.plans), generation: 0))
                == [.buildSearchIndex(generation: 1)])
        #expect(s.searchIndex == nil && s.search.matches.isEmpty && s.jobs == [.searchIndex])
        _ = s.apply(.searchIndexed(SearchIndex(plans: changedElsewhere.plans), generation: 1))
        #expect(s.search.matches.count == 4 && s.jobs.isEmpty)
        _ = s.apply(.key(.enter))
        _ = s.apply(.key(c("n")))
        let current = s.search.current
        let selected = s.selectedMeasure?.id
        #expect(s.apply(.key(c("r"))) == [.reload])
        #expect(s.apply(.loaded(changedElsewhere)) == [.buildSearchIndex(generation: 2)])
        #expect(s.searchIndex == nil && !s.search.isActive && s.jobs == [.searchIndex])
        _ = s.apply(.searchIndexed(SearchIndex(plans: changedElsewhere.plans), generation: 2))
        #expect(s.search.isActive && s.search.current == current && s.selectedMeasure?.id == selected)
    }
}
