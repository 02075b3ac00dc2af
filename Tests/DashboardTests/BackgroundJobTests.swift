import Foundation
import PlanModel
import Testing
import TerminalKit
import TestSupport
@testable import Dashboard

/// The similarity index, reloads and syncs run in the background: keys go on being
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

    /// The fixture with measure 1.3 marked done by another officer.
    var changedElsewhere: Workspace {
        var workspace = FixturePlans.workspace
        workspace.apply(Event(id: "other", time: t0, officer: "li", target: "jinshan-2026:1.3",
                              change: .status(.done, previous: nil, force: false)))
        return workspace
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
}
