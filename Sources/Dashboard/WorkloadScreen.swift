import PlanModel
import TerminalKit

/// One row per unit: a bar of its measures by status (done, doing, blocked,
/// todo, each its own glyph and style), the counts, overdue as `!n` in the
/// overdue style, and how many it leads.
struct WorkloadScreen: Widget {
    let state: AppState

    /// The bar's parts in order, with the glyph that tells them apart without colour.
    static func bar(_ row: Workload.Row, scale: Int) -> StackedBar {
        StackedBar(parts: [StackedBar.Part(row.done, glyph: "█", slot: .statusDone),
                           StackedBar.Part(row.doing, glyph: "▓", slot: .statusDoing),
                           StackedBar.Part(row.blocked, glyph: "▒", slot: .statusBlocked),
                           StackedBar.Part(row.todo, glyph: "░", slot: .statusTodo)],
                   scale: scale)
    }

    /// `!3` in the overdue style, or a muted 0.
    static func overdueItem(_ count: Int) -> Table.Item {
        count > 0 ? Table.Item("!\(count)", .statusOverdue) : Table.Item("0", .textMuted)
    }

    static func count(_ value: Int, _ slot: StyleSlot = .text) -> Table.Item {
        Table.Item(String(value), value > 0 ? slot : .textMuted)
    }

    func render(in rect: Rect, on canvas: inout Canvas) {
        guard let workload = state.workload else { return }
        let language = state.language
        let rows = workload.rows
        guard !rows.isEmpty else {
            canvas.write(" " + Label.noUnitRows.text(language), column: rect.column, row: rect.row + 1, slot: .textMuted, limit: rect.width)
            return
        }
        let wide = rect.width >= 80
        let allPlans = workload.plan == nil
        var districtNames: [String: String] = [:]
        for plan in state.workspace.plans { districtNames[plan.districtKey] = plan.district ?? plan.districtKey }
        let countLabels: [Label] = [.total, .done, .doing, .blocked, .todo, .overdue, .led]
        let narrowHeaders = ["#", StatusMark.glyph(.done), StatusMark.glyph(.doing), StatusMark.glyph(.blocked),
                             StatusMark.glyph(.todo), LightMark.glyph(.red), Label.led.text(language)]
        func width(_ index: Int) -> Int {
            let label = countLabels[index]
            let headers = wide ? Language.allCases.map { label.heading($0) } : Language.allCases.map { _ in narrowHeaders[index] }
                + (label == .led ? Language.allCases.map { Label.led.text($0) } : [])
            // No count of a unit exceeds its total; overdue has its `!`.
            return CountWidth.count(largest: rows.map(\.total).max() ?? 0, minimum: max(3, headers.map(DisplayWidth.of).max() ?? 3),
                                    mark: label == .overdue)
        }
        var columns: [Table.Column] = [.init(.flexible(minimum: 8))]
        var header = [Label.unit.heading(language)]
        if wide, allPlans {
            columns.append(.init(.fixed(8)))
            header.append(Label.district.heading(language))
        }
        let countWidths = countLabels.indices.map(width)
        // The bar gives way first when large counts need room, so the unit keeps its 8 columns.
        let others = countWidths.reduce(0, +) + columns.count + countWidths.count + 8 + (columns.count > 1 ? 8 : 0)
        columns.append(.init(.fixed(wide ? max(8, min(20, rect.width - others)) : 8)))
        header.append("")
        columns += countWidths.map { .init(.fixed($0), alignment: .trailing) }
        header += wide ? countLabels.map { $0.heading(language) } : narrowHeaders
        let scale = rows.map(\.total).max() ?? 1
        let table = Table(columns: columns, header: header, rowCount: rows.count, offset: workload.cursor.offset,
                          selected: workload.cursor.row) { index in
            let row = rows[index]
            let district = districtNames[row.unit.district] ?? row.unit.district
            var items = [Table.Item(allPlans && !wide ? "\(row.unit.name)·\(district)" : row.unit.name)]
            if wide, allPlans { items.append(Table.Item(district, .textMuted)) }
            items += [.bar(WorkloadScreen.bar(row, scale: scale)),
                      WorkloadScreen.count(row.total),
                      WorkloadScreen.count(row.done, .statusDone),
                      WorkloadScreen.count(row.doing, .statusDoing),
                      WorkloadScreen.count(row.blocked, .statusBlocked),
                      WorkloadScreen.count(row.todo),
                      WorkloadScreen.overdueItem(row.overdue),
                      WorkloadScreen.count(row.led)]
            return items
        }
        table.render(in: rect, on: &canvas)
    }
}
