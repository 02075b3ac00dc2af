import PlanModel
import TerminalKit

/// One unit's measures (the workload drill-down): id, status, title, task
/// progress, the unit's role there and the light with days left, like the plan screen's list.
struct UnitMeasuresScreen: Widget {
    let state: AppState

    func render(in rect: Rect, on canvas: inout Canvas) {
        guard let workload = state.workload, workload.unit != nil else { return }
        let language = state.language, workspace = state.workspace
        let listing = workload.listing
        if listing.ids.isEmpty {
            canvas.write(" " + Label.noMeasures.text(language), column: rect.column, row: rect.row + 1, slot: .textMuted,
                         limit: rect.width)
            return
        }
        // The group headings name the plan (across plans) and the pillar; a row's short id (3.6) says the rest.
        // Widths come from the listing, so a frame looks up only the rows it shows.
        let idWidth = min(24, listing.widestId)
        let showRole = rect.width >= 64 && listing.saysRoles
        let scheduleColumn = PlanScreen.ScheduleColumn(width: rect.width)
        let roleWidth = [Label.lead, .support, .responsible].flatMap { label in Language.allCases.map { DisplayWidth.of(label.text($0)) } }.max() ?? 8
        let tasksWidth = CountWidth.fraction(largest: listing.largestCount, minimum: 5)
        var columns: [Table.Column] = [.init(.fixed(idWidth)), .init(.fixed(1)), .init(.flexible(minimum: 6)),
                                       .init(.fixed(tasksWidth), alignment: .trailing)]
        var header = ["", "", Label.title.heading(language) + " · " + workload.measureOrder.label.text(language),
                      Label.tasks.heading(language)]
        if showRole {
            columns.append(.init(.fixed(roleWidth)))
            header.append(Label.role.heading(language))
        }
        columns.append(.init(.fixed(scheduleColumn.width(language))))
        header.append(Label.due.heading(language))
        let offset = listing.offset(cursor: workload.measureCursor, visibleRows: rect.height - 1)
        let selected = listing.entryOf.indices.contains(workload.measureCursor.row) ? listing.entryOf[workload.measureCursor.row] : nil
        let filtered = !state.filter.isEmpty
        let table = Table(columns: columns, header: header, rowCount: listing.entries.count, offset: offset,
                          selected: selected) { index in
            guard case let .measure(position) = listing.entries[index] else {
                guard case let .group(plan, pillar, shown, total) = listing.entries[index] else { return [] }
                return [Table.Item(plan ?? "", .header), Table.Item(""), Table.Item(pillar, .header),
                        Table.Item(filtered ? "\(shown)/\(total)" : "\(total)", filtered ? .searchMatch : .textMuted)]
            }
            guard let measure = workspace.measure(listing.ids[position]) else { return [] }
            let status = workspace.status(of: measure)
            let progress = workspace.taskProgress(of: measure)
            var items = [Table.Item(state.shortID(measure.id), .textMuted),
                         Table.Item(StatusMark.glyph(status), StatusMark.slot(status)),
                         PlanScreen.titleItem(measure, state: state),
                         Table.Item(progress.total == 0 ? "–" : "\(progress.done)/\(progress.total)", .textMuted)]
            if showRole {
                let role = listing.roles[position]
                items.append(Table.Item(role.map { Label.of($0).text(language) } ?? "", role == .lead ? .text : .textMuted))
            }
            items.append(PlanScreen.scheduleItem(measure, state: state, column: scheduleColumn))
            return items
        }
        table.render(in: rect, on: &canvas)
    }
}
