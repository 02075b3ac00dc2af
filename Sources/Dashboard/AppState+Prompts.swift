import PlanModel
import TerminalKit

/// The status-line prompts: note, blocked reason, due date, search and filter.
extension AppState {
    mutating func edit(_ key: Key) -> [Effect] {
        guard var current = prompt else { return [] }
        switch key {
        case .escape:
            prompt = nil
            guard current.kind == .search else { return [] }
            let origin = search.origin
            search = SearchState()
            return origin.map { returnFromSearch(to: $0) } ?? []
        case .enter:
            return submit(current)
        default:
            let before = current.text
            guard current.editor.handle(key) else { return [] }
            prompt = current
            if current.kind == .search, current.text != before { updateSearch(current.text) }
            return []
        }
    }

    private mutating func submit(_ current: Prompt) -> [Effect] {
        let text = current.text.trimmingCharacters(in: " ")
        switch current.kind {
        case let .note(target):
            prompt = nil
            return text.isEmpty ? [] : decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(noting: text, on: target) }
        case let .editNote(target, note):
            prompt = nil
            return text.isEmpty ? [] : decide(target) { (w: Workspace) throws(ChangeRefusal) in
                try w.change(editingNote: note, to: text, on: target)
            }
        case let .blocked(target):
            prompt = nil
            // The mark and its reason are one step: one `u` takes back both.
            do {
                let changes = try [workspace.change(marking: target, as: .blocked)].compactMap { $0 }
                    + (text.isEmpty ? [] : [workspace.change(noting: text, on: target)])
                return changes.isEmpty ? [] : [.record(target: target, changes: changes)]
            } catch {
                message = Message(describe(error), isError: true)
                return []
            }
        case let .due(target):
            let day = Day(typed: text, today: today)
            guard text.isEmpty || day != nil else {
                message = Message(Label.badDay.text(language) + text, isError: true)
                return []
            }
            prompt = nil
            return decide(target) { (w: Workspace) throws(ChangeRefusal) in try w.change(settingDue: day, of: target) }
        case .search:
            // Enter waits for the index: the prompt stays until the matches can be shown.
            guard searchIndex != nil || search.query.isEmpty else { return [] }
            prompt = nil
            if search.matches.isEmpty {
                if !search.query.isEmpty { message = Message(Label.noMatch.text(language), isError: true) }
                search = SearchState()
            }
            return []
        case .filter:
            prompt = nil
            filter = MeasureFilter(parsing: text)
            // The filter is on the whole plan: from a pillar with no match, to the first one with some.
            if screen == .plan, listedMeasures.isEmpty,
               let first = currentPlan?.pillars.indices.first(where: { !listedMeasures(of: $0).isEmpty }) {
                pillarCursor.select(first)
            }
            measureCursor = ListCursor(count: listedMeasures.count, visibleRows: layout.listRows)
            relistUnit()
            if !filter.isEmpty {
                let shown = switch screen {
                case .unitMeasures: workload?.measures.count ?? 0
                case .plans: workspace.plans.reduce(0) { total, plan in
                    total + plan.measures.count { filter.admits($0, in: workspace, today: today) }
                }
                default: currentPlan?.pillars.indices.reduce(0) { $0 + listedMeasures(of: $1).count } ?? 0
                }
                message = Message("\(Label.filterIs.text(language)): \(filter.summary(language)) — "
                                  + language.pick("\(shown) measure\(shown == 1 ? "" : "s")", "\(shown) 项措施"))
            }
            return []
        case let .export(scope):
            prompt = nil
            return text.isEmpty ? [] : [.exportLedger(path: text, scope: scope)]
        }
    }
}
