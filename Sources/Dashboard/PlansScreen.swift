import PlanModel
import TerminalKit

/// Every plan: id, district, year, measure count, a progress bar of done
/// measures and the counts of doing, blocked and overdue measures.
struct PlansScreen: Widget {
    let state: AppState

    func render(in rect: Rect, on canvas: inout Canvas) {
        let language = state.language
        let plans = state.workspace.plans
        guard !plans.isEmpty else {
            canvas.write(" " + Label.noPlans.text(language), column: rect.column, row: rect.row + 1, slot: .textMuted)
            return
        }
        // From 80 columns the plan id tells plans with similar titles apart; from 100 the district is shown too.
        let wide = rect.width >= 80
        let showsDistrict = rect.width >= 100
        let summaries = state.planSummaries
        func countWidth(_ label: Label, _ count: (PlanSummary) -> Int) -> Int {
            CountWidth.count(largest: summaries.map(count).max() ?? 0,
                             minimum: wide ? max(4, Language.allCases.map { DisplayWidth.of(label.heading($0)) }.max() ?? 4) : 3)
        }
        var columns: [Table.Column] = [.init(.flexible(minimum: 8))]
        var header: [String] = [Label.plan.heading(language)]
        if wide {
            let idWidth = min(16, max(DisplayWidth.of(Label.id.heading(language)), plans.map { DisplayWidth.of($0.id) }.max() ?? 0))
            columns.append(.init(.fixed(idWidth)))
            header.append(Label.id.heading(language))
        }
        if showsDistrict {
            columns.append(.init(.fixed(8)))
            header.append(Label.district.heading(language))
        }
        let measuresWidth = CountWidth.fraction(largest: summaries.map(\.measures).max() ?? 0, minimum: 9)
        columns += [.init(.fixed(4), alignment: .trailing), .init(.fixed(showsDistrict ? 12 : 8)), .init(.fixed(measuresWidth), alignment: .trailing),
                    .init(.fixed(countWidth(.doing, \.doing)), alignment: .trailing),
                    .init(.fixed(countWidth(.blocked, \.blocked)), alignment: .trailing),
                    .init(.fixed(countWidth(.overdue, \.overdue)), alignment: .trailing)]
        header += [Label.year, .progress, .measures].map { $0.heading(language) }
        header += wide ? [Label.doing, .blocked, .overdue].map { $0.heading(language) }
                       : [StatusMark.glyph(.doing), StatusMark.glyph(.blocked), LightMark.glyph(.red)]
        let highlight = state.search.highlight
        let table = Table(columns: columns, header: header, rowCount: plans.count, offset: state.planCursor.offset,
                          selected: state.planCursor.row, highlight: highlight) { index in
            let plan = plans[index]
            let s = summaries[index]
            var items = [Table.Item(plan.title, searchable: true)]
            if wide { items.append(Table.Item(plan.id, .textMuted)) }
            if showsDistrict { items.append(Table.Item(plan.district ?? "", .textMuted)) }
            items += [Table.Item(plan.year.map(String.init) ?? "", .textMuted),
                      .gauge(s.fraction),
                      PlansScreen.measuresItem(plan, summary: s, state: state),
                      Table.Item(String(s.doing), s.doing > 0 ? .statusDoing : .textMuted),
                      Table.Item(String(s.blocked), s.blocked > 0 ? .statusBlocked : .textMuted),
                      Table.Item(String(s.overdue), s.overdue > 0 ? .statusOverdue : .textMuted)]
            return items
        }
        table.render(in: rect, on: &canvas)
    }

    /// Done of all; while a filter is on, how many pass it of all (highlighted), counted for the rows on screen only.
    static func measuresItem(_ plan: Plan, summary: PlanSummary, state: AppState) -> Table.Item {
        guard !state.filter.isEmpty else { return Table.Item("\(summary.done)/\(summary.measures)") }
        let passing = plan.measures.count { state.filter.admits($0, in: state.workspace, today: state.today) }
        return Table.Item("\(passing)/\(summary.measures)", passing == 0 ? .textMuted : .searchMatch)
    }
}
