import PlanModel
import TerminalKit

/// One unit's measures (the workload drill-down): id, status, title, task
/// progress, the unit's role there and the light with days left, like the plan screen's list.
struct UnitMeasuresScreen: Widget {
    let state: AppState

    func render(in rect: Rect, on canvas: inout Canvas) {
        guard let workload = state.workload, let unit = workload.unit else { return }
        let language = state.language, workspace = state.workspace, directory = state.directory
        let listing = workload.listing
        let measures = listing.ids.compactMap(workspace.measure)
        if measures.isEmpty {
            canvas.write(" " + Label.noMeasures.text(language), column: rect.column, row: rect.row + 1, slot: .textMuted,
                         limit: rect.width)
            return
        }
        // The group headings name the plan (across plans) and the pillar; a row's short id (3.6) says the rest.
        let ids = measures.map { state.shortID($0.id) }
        let plans: [String] = listing.entries.compactMap { if case let .group(plan?, _, _, _) = $0 { plan } else { nil } }
        let idWidth = min(24, (ids + plans).map(DisplayWidth.of).max() ?? 4)
        func role(in measure: Measure) -> Role? {
            workspace.units(of: measure).first { ref in
                UnitDirectory.names(in: ref.name).contains { directory.isSameUnit($0, unit.unit.name) }
            }?.role
        }
        // A role is said only where the documents tell roles apart ("responsible" everywhere says nothing).
        let roles = measures.map(role(in:))
        let showRole = rect.width >= 64 && roles.contains { $0 != nil && $0 != .responsible }
        let scheduleColumn = PlanScreen.ScheduleColumn(width: rect.width)
        let roleWidth = [Label.lead, .support, .responsible].flatMap { label in Language.allCases.map { DisplayWidth.of(label.text($0)) } }.max() ?? 8
        let tasksWidth = CountWidth.fraction(largest: max(measures.map(\.tasks.count).max() ?? 0, measures.count), minimum: 5)
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
            let measure = measures[position]
            let status = workspace.status(of: measure)
            let progress = workspace.taskProgress(of: measure)
            var items = [Table.Item(ids[position], .textMuted),
                         Table.Item(StatusMark.glyph(status), StatusMark.slot(status)),
                         PlanScreen.titleItem(measure, state: state),
                         Table.Item(progress.total == 0 ? "–" : "\(progress.done)/\(progress.total)", .textMuted)]
            if showRole {
                let role = roles[position]
                items.append(Table.Item(role.map { Label.of($0).text(language) } ?? "", role == .lead ? .text : .textMuted))
            }
            items.append(PlanScreen.scheduleItem(measure, state: state, column: scheduleColumn))
            return items
        }
        table.render(in: rect, on: &canvas)
    }
}
