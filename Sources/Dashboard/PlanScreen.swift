import PlanModel
import TerminalKit

/// One plan: its pillars on the left with their progress, the selected pillar's
/// measures on the right with status, task progress, units and the light of
/// their 序时进度 with the days left or late.
struct PlanScreen: Widget {
    let state: AppState

    func render(in rect: Rect, on canvas: inout Canvas) {
        guard let plan = state.currentPlan else { return }
        let layout = state.layout
        let pillars = Rect(column: rect.column, row: rect.row, width: layout.pillarWidth, height: rect.height)
        let measures = Rect(column: layout.separatorColumn + 1, row: rect.row,
                            width: rect.endColumn - layout.separatorColumn - 1, height: rect.height)
        renderPillars(plan, in: pillars, on: &canvas)
        for row in rect.row..<rect.endRow {
            canvas.write("│", column: layout.separatorColumn, row: row, slot: .border)
        }
        renderMeasures(in: measures, on: &canvas)
    }

    private func renderPillars(_ plan: Plan, in rect: Rect, on canvas: inout Canvas) {
        let workspace = state.workspace
        let numberWidth = min(4, plan.pillars.map { DisplayWidth.of($0.number) }.max() ?? 2)
        let countWidth = CountWidth.fraction(largest: plan.pillars.map(\.measures.count).max() ?? 0, minimum: 5)
        let table = Table(columns: [.init(.fixed(numberWidth)), .init(.flexible(minimum: 4)), .init(.fixed(countWidth), alignment: .trailing)],
                          header: ["", Label.pillar.heading(state.language), ""],
                          rowCount: plan.pillars.count, offset: state.pillarCursor.offset, selected: state.pillarCursor.row,
                          selectionSlot: state.focus == .pillars ? .selection : .selectionInactive) { index in
            let pillar = plan.pillars[index]
            // While a filter is on: how many measures pass it, of all (highlighted); else done of all.
            if !state.filter.isEmpty {
                let shown = state.listedMeasures(of: index).count
                return [Table.Item(pillar.number, .textMuted), Table.Item(pillar.title, shown == 0 ? .textMuted : .text),
                        Table.Item("\(shown)/\(pillar.measures.count)", shown == 0 ? .textMuted : .searchMatch)]
            }
            let done = pillar.measures.count { workspace.status(of: $0) == .done }
            let complete = done == pillar.measures.count && done > 0
            return [Table.Item(pillar.number, .textMuted), Table.Item(pillar.title),
                    Table.Item("\(done)/\(pillar.measures.count)", complete ? .statusDone : .textMuted)]
        }
        table.render(in: rect, on: &canvas)
    }

    /// What the schedule column holds at a pane width: the date alone when narrow,
    /// what is left or late from 64 columns, both from 84.
    struct ScheduleColumn: Equatable {
        var date: Bool
        var remaining: Bool

        init(width: Int) {
            remaining = width >= 64
            date = !remaining || width >= 84
        }

        /// Wide enough for `! 12-31 逾期 365 天` (or `! 12-31 365 days late`).
        func width(_ language: Language) -> Int {
            2 + (date ? 5 : 0) + (date && remaining ? 1 : 0)
                + (remaining ? DisplayWidth.of(language.pick("365 days late", "逾期 365 天")) : 0)
        }
    }

    /// Column layout of the measure list for a pane width. The units column (from a 50-column pane, so at
    /// 80 columns) grows with the window up to what the longest units need, taking at most a third of what the
    /// fixed columns leave: the title keeps the rest.
    static func columns(width: Int, labelWidth: Int, tasksWidth: Int, unitsWidth: Int, language: Language)
        -> (columns: [Table.Column], units: Bool, schedule: ScheduleColumn) {
        let units = width >= 50 && unitsWidth > 0
        let schedule = ScheduleColumn(width: width)
        var columns: [Table.Column] = [.init(.fixed(labelWidth), alignment: .trailing), .init(.fixed(1)),
                                       .init(.flexible(minimum: 6)), .init(.fixed(tasksWidth), alignment: .trailing)]
        let left = width - labelWidth - 1 - tasksWidth - schedule.width(language) - 5
        if units { columns.append(.init(.fixed(max(8, min(unitsWidth, left / 3))))) }
        columns.append(.init(.fixed(schedule.width(language))))
        return (columns, units, schedule)
    }

