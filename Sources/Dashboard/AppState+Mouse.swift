import TerminalKit

/// Clicks and the wheel: a click selects a row, a click on the selected row opens it.
extension AppState {
    mutating func handle(_ event: MouseEvent) -> [Effect] {
        switch event.kind {
        case .wheelUp: move(by: -3); return []
        case .wheelDown: move(by: 3); return []
        case .click: break
        }
        let layout = self.layout
        let line = event.row - layout.body.row - 1 // below the list header
        switch screen {
        case .plans:
            guard let index = planCursor.row(atLine: line) else { return [] }
            if index == planCursor.row { return open() }
            planCursor.select(index)
        case .plan:
            if event.column < layout.separatorColumn {
                guard let index = pillarCursor.row(atLine: line) else { return [] }
                focus = .pillars
                if index != pillarCursor.row {
                    pillarCursor.select(index)
                    measureCursor = ListCursor(count: listedMeasures.count, visibleRows: layout.listRows)
                }
            } else if event.column > layout.separatorColumn {
                guard let index = measureCursor.row(atLine: line) else { return [] }
                if focus == .measures, index == measureCursor.row { return open() }
                focus = .measures
                measureCursor.select(index)
            }
        case .measure, .workload, .unitMeasures:
            break
        }
        return []
    }
}
