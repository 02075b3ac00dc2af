import PlanModel
import TerminalKit

/// One unit's measures (the workload drill-down): id, status, title, task
/// progress, the unit's role there and the light with days left, like the plan screen's list.
struct UnitMeasuresScreen: Widget {
    let state: AppState

    func render(in rect: Rect, on canvas: inout Canvas) {
        guard let workload = state.workload, let unit = workload.unit else { return }
        let language = state.language, workspace = state.workspace, directory = state.directory
        let measures = workload.measures.compactMap(workspace.measure)
        if measures.isEmpty {
            canvas.write(" " + Label.noMeasures.text(language), column: rect.column, row: rect.row + 1, slot: .textMuted,
                         limit: rect.width)
            return
        }
        // Within one plan the short id (3.6) says enough; across plans the plan id is needed.
        let ids = measures.map { workload.plan == nil ? $0.id : state.shortID($0.id) }
        let idWidth = min(24, ids.map(DisplayWidth.of).max() ?? 4)
        let showRole = rect.width >= 64, scheduleColumn = PlanScreen.ScheduleColumn(width: rect.width)
        let roleWidth = [Label.lead, .support, .responsible].flatMap { label in Language.allCases.map { DisplayWidth.of(label.text($0)) } }.max() ?? 8
        let tasksWidth = CountWidth.fraction(largest: measures.map(\.tasks.count).max() ?? 0, minimum: 5)
        var columns: [Table.Column] = [.init(.fixed(idWidth)), .init(.fixed(1)), .init(.flexible(minimum: 6)),
                                       .init(.fixed(tasksWidth), alignment: .trailing)]
        var header = ["", "", Label.title.heading(language), Label.tasks.heading(language)]
        if showRole {
            columns.append(.init(.fixed(roleWidth)))
            header.append(Label.role.heading(language))
        }
        columns.append(.init(.fixed(scheduleColumn.width(language))))
        header.append(Label.due.heading(language))
        let table = Table(columns: columns, header: header, rowCount: measures.count, offset: workload.measureCursor.offset,
                          selected: workload.measureCursor.row) { index in
            let measure = measures[index]
            let status = workspace.status(of: measure)
            let progress = workspace.taskProgress(of: measure)
            var items = [Table.Item(ids[index], .textMuted),
                         Table.Item(StatusMark.glyph(status), StatusMark.slot(status)),
                         PlanScreen.titleItem(measure, state: state),
                         Table.Item(progress.total == 0 ? "–" : "\(progress.done)/\(progress.total)", .textMuted)]
            if showRole {
                let role = workspace.units(of: measure).first { ref in
                    UnitDirectory.names(in: ref.name).contains { directory.isSameUnit($0, unit.unit.name) }
                }?.role
                items.append(Table.Item(role.map { Label.of($0).text(language) } ?? "", role == .lead ? .text : .textMuted))
            }
            items.append(PlanScreen.scheduleItem(measure, state: state, column: scheduleColumn))
            return items
        }
        table.render(in: rect, on: &canvas)
    }
}
