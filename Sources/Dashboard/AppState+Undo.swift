import PlanModel
import TerminalKit

/// `u` and `U`: undo and redo of whole steps (`Event.isSameStep`), within what
/// the screen shows, said with the item's number and title and what changed.
extension AppState {
    /// What `u` and `U` reach here: on a measure, it and its tasks; on a plan, the
    /// plan; on a unit's list, its measures; on the workload of a plan, that plan;
    /// on the plans screen, everything.
    var undoScope: UndoScope {
        switch screen {
        case .plans: .everything
        case .plan: currentPlan.map { UndoScope(ids: [$0.id]) } ?? .everything
        case .measure: selectedMeasure.map { UndoScope(ids: [$0.id]) } ?? .everything
        case .unitMeasures: UndoScope(ids: Set(workload?.measures ?? []))
        case .workload: workload?.plan.map { UndoScope(ids: [$0]) } ?? .everything
        }
    }

    /// `U`: records again the latest step undone this session within the screen's
    /// scope, as new events that the store checks like any change.
    mutating func redo() -> [Effect] {
        let scope = undoScope
        guard let index = redoable.lastIndex(where: { scope.contains($0) }) else {
            message = Message(Label.nothingToRedo.text(language))
            return []
        }
        let step = redoable.remove(at: index)
        redoing = step
        var targets: [String] = []
        for event in step where !targets.contains(event.target) { targets.append(event.target) }
        return targets.map { target in .record(target: target, changes: step.filter { $0.target == target }.map(\.change)) }
    }

    /// The status line after `events` were recorded: a redo says so; any other
    /// change makes the undone steps on its targets no longer redoable.
    mutating func noteRecorded(_ events: [Event]) -> Message? {
        if let step = redoing, events.allSatisfy({ event in step.contains { $0.target == event.target && $0.change == event.change } }) {
            redoing = nil
            return Message("\(Label.redone.text(language))\(language.pick(": ", "："))\(describeStep(events))")
        }
        redoing = nil
        let targets = Set(events.map(\.target))
        redoable.removeAll { step in step.contains { targets.contains($0.target) } }
        return events.last.map { Message(describe($0)) }
    }

    /// The status line after an undo; what it undid becomes redoable.
    mutating func noteUndone(_ outcome: UndoOutcome) -> Message {
        // `reverted` is newest first; the redo stack keeps steps oldest first, each in recorded order.
        for step in outcome.reverted.steps().reversed() { redoable.append(step.reversed()) }
        return Message(describe(outcome))
    }

    /// `3.2 完善惠企… 受阻（原因：等待会签）`: a step (in recorded order) as the status line names it.
    func describeStep(_ step: [Event]) -> String {
        guard let first = step.first else { return "" }
        let blocked = step.contains { if case .status(.blocked?, _, _) = $0.change { true } else { false } }
        let reasons = step.compactMap { event -> String? in
            guard blocked, event.target == first.target, case let .note(text) = event.change else { return nil }
            return text
        }
        var parts: [String] = []
        for event in step {
            switch event.change {
            case .status(.blocked?, _, _) where !reasons.isEmpty:
                let reason = reasons.joined(separator: language.pick("; ", "；"))
                parts.append(Label.blocked.text(language) + language.pick(" (\(Label.reason.text(language)): \(reason))",
                                                                          "（\(Label.reason.text(language))：\(reason)）"))
            case .note where !reasons.isEmpty && event.target == first.target: continue
            case let .status(status?, _, _): parts.append(Label.of(status).text(language))
            default: parts.append(describeChange(event.change))
            }
        }
        let others = Set(step.map(\.target)).count - 1
        let more = others > 0 ? language.pick(" (+\(others) more)", "（另 \(others) 项）") : ""
        let title = TextLayout.truncate(self.title(of: first.target), toWidth: 16)
        return "\(shortID(first.target)) \(title)\(more) " + parts.joined(separator: language.pick(", ", "，"))
    }

    /// The title of a measure or task (a task without one: its text).
    func title(of target: String) -> String {
        guard let location = workspace.location(of: target) else { return "" }
        let measure = workspace.plans[location.plan].pillars[location.pillar].measures[location.measure]
        guard let task = location.task.map({ measure.tasks[$0] }) else { return measure.title }
        return task.title.isEmpty ? task.text : task.title
    }

    /// `（已撤回）` after a withdrawn note in the history, `（已撤销）` after another undone change.
    func undoneMark(_ change: Change) -> String {
        let word = (change.kind == .note ? Label.withdrawn : Label.wasUndone).text(language)
        return language.pick(" (\(word))", "（\(word)）")
    }
}
