import Foundation
import PlanModel
import Testing
import TerminalKit
import TestSupport
@testable import Dashboard

/// The workload screen and its drill-down, the unit picker and unit suggestions.
@Suite("Workload, units and suggestions")
struct WorkloadTests {
    static let sizes = [Size(width: 100, height: 30), Size(width: 60, height: 20)]
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func state(_ workspace: Workspace = FixturePlans.workspace, size: Size = Size(width: 100, height: 30)) -> AppState {
        AppState(workspace: workspace, today: FixturePlans.today, language: .en, size: size)
    }

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects = state.apply(.key(key)) }
        return effects
    }

    func type(_ state: inout AppState, _ text: String) {
        for key in ScreenText.keys(typing: text) { _ = state.apply(.key(key)) }
    }

    func c(_ character: Character) -> Key { .character(character) }

    @Test("the unit home follows the store: a measure assigned the unit joins its list and its count, unassigned it leaves")
    func homeFollowsUnits() throws {
        var s = state()
        let opened = s.openUnitHome("区市场监管局")
        #expect(opened)
        let before = try #require(s.workload?.measures)
        let district = try #require(s.workload?.unit?.unit.district)
        let outsider = try #require(s.workspace.plans.first { $0.districtKey == district }?.measures.first { !before.contains($0.id) })
        _ = s.apply(.recorded([Event(id: "e1", time: t0, officer: "wang", target: outsider.id,
                                     change: .assign(unit: "区市场监管局", role: .support, previous: nil))]))
        #expect(s.workload?.measures.contains(outsider.id) == true)
        #expect(s.workload?.unit?.total == before.count + 1 && s.workload?.measures.count == before.count + 1)
        _ = s.apply(.recorded([Event(id: "e2", time: t0.addingTimeInterval(1), officer: "wang", target: outsider.id,
                                     change: .unassign(unit: "区市场监管局", previous: .support))]))
        #expect(s.workload?.measures == before && s.workload?.unit?.total == before.count)
    }

    @Test("the unit index finds every unit with the same measures, counts and name as the workload screen's count")
    func unitIndexAgreesWithWorkload() {
        var workspace = FixturePlans.workspace
        workspace.apply(Event(id: "e1", time: t0, officer: "wang", target: "jinshan-2026:1.1",
                              change: .assign(unit: "区司法局", role: .lead, previous: nil)))
        let index = UnitIndex(workspace: workspace, directory: UnitDirectory())
        let rows = index.entries.map { $0.members(in: workspace, plan: nil, today: FixturePlans.today, utcOffset: 0).row }
        let counted = Workload(workspace: workspace, directory: UnitDirectory(), today: FixturePlans.today).rows
        #expect(rows.count == counted.count && rows.count > 10)
        for row in counted { #expect(rows.contains(row), "\(row.unit.name)") }
        let measures = index.entries.first { $0.unit.canonicalName == "区司法局" && $0.unit.district == "jinshan" }?.places.map { place in
            workspace.plans[place.plan].pillars[place.pillar].measures[place.measure].id
        }
        #expect(measures == workspace.measures(naming: "区司法局", district: "jinshan", directory: UnitDirectory()).map(\.id))
    }

    @Test("a unit's list takes its lights from today: a later day makes every open measure with a due date overdue")
    func homeLightsFollowToday() throws {
        var s = state()
        s.today = try #require(Day(year: 2026, month: 1, day: 2))
        let opened = s.openUnitHome("区市场监管局")
        #expect(opened)
        let members = try #require(s.workload?.members)
        let dueLater = { (m: UnitMember) in m.status != .done && m.schedule.end != nil && !m.isOverdue }
        #expect(members.contains(where: dueLater))
        s.today = try #require(Day(year: 2099, month: 1, day: 1))
        #expect(s.workload?.members.contains(where: dueLater) == false)
        #expect(s.workload?.unit?.overdue == s.workload?.members.filter(\.isOverdue).count)
    }

    @Test("the unit filter matches part of a unit's name, byte for byte")
    func unitFilterContains() {
        #expect(MeasureFilter.contains("区发改委", "发改"))
        #expect(MeasureFilter.contains("区发改委", "区发改委"))
        #expect(!MeasureFilter.contains("区发改委", "改发"))
        #expect(!MeasureFilter.contains("发改", "区发改委"))
        #expect(MeasureFilter(parsing: "市场").admits(status: .todo, isOverdue: false, units: [UnitRef(name: "区市场监管局", role: .lead)]))
        #expect(!MeasureFilter(parsing: "税务").admits(status: .todo, isOverdue: false, units: [UnitRef(name: "区市场监管局", role: .lead)]))
    }

    @Test("the workload screen: one row per unit with its bar, counts, overdue as !n and led, aligned", arguments: sizes)
    func picture(size: Size) throws {
        var s = state(size: size)
        _ = press(&s, c("w"))
        let canvas = DashboardView.render(s)
        let screen = canvas.lines
        #expect(screen.count == size.height && screen.allSatisfy { DisplayWidth.of($0) == size.width })
        let layout = s.layout
        #expect(s.workload?.rows.count == 18) // 13 jinshan units, 4 minhang, 1 jiading: units are per district
        let shown = min(18, layout.listRows)
        let rows = Array(screen[(layout.body.row + 1)..<(layout.body.row + 1 + shown)])
        // 区市场监管局 (jinshan): 2.1 todo and overdue, 2.2 blocked; leads both.
        let index = try #require(rows.firstIndex { $0.hasPrefix("区市场监管局") })
        let row = rows[index]
        let wide = size.width >= 80
        #expect(row.hasSuffix(wide ? "2      0      0       1    1      !1    2" : "2   0   0   1   1  !1    2"), "\(row)")
        // Bar length: total 2 of the largest total 3 (区经委); blocked then todo, one glyph each.
        #expect(row.contains(wide ? " ▒▒▒▒▒▒▒░░░░░░ " : " ▒▒▒░░ "), "\(row)")
        let slots = canvas.slots(row: layout.body.row + 1 + index)
        let overdue = try #require(ScreenText.column(of: "!1", in: row))
        #expect(slots[overdue] == .statusOverdue && slots[overdue + 1] == .statusOverdue)
        let bar = try #require(ScreenText.column(of: "▒", in: row))
        #expect(slots[bar] == .statusBlocked)
        // Every row's bar starts and its counts end in the same display columns, whatever the name's width.
        let barStarts = rows.compactMap { line in ["█", "▓", "▒", "░"].compactMap { ScreenText.column(of: $0, in: line) }.min() }
        #expect(barStarts.count == rows.count && Set(barStarts).count == 1, "\(rows)")
        #expect(Set(rows.map(ScreenText.rightEdge)) == [size.width])
        #expect(screen[0].contains("Workload"))
        #expect(screen.last?.contains("o sort") == true)
    }

    @Test("w opens the workload of all plans or of the open plan; o cycles the order; Enter drills down; Esc goes back")
    func navigation() throws {
        var s = state()
        _ = press(&s, c("w"))
        #expect(s.screen == .workload && s.workload?.plan == nil && s.workload?.order == .open)
        #expect(s.workload?.rows.first?.unit.name == "区经委") // 3 open, the most
        _ = press(&s, .escape)
        #expect(s.screen == .plans && s.workload == nil)
        _ = s.openPlan("jinshan-2026")
        _ = press(&s, c("w"))
        #expect(s.workload?.plan == "jinshan-2026" && s.workload?.rows.count == 13)
        _ = press(&s, c("o"))
        #expect(s.workload?.order == .overdue && s.message == Message("Sorted: most overdue first"))
        #expect(s.workload?.rows.first?.unit.name == "区市场监管局")
        _ = press(&s, c("o"), c("o"), c("o"))
        #expect(s.workload?.order == .open)
        _ = press(&s, c("o"))
        #expect(s.workload?.rows[s.workload?.cursor.row ?? 0].unit.name == "区经委") // the cursor stays on its unit
        _ = press(&s, c("g"), .enter)
        #expect(s.screen == .unitMeasures && s.workload?.measures == ["jinshan-2026:2.1", "jinshan-2026:2.2"])
        #expect(DashboardView.render(s).lines.contains { $0.contains("2.2 ✗ 优化监管检查") && $0.contains("lead") })
        let effects = press(&s, c("j"), .enter)
        #expect(effects == [.loadHistory(measure: "jinshan-2026:2.2"), .loadSuggestions(measure: "jinshan-2026:2.2")])
        #expect(s.screen == .measure && s.selectedMeasure?.id == "jinshan-2026:2.2")
        _ = press(&s, .escape)
        #expect(s.screen == .unitMeasures && s.workload?.measureCursor.row == 1)
        _ = press(&s, .escape)
        #expect(s.screen == .workload && s.workload?.unit == nil)
        _ = press(&s, .escape)
        #expect(s.screen == .plan && s.currentPlan?.id == "jinshan-2026")
    }

    @Test("a assigns a unit picked by typing (aliases count), Tab toggles the role, a new name is created, a composite one refused")
    func assign() {
        var s = state()
        _ = s.openPlan("jinshan-2026") // 1.1: 区发改委 leads, 区政务服务办 supports
        _ = press(&s, c("a"))
        #expect(s.picker?.kind == .assign && s.picker?.role == .support)
        #expect(s.picker?.names.contains("区司法局") == true && s.picker?.names.contains("区发展和改革委员会") == false)
        type(&s, "发展和改革")
        #expect(s.picker?.options(directory: s.directory).first == "区发改委")
        _ = press(&s, .control("u"))
        type(&s, "司法")
        var effects = press(&s, .enter)
        #expect(effects == [.record(target: "jinshan-2026:1.1", changes: [.assign(unit: "区司法局", role: .support, previous: nil)])])
        #expect(s.picker == nil)
        _ = press(&s, c("a"))
        type(&s, "区营商办")
        #expect(s.picker?.options(directory: s.directory) == ["区营商办"] && s.picker?.newName(directory: s.directory) == "区营商办")
        #expect(DashboardView.render(s).lines.contains { $0.contains("+ new unit: 区营商办") })
        effects = press(&s, .tab, .enter)
        #expect(effects == [.record(target: "jinshan-2026:1.1", changes: [.assign(unit: "区营商办", role: .lead, previous: nil)])])
        _ = press(&s, c("a"))
        type(&s, "甲、乙")
        effects = press(&s, .enter)
        #expect(effects == [] && s.picker != nil && s.message?.isError == true)
        _ = press(&s, .escape)
        #expect(s.picker == nil)
        // The unit already has that role: nothing is recorded, and it says so.
        effects = press(&s, c("a"), .control("u"))
        type(&s, "区发改委")
        effects = press(&s, .tab, .enter)
        #expect(effects == [] && s.message == Message("区发改委: already assigned (lead)"))
    }

    @Test("typing in the picker puts the cursor back on the first matching name; ↑ stops at the top; the editing keys edit")
    func pickerCursor() {
        var s = state()
        _ = s.openPlan("jinshan-2026")
        _ = press(&s, c("a"), .down, .down, .down)
        #expect(s.picker?.cursor.row == 3)
        type(&s, "区")
        #expect(s.picker?.cursor.row == 0)
        _ = press(&s, .up)
        #expect(s.picker?.cursor.row == 0)
        type(&s, "司x法")
        _ = press(&s, .left, .backspace)
        #expect(s.picker?.editor.text == "区司法" && s.picker?.options(directory: s.directory).first == "区司法局")
        #expect(s.picker?.cursor.row == 0)
        #expect(press(&s, .enter) == [.record(target: "jinshan-2026:1.1", changes: [.assign(unit: "区司法局", role: .support, previous: nil)])])
    }

    @Test("A removes one of the measure's units, picked from its list")
    func remove() {
        var s = state()
        _ = s.openPlan("jinshan-2026")
        _ = press(&s, .enter, c("A"))
        #expect(s.picker?.kind == .remove && s.picker?.names == ["区发改委", "区政务服务办"])
        let effects = press(&s, .down, .enter)
        #expect(effects == [.record(target: "jinshan-2026:1.1", changes: [.unassign(unit: "区政务服务办", previous: .support)])])
    }

    /// The fixtures with jiading-2026:1.1's only unit removed: a measure without units.
    var unitless: Workspace {
        var workspace = FixturePlans.workspace
        workspace.apply(Event(id: "u", time: t0, officer: "li", target: "jiading-2026:1.1",
                              change: .unassign(unit: "区政务服务办", previous: .lead)))
        return workspace
    }

    @Test("a measure without units shows suggested units and related measures; y accepts the selected or the first")
    func suggestions() throws {
        let workspace = unitless
        var s = state(workspace)
        _ = s.openPlan("jiading-2026")
        #expect(press(&s, .enter) == [.loadHistory(measure: "jiading-2026:1.1"), .loadSuggestions(measure: "jiading-2026:1.1")])
        #expect(press(&s, c("y")) == [] && s.message == Message("No suggested units", isError: true))
        let index = SimilarityIndex(workspace: workspace)
        let measure = try #require(workspace.measure("jiading-2026:1.1"))
        let found = MeasureSuggestions(measure: measure.id, related: workspace.relatedMeasures(to: measure, index: index),
                                       units: workspace.suggestedUnits(for: measure, index: index, directory: s.directory))
        #expect(found.units.count >= 2 && found.units[0].source.measureId == "jinshan-2026:1.1")
        _ = s.apply(.suggestions(found))
        let all = DashboardView.render(s).lines.joined(separator: "\n")
        #expect(all.contains("Suggested units (y accepts)"))
        #expect(all.contains("+ \(found.units[0].name)（\(found.units[0].role.rawValue)）  like jinshan-2026:1.1 拓展“一件事”集成服务"))
        #expect(all.contains("Related measures in other plans (Enter opens)"))
        #expect(all.contains("◐ jinshan-2026:1.1 拓展“一件事”集成服务  doing"))
        #expect(press(&s, c("y")) == [.record(target: measure.id, changes: [.assign(unit: found.units[0].name, role: found.units[0].role, previous: nil)])])
        // Below the two tasks: the suggestions, one cursor row each.
        #expect(press(&s, c("j"), c("j"), c("j"), c("j"), c("y")) == [.record(target: measure.id, changes: [.assign(unit: found.units[1].name, role: found.units[1].role, previous: nil)])])
        #expect(press(&s, c(" ")) == []) // a suggestion row is not a status target
    }

    @Test("y assigns through the shared change rules: a composite suggested name is refused with the rule's reason")
    func acceptThroughRules() throws {
        var s = state(unitless)
        _ = s.openPlan("jiading-2026")
        _ = press(&s, .enter)
        let id = "jiading-2026:1.1"
        let source = RelatedMeasure(measureId: "jinshan-2026:1.1", planId: "jinshan-2026", title: "拓展“一件事”集成服务", status: .doing, score: 0.5)
        _ = s.apply(.suggestions(MeasureSuggestions(measure: id, related: [], units: [
            UnitSuggestion(name: "区发改委、区经委", role: .lead, source: source, score: 1),
            UnitSuggestion(name: "区发展和改革委员会", role: .support, source: source, score: 0.5),
        ])))
        #expect(press(&s, c("y")) == [])
        #expect(s.message == Message("区发改委、区经委: one unit at a time (no 、 , ， ; ；)", isError: true))
        // The next suggestion is a single unit: accepted as suggested.
        _ = press(&s, c("j"), c("j"), c("j"), c("j"))
        #expect(s.checklistRow == .suggestion(1))
        #expect(press(&s, c("y")) == [.record(target: id, changes: [.assign(unit: "区发展和改革委员会", role: .support, previous: nil)])])
    }

    /// What the executable answers to `.loadSuggestions` for the open measure.
    func suggestions(for id: String, in s: AppState) throws -> MeasureSuggestions {
        let index = SimilarityIndex(workspace: s.workspace)
        let measure = try #require(s.workspace.measure(id))
        return MeasureSuggestions(measure: id, related: s.workspace.relatedMeasures(to: measure, index: index),
                                  units: s.workspace.suggestedUnits(for: measure, index: index, directory: s.directory))
    }

    @Test("Enter on a related measure opens it, at both sizes; Esc goes back to the measure it came from, cursor kept",
          arguments: sizes)
    func openRelated(size: Size) throws {
        var s = state(size: size)
        _ = s.openPlan("jiading-2026")
        _ = press(&s, .enter)
        let found = try suggestions(for: "jiading-2026:1.1", in: s)
        #expect(found.related.first?.measureId == "jinshan-2026:1.1")
        _ = s.apply(.suggestions(found))
        #expect(s.shownSuggestions.isEmpty) // the measure has its units: no suggestions between tasks and related
        // The measure, its tasks, then the related measures: the cursor walks onto them.
        let tasks = try #require(s.selectedMeasure).tasks.count
        for _ in 0...tasks { _ = press(&s, c("j")) }
        #expect(s.checklistRow == .related(0))
        #expect(DashboardView.render(s).lines.contains { $0.hasPrefix("▸◐ jinshan-2026:1.1 拓展“一件事”集成服务") })
        #expect(press(&s, c(" ")) == []) // a related row is not a status target
        #expect(press(&s, .enter) == [.loadHistory(measure: "jinshan-2026:1.1"), .loadSuggestions(measure: "jinshan-2026:1.1")])
        #expect(s.screen == .measure && s.selectedMeasure?.id == "jinshan-2026:1.1" && s.checklistRow == .measure)
        #expect(DashboardView.render(s).lines[0].contains("1.1 拓展“一件事”集成服务"))
        // One more step: from there to one of its related measures, then back twice.
        let next = try suggestions(for: "jinshan-2026:1.1", in: s)
        _ = s.apply(.suggestions(next))
        let second = try #require(next.related.first { $0.measureId != "jiading-2026:1.1" })
        let row = try #require(next.related.firstIndex(of: second))
        for _ in 0...(s.selectedMeasure?.tasks.count ?? 0) + row { _ = press(&s, .down) }
        #expect(press(&s, .enter) == [.loadHistory(measure: second.measureId), .loadSuggestions(measure: second.measureId)])
        #expect(s.selectedMeasure?.id == second.measureId)
        #expect(press(&s, .escape) == [.loadHistory(measure: "jinshan-2026:1.1"), .loadSuggestions(measure: "jinshan-2026:1.1")])
        #expect(s.screen == .measure && s.selectedMeasure?.id == "jinshan-2026:1.1")
        #expect(press(&s, .escape) == [.loadHistory(measure: "jiading-2026:1.1"), .loadSuggestions(measure: "jiading-2026:1.1")])
        #expect(s.screen == .measure && s.selectedMeasure?.id == "jiading-2026:1.1" && s.checklistRow == .related(0))
        #expect(press(&s, .escape) == [])
        #expect(s.screen == .plan && s.currentPlan?.id == "jiading-2026" && s.selectedMeasure?.id == "jiading-2026:1.1")
    }
}
