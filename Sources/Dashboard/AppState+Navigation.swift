import PlanModel
import TerminalKit

/// Moving between screens and through their lists, and keeping every cursor valid.
extension AppState {
    /// Applies `change` to the cursor of the current screen's list.
    private mutating func moveCursor(_ change: (inout ListCursor) -> Void) {
        switch screen {
        case .plans: change(&planCursor)
        case .plan:
            if focus == .pillars {
                let old = pillarCursor.row
                change(&pillarCursor)
                if pillarCursor.row != old { measureCursor = ListCursor(count: listedMeasures.count, visibleRows: layout.listRows) }
            } else {
                change(&measureCursor)
            }
        case .measure:
            change(&checklistCursor)
            revealChecklistRow()
        case .workload:
            if var state = workload { change(&state.cursor); workload = state }
        case .unitMeasures:
            if var state = workload { change(&state.measureCursor); workload = state }
        }
    }

    mutating func move(by delta: Int) { moveCursor { $0.move(by: delta) } }

    mutating func moveToEnd(bottom: Bool) { moveCursor { bottom ? $0.moveToBottom() : $0.moveToTop() } }

    /// PgUp/PgDn: lists move their cursor a page; the measure screen scrolls its document.
    mutating func page(by pages: Int) {
        switch screen {
        case .measure: measureScroll = max(0, measureScroll + pages * max(1, layout.listRows - 1))
        case .plans, .plan, .workload, .unitMeasures: moveCursor { $0.page(by: pages) }
        }
    }

    mutating func open() -> [Effect] {
        switch screen {
        case .plans:
            guard currentPlan != nil else { return [] }
            showPlan(planCursor.row)
        case .plan:
            if focus == .pillars {
                if !listedMeasures.isEmpty { focus = .measures }
            } else {
                return openMeasure(from: .plan)
            }
        case .workload: drillIntoUnit()
        case .unitMeasures: return openDrilledMeasure()
        case .measure: return openRelated()
        }
        return []
    }

    mutating func back() -> [Effect] {
        switch screen {
        case .plans: break
        case .plan: screen = .plans
        case .measure:
            if let effects = returnFromRelated() { return effects }
            screen = measureOrigin; history = []; suggestions = nil
        case .workload: screen = workload?.origin ?? .plans; workload = nil
        case .unitMeasures:
            if workload?.isHome == true {
                screen = .plans
                workload = nil
            } else {
                screen = .workload
                workload?.unit = nil
            }
        }
        return []
    }

    /// Opens a plan's screen directly (`duban --plan ID`); false when no plan has that id.
    public mutating func openPlan(_ id: String) -> Bool {
        guard let index = workspace.plans.firstIndex(where: { $0.id == id }) else { return false }
        showPlan(index)
        normalize()
        return true
    }

    /// The plan screen of plan `index`, on its first pillar and measure.
    private mutating func showPlan(_ index: Int) {
        planCursor.select(index)
        screen = .plan
        pillarCursor = ListCursor(count: currentPlan?.pillars.count ?? 0, visibleRows: layout.listRows)
        measureCursor = ListCursor(count: listedMeasures.count, visibleRows: layout.listRows)
        focus = listedMeasures.isEmpty ? .pillars : .measures
    }

    /// Puts the plan screen's cursors on measure `measure` of a plan's pillar,
    /// clearing a filter that hides it.
    mutating func select(plan: Int, pillar: Int, measure: Int) {
        planCursor.select(plan)
        pillarCursor.fit(count: currentPlan?.pillars.count ?? 0, visibleRows: layout.listRows)
        pillarCursor.select(pillar)
        if !listedMeasures.contains(measure) { filter = MeasureFilter() }
        let listed = listedMeasures
        measureCursor.fit(count: listed.count, visibleRows: layout.listRows)
        measureCursor.select(listed.firstIndex(of: measure) ?? 0)
        focus = .measures
    }

    mutating func select(_ location: Workspace.Location) {
        select(plan: location.plan, pillar: location.pillar, measure: location.measure)
    }