    private func renderMeasures(in rect: Rect, on canvas: inout Canvas) {
        guard let pillar = state.currentPillar else { return }
        let language = state.language, workspace = state.workspace
        let listed = state.listedMeasures
        if listed.isEmpty {
            canvas.write(" " + Label.noMeasures.text(language), column: rect.column, row: rect.row + 1, slot: .textMuted,
                         limit: rect.width)
            return
        }
        let labelWidth = min(6, max(2, listed.map { DisplayWidth.of(pillar.measures[$0].label) }.max() ?? 2))
        let tasksWidth = CountWidth.fraction(largest: listed.map { pillar.measures[$0].tasks.count }.max() ?? 0, minimum: 5)
        let units = listed.map { PlanScreen.shortUnits(workspace.units(of: pillar.measures[$0]), first: state.filter.unit) }
        let (columns, showUnits, scheduleColumn) = PlanScreen.columns(
            width: rect.width, labelWidth: labelWidth, tasksWidth: tasksWidth,
            unitsWidth: units.map(DisplayWidth.of).max() ?? 0, language: language)
        var header = ["", "", Label.title.heading(language), Label.tasks.heading(language)]
        if showUnits { header.append(Label.units.heading(language)) }
        header.append(Label.due.heading(language))
        let highlight = state.search.highlight
        let table = Table(columns: columns, header: header, rowCount: listed.count, offset: state.measureCursor.offset,
                          selected: state.measureCursor.row, selectionSlot: state.focus == .measures ? .selection : .selectionInactive,
                          highlight: highlight) { index in
            let measure = pillar.measures[listed[index]]
            let status = workspace.status(of: measure)
            let progress = workspace.taskProgress(of: measure)
            var items = [Table.Item(measure.label, .textMuted),
                         Table.Item(StatusMark.glyph(status), StatusMark.slot(status)),
                         PlanScreen.titleItem(measure, state: state, searchable: true),
                         Table.Item(progress.total == 0 ? "–" : "\(progress.done)/\(progress.total)", .textMuted)]
            if showUnits { items.append(Table.Item(units[index], .textMuted)) }
            items.append(PlanScreen.scheduleItem(measure, state: state, column: scheduleColumn))
            return items
        }
        table.render(in: rect, on: &canvas)
    }

    /// The light with the date and what is left or late: `! 11-20 逾期 11 天`, `● 剩 5 天`;
    /// the date also when nothing is left to say (done on time).
    static func scheduleItem(_ measure: Measure, state: AppState, column: ScheduleColumn) -> Table.Item {
        let schedule = state.workspace.schedule(of: measure, today: state.today, utcOffset: state.utcOffset)
        guard let end = schedule.end else { return Table.Item("") }
        let remaining = column.remaining ? schedule.remaining(in: state.language) : ""
        let date = column.date || remaining.isEmpty ? String(end.description.dropFirst(5)) : ""
        let text = [LightMark.glyph(schedule.light), date, remaining].filter { !$0.isEmpty }.joined(separator: " ")
        return Table.Item(text, LightMark.slot(schedule.light))
    }

    /// The title, after a `冲突` tag when a sync brought conflicting changes to the measure or its tasks.
    static func titleItem(_ measure: Measure, state: AppState, searchable: Bool = false) -> Table.Item {
        guard !state.workspace.conflicts(of: measure).isEmpty else { return Table.Item(measure.title, searchable: searchable) }
        return Table.Item("\(Label.conflict.text(state.language))· \(measure.title)", .messageError, searchable: searchable)
    }

    /// Unit names without the district prefix 区, those matching the filter's unit first, then lead units: 发改委,市场监管局.
    static func shortUnits(_ units: [UnitRef], first wanted: String? = nil) -> String {
        let matching = units.filter { ref in wanted.map { ref.name.contains($0) } ?? false }
        let rest = units.filter { ref in !matching.contains(ref) }
        let ordered = matching + rest.filter { $0.role == .lead } + rest.filter { $0.role != .lead }
        return ordered.map { $0.name.hasPrefix("区") && $0.name.count > 2 ? String($0.name.dropFirst()) : $0.name }
            .joined(separator: ",")
    }
}
