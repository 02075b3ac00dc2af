import Foundation
import PlanModel
import Testing
import TerminalKit
import TestSupport
@testable import Dashboard

/// Every screen and overlay as a whole frame at 60×20 and 100×30, from the fixture
/// plans seen on `FixturePlans.today`. The frames are files in `Frames/`; after a
/// deliberate change of what a screen shows, `RECORD_SNAPSHOTS=1 swift test` writes
/// them again, and the diff of those files is what a reviewer reads.
@Suite("Whole frames of every screen and overlay")
struct FrameTests {
    static let sizes = [Size(width: 60, height: 20), Size(width: 100, height: 30)]

    /// A dashboard on the fixture plans, driven by keys.
    struct Dashboard {
        var state: AppState

        init(_ size: Size, workspace: Workspace = FixturePlans.workspace) {
            state = AppState(workspace: workspace, today: FixturePlans.today, language: .en, size: size)
        }

        mutating func open(_ plan: String) {
            let opened = state.openPlan(plan)
            #expect(opened)
        }

        /// A search index asked for is built at once.
        mutating func press(_ keys: Key...) { for key in keys { _ = state.applyIndexingAtOnce(.key(key)) } }
        mutating func type(_ text: String) { for key in ScreenText.keys(typing: text) { _ = state.applyIndexingAtOnce(.key(key)) } }

        /// Opens a measure from the plan screen and answers its `.loadHistory` with the fixture events.
        mutating func openMeasure(_ id: String) throws {
            let location = try #require(state.workspace.location(of: id))
            open(state.workspace.plans[location.plan].id)
            press(.left)
            for _ in 0..<location.pillar { press(.down) }
            press(.right)
            for _ in 0..<location.measure { press(.down) }
            press(.enter)
            #expect(state.selectedMeasure?.id == id)
            _ = state.apply(.history(measure: id, events: FixturePlans.events.filter { $0.target == id || $0.target.hasPrefix(id + ".") }))
        }

        /// Answers the measure screen's `.loadSuggestions` as the executable does.
        mutating func loadSuggestions() throws {
            let measure = try #require(state.selectedMeasure)
            let index = SimilarityIndex(workspace: state.workspace)
            _ = state.apply(.suggestions(MeasureSuggestions(
                measure: measure.id, related: state.workspace.relatedMeasures(to: measure, index: index),
                units: state.workspace.suggestedUnits(for: measure, index: index, directory: state.directory))))
        }

        var frame: Canvas { DashboardView.render(state) }
    }

    func c(_ character: Character) -> Key { .character(character) }

    @Test("plans: every plan with its progress bar and counts", arguments: sizes)
    func plans(size: Size) {
        expectFrame(Dashboard(size).frame, "plans")
    }

    @Test("plan: pillars with progress, the selected pillar's measures with marks, tasks, units and due dates", arguments: sizes)
    func plan(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(c("j"))
        expectFrame(d.frame, "plan")
    }

    @Test("plan on its second pillar: an overdue measure (! in the overdue style) and a blocked one under the cursor", arguments: sizes)
    func planOverdue(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(.left, c("j"), .right, c("j"))
        expectFrame(d.frame, "plan-overdue")
    }

    @Test("measure: status, units with roles, the text wrapped whole, tasks, notes and history", arguments: sizes)
    func measure(size: Size) throws {
        var d = Dashboard(size)
        try d.openMeasure("jinshan-2026:2.2")
        expectFrame(d.frame, "measure")
    }

    @Test("measure with many tasks, its cursor on the third", arguments: sizes)
    func measureTasks(size: Size) throws {
        var d = Dashboard(size)
        try d.openMeasure("jinshan-2026:3.6")
        d.press(c("j"), c("j"), c("j"))
        expectFrame(d.frame, "measure-tasks")
    }

    @Test("measure scrolled by PgDn to its end: the last line at the bottom, no further", arguments: sizes)
    func measureEnd(size: Size) throws {
        var d = Dashboard(size)
        try d.openMeasure("jinshan-2026:3.6")
        for _ in 0..<8 { d.press(.pageDown) }
        expectFrame(d.frame, "measure-end")
    }