    /// Shows the selected measure and asks for what the screen needs from the store.
    mutating func openMeasure(from origin: Screen) -> [Effect] {
        guard let measure = selectedMeasure else { return [] }
        screen = .measure
        measureOrigin = origin
        measureTrail = []
        checklistCursor = ListCursor()
        measureScroll = 0; history = []
        if suggestions?.measure != measure.id { suggestions = nil }
        return [.loadHistory(measure: measure.id), .loadSuggestions(measure: measure.id)]
    }

    /// Enter on a related measure of the measure screen: that measure; Esc comes back here.
    mutating func openRelated() -> [Effect] {
        guard let related = selectedRelated, let current = selectedMeasure,
              let location = workspace.location(of: related.measureId) else { return [] }
        let visit = MeasureVisit(measure: current.id, checklistCursor: checklistCursor, scroll: measureScroll, suggestions: suggestions)
        let trail = measureTrail
        select(location)
        let effects = openMeasure(from: measureOrigin)
        measureTrail = trail + [visit]
        return effects
    }

    /// Esc after a related measure: the measure it was opened from, cursor and scroll as they were.
    mutating func returnFromRelated() -> [Effect]? {
        guard let visit = measureTrail.last, let location = workspace.location(of: visit.measure) else { return nil }
        let trail = measureTrail.dropLast()
        select(location)
        suggestions = visit.suggestions
        let effects = openMeasure(from: measureOrigin)
        measureTrail = Array(trail)
        checklistCursor = visit.checklistCursor
        measureScroll = visit.scroll
        return effects
    }

    // MARK: Keeping cursors valid

    /// Fits every cursor to its list and the window, and the measure screen's
    /// scroll to its document.
    mutating func normalize() {
        let rows = layout.listRows
        helpOffset = showsHelp ? max(0, min(helpOffset, helpGrid.maxOffset)) : 0
        planCursor.fit(count: workspace.plans.count, visibleRows: rows)
        pillarCursor.fit(count: currentPlan?.pillars.count ?? 0, visibleRows: rows)
        measureCursor.fit(count: listedMeasures.count, visibleRows: rows)
        if var state = workload {
            state.cursor.fit(count: state.rows.count, visibleRows: rows)
            state.measureCursor.fit(count: state.measures.count, visibleRows: rows)
            workload = state
        }
        if var current = picker {
            let options = current.options(directory: directory).count
            current.cursor.fit(count: options, visibleRows: layout.pickerRows(options: options, kind: current.kind))
            picker = current
        }
        switch screen {
        case .measure:
            guard selectedMeasure != nil else { screen = .plan; return }
            // The whole checklist is in the document: the document scrolls, not the checklist.
            let count = checklist.count
            checklistCursor.fit(count: count, visibleRows: count)
            let lines = MeasureDocument(self, width: layout.body.width).lines.count
            measureScroll = max(0, min(measureScroll, lines - layout.body.height))
        case .plan:
            if focus == .measures, measureCursor.count == 0 { focus = .pillars }
        case .plans, .workload, .unitMeasures:
            break
        }
    }

    /// Scrolls the measure screen so that the line where the cursor's row starts shows.
    private mutating func revealChecklistRow() {
        guard let row = checklistRow else { return }
        let document = MeasureDocument(self, width: layout.body.width)
        guard let line = document.firstLine(of: row) else { return }
        measureScroll = Table.offset(showing: line, visibleRows: layout.body.height, current: measureScroll,
                                     rowCount: document.lines.count)
    }

    // MARK: Help

    /// The help overlay's layout for the current screen and window.
    var helpGrid: HelpGrid {
        HelpGrid(bindings: KeyMap.bindings(for: screen, searching: search.isActive), language: language,
                         in: Rect(size: size))
    }

    /// While the help shows, ↑/↓/PgUp/PgDn (and the wheel) scroll it; any other key closes it.
    mutating func scrollHelp(_ key: Key) {
        let page = max(1, helpGrid.visibleRows - 1)
        switch key {
        case .up: helpOffset -= 1
        case .down: helpOffset += 1
        case .pageUp: helpOffset -= page
        case .pageDown: helpOffset += page
        case let .mouse(event) where event.kind == .wheelUp: helpOffset -= 3
        case let .mouse(event) where event.kind == .wheelDown: helpOffset += 3
        default: showsHelp = false
        }
    }
}
