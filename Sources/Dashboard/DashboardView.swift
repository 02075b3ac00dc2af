import PlanModel
import TerminalKit

/// Draws the whole dashboard for a state: title bar, the current screen, the
/// status line (or the prompt being typed), the key-hint footer and the help
/// overlay. A pure function of the state.
public enum DashboardView {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(size: state.size)
        render(state, on: &canvas)
        return canvas
    }

    public static func render(_ state: AppState, on canvas: inout Canvas) {
        let layout = state.layout
        let language = state.language
        canvas.fill(canvas.bounds, slot: .text)
        if layout.isTooSmall {
            drawTooSmall(state, on: &canvas)
            return
        }
        drawTitleBar(state, in: layout.titleBar, on: &canvas)
        switch state.screen {
        case .plans: PlansScreen(state: state).render(in: layout.body, on: &canvas)
        case .plan: PlanScreen(state: state).render(in: layout.body, on: &canvas)
        case .measure: MeasureScreen(state: state).render(in: layout.body, on: &canvas)
        case .workload: WorkloadScreen(state: state).render(in: layout.body, on: &canvas)
        case .unitMeasures: UnitMeasuresScreen(state: state).render(in: layout.body, on: &canvas)
        }
        drawStatusLine(state, in: layout.statusLine, on: &canvas)
        let bindings = KeyMap.bindings(for: state.screen, searching: state.search.isActive)
        if let picker = state.picker {
            KeyHintBar(hints: KeyMap.picker(picker.kind).map { (key: $0.key.name, label: $0.label.text(language)) })
                .render(in: layout.footer, on: &canvas)
        } else if state.prompt != nil {
            KeyHintBar(hints: [(key: Key.enter.name, label: Label.confirm.text(language)),
                               (key: Key.escape.name, label: Label.cancel.text(language))])
                .render(in: layout.footer, on: &canvas)
        } else {
            let shown = bindings.filter(\.inFooter).map { (key: $0.keys[0].name, label: $0.label.text(language)) }
            let pinned: Set<String> = [Key.character("?").name, Key.character("q").name]
            KeyHintBar(hints: shown.filter { !pinned.contains($0.key) }, trailing: shown.filter { pinned.contains($0.key) })
                .render(in: layout.footer, on: &canvas)
        }
        if let picker = state.picker {
            UnitPickerOverlay(picker: picker, state: state).render(in: layout.body, on: &canvas)
        }
        if state.showsHelp {
            HelpOverlay(bindings: bindings, language: language, screenTitle: screenTitle(state), offset: state.helpOffset)
                .render(in: canvas.bounds, on: &canvas)
        }
    }

    static func screenTitle(_ state: AppState) -> String {
        let language = state.language
        switch state.screen {
        case .plans: return Label.plans.text(language)
        case .plan: return state.currentPlan?.title ?? Label.plan.text(language)
        case .measure:
            guard let measure = state.selectedMeasure else { return Label.measure.text(language) }
            return "\(state.shortID(measure.id)) \(measure.title)"
        case .workload:
            let plan = state.workload?.plan.flatMap { state.workspace.plan($0)?.title }
            return Label.workload.text(language) + (plan.map { " · \($0)" } ?? "")
        case .unitMeasures:
            // The home screen is the unit's own (`duban --unit`): its name and how many measures it takes part in.
            guard let workload = state.workload, let row = workload.unit else { return Label.workload.text(language) }
            if workload.isHome { return "\(row.unit.name) · " + language.pick("\(row.total) measures", "\(row.total) 项措施") }
            return Label.workload.text(language) + " · \(row.unit.name)"
        }
    }

    private static func drawTitleBar(_ state: AppState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, slot: .title)
        // Who is recording, where there is room for it beside the day.
        let who = ([state.officer] + [state.unit].compactMap { $0 }).filter { !$0.isEmpty }
        let running = Job.allCases.filter(state.jobs.contains).map { $0.label.text(state.language) }
        let right = (running + (state.readOnly ? [Label.readOnly.text(state.language)] : []) + (rect.width >= 80 ? who : []))
            .map { $0 + " · " }.joined() + state.today.description
        let rightWidth = DisplayWidth.of(right)
        let left = " \(Label.appTitle.text(state.language)) · \(screenTitle(state))"
        canvas.write(TextLayout.truncate(left, toWidth: rect.width - rightWidth - 2), column: rect.column, row: rect.row, slot: .title)
        canvas.write(right, column: rect.endColumn - rightWidth - 1, row: rect.row, slot: .title)
    }

    private static func drawStatusLine(_ state: AppState, in rect: Rect, on canvas: inout Canvas) {
        let language = state.language
        if let prompt = state.prompt {
            canvas.fill(rect, slot: .prompt)
            // What the prompt changes, named: `备注 → 3.2.2 全面落实无缝续贷…: `.
            let named = prompt.target.map { target in
                let title = state.workspace.title(of: target) ?? ""
                return " → \(state.shortID(target)) " + TextLayout.truncate(title, toWidth: max(4, min(24, rect.width / 4)))
            } ?? ""
            let head = " \(prompt.label.text(language))\(named): "
            let headWidth = DisplayWidth.of(head)
            canvas.write(head, column: rect.column, row: rect.row, slot: .prompt)
            // Long input shows around the cursor, where the typing happens.
            canvas.write(prompt.editor.shown(width: rect.width - headWidth - 1), column: rect.column + headWidth, row: rect.row,
                         slot: .prompt)
            // No count while the index builds (the title bar says so).
            if case .search = prompt.kind, !state.search.query.isEmpty, state.searchIndex != nil {
                let count = matchCount(state)
                canvas.write(count, column: rect.endColumn - DisplayWidth.of(count) - 1, row: rect.row, slot: .search)
            }
            return
        }
        var left = ""
        var slot: StyleSlot = .statusline
        if let message = state.message {
            left = message.text
            slot = message.isError ? .messageError : .messageInfo
        } else if state.search.isActive {
            left = "/\(state.search.query)  \(matchCount(state))"
            slot = .search
        } else if !state.filter.isEmpty, state.screen == .plan {
            left = "\(Label.filterIs.text(language)): \(state.filter.summary(language))  (\(Label.filterHint.text(language)))"
        }
        StatusLine(left: left, leftSlot: slot, right: position(state)).render(in: rect, on: &canvas)
    }

    private static func matchCount(_ state: AppState) -> String {
        let search = state.search
        guard !search.matches.isEmpty else { return Label.noMatch.text(state.language) }
        return "\((search.current ?? 0) + 1)/\(search.matches.count) \(Label.matches.text(state.language))"
    }

    /// Where the cursor is, e.g. `3/12`.
    private static func position(_ state: AppState) -> String {
        switch state.screen {
        case .plans:
            return state.workspace.plans.isEmpty ? "" : "\(state.planCursor.row + 1)/\(state.workspace.plans.count)"
        case .plan:
            let count = state.listedMeasures.count
            return count == 0 ? "" : "\(state.measureCursor.row + 1)/\(count)"
        case .measure:
            // The task under the cursor of all tasks; 0 on the measure, all of them below the tasks.
            guard let measure = state.selectedMeasure else { return "" }
            let task: Int
            switch state.checklistRow {
            case .measure, nil: task = 0
            case let .task(i): task = i + 1
            case .suggestion, .related, .note: task = measure.tasks.count
            }
            return "\(task)/\(measure.tasks.count)"
        case .workload:
            guard let workload = state.workload, !workload.rows.isEmpty else { return "" }
            return "\(workload.cursor.row + 1)/\(workload.rows.count)"
        case .unitMeasures:
            guard let workload = state.workload, !workload.measures.isEmpty else { return "" }
            return "\(workload.measureCursor.row + 1)/\(workload.measures.count)"
        }
    }

    private static func drawTooSmall(_ state: AppState, on canvas: inout Canvas) {
        let minimum = Layout.minimumSize
        let lines = [Label.enlarge.text(state.language),
                     "\(state.size.width)×\(state.size.height) < \(minimum.width)×\(minimum.height)"]
        let top = max(0, state.size.height / 2 - 1)
        for (i, line) in lines.enumerated() {
            let text = TextLayout.truncate(line, toWidth: state.size.width)
            let column = max(0, (state.size.width - DisplayWidth.of(text)) / 2)
            canvas.write(text, column: column, row: top + i, slot: i == 0 ? .messageError : .text)
        }
    }
}