    @Test("measure without units: suggested units and related measures, the cursor on the second suggestion", arguments: sizes)
    func measureSuggestions(size: Size) throws {
        var workspace = FixturePlans.workspace
        workspace.apply(Event(id: "u", time: Date(timeIntervalSince1970: 1_790_000_000), officer: "li", target: "jiading-2026:1.1",
                              change: .unassign(unit: "区政务服务办", previous: .lead)))
        var d = Dashboard(size, workspace: workspace)
        try d.openMeasure("jiading-2026:1.1")
        try d.loadSuggestions()
        d.press(c("j"), c("j"), c("j"), c("j"))
        expectFrame(d.frame, "measure-suggestions")
    }

    @Test("workload: one row per unit, bars and counts", arguments: sizes)
    func workload(size: Size) {
        var d = Dashboard(size)
        d.press(c("w"), c("j"))
        expectFrame(d.frame, "workload")
    }

    @Test("unit measures: the measures of 区市场监管局 with its role on each", arguments: sizes)
    func unitMeasures(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(c("w"), c("o"), .enter)
        expectFrame(d.frame, "unit-measures")
    }

    @Test("unit home (duban --unit 区市场监管局): its measures across plans, grouped by plan and pillar, most urgent first; filtered: counts shown/all",
          arguments: sizes + [Size(width: 80, height: 24)])
    func unitHome(size: Size) {
        var d = Dashboard(size)
        let opened = d.state.openUnitHome("区市场监管局")
        #expect(opened)
        expectFrame(d.frame, "unit-home")
        d.press(c("f"))
        d.type("todo")
        d.press(.enter)
        expectFrame(d.frame, "unit-home-filtered")
    }

    @Test("help overlay over the plan screen", arguments: sizes)
    func help(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(c("?"))
        expectFrame(d.frame, "help")
    }

    @Test("help overlay of the measure screen scrolled down one page", arguments: sizes)
    func helpScrolled(size: Size) throws {
        var d = Dashboard(size)
        try d.openMeasure("jinshan-2026:1.1")
        d.press(c("?"), .pageDown)
        expectFrame(d.frame, "help-scrolled")
    }

    @Test("unit picker: names containing what is typed, the role, the cursor on the second", arguments: sizes)
    func picker(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(c("a"))
        d.type("区")
        d.press(.down)
        expectFrame(d.frame, "picker")
    }

    @Test("unit picker offering a new unit", arguments: sizes)
    func pickerNewUnit(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(c("a"))
        d.type("区营商办")
        expectFrame(d.frame, "picker-new")
    }

    @Test("note prompt with Chinese text typed", arguments: sizes)
    func prompt(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(c("n"))
        d.type("已召开推进会，待区司法局会签")
        expectFrame(d.frame, "prompt")
    }

    @Test("due-date prompt with the cursor moved back into the text: the bar where typing goes", arguments: sizes)
    func promptCursor(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(c("d"), .left, .left, .backspace)
        d.type("1")
        expectFrame(d.frame, "prompt-cursor")
    }

    @Test("search prompt while typing: the first match selected, the match count", arguments: sizes)
    func searchTyping(size: Size) {
        var d = Dashboard(size)
        d.press(c("/"))
        d.type("一件事")
        expectFrame(d.frame, "search-typing")
    }

    @Test("search after Enter: matches highlighted, n/N in the footer, the count in the status line", arguments: sizes)
    func searchActive(size: Size) {
        var d = Dashboard(size)
        d.press(c("/"))
        d.type("服务")
        d.press(.enter, c("n"))
        expectFrame(d.frame, "search-active")
    }

    @Test("filtered plan screen: only doing measures, the filter in the status line", arguments: sizes)
    func filter(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(c("f"))
        d.type("doing")
        d.press(.enter)
        expectFrame(d.frame, "filter")
    }

    @Test("a refused mark: the question in the status line", arguments: sizes)
    func refusal(size: Size) {
        var d = Dashboard(size)
        d.open("jinshan-2026")
        d.press(c(" "))
        expectFrame(d.frame, "force-question")
    }

    @Test("a window below the minimum asks to be enlarged")
    func tooSmall() {
        expectFrame(Dashboard(Size(width: 30, height: 8)).frame, "too-small")
    }
}
