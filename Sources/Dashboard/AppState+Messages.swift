import FoundationEssentials
import PlanModel
import TerminalKit

/// What the dashboard says in words: the status line's messages, refusals,
/// recorded changes and the history list.
extension AppState {
    /// `2026-11-21 17:30` in the officer's zone (`utcOffset`), from an event time.
    func localTime(_ date: Date) -> String {
        let stamp = Event.formatTime(date.addingTimeInterval(TimeInterval(utcOffset)))
        return String(stamp.prefix(16)).replacing(scalar: "T", with: " ")
    }

    /// A change in words, for the history list.
    func describeChange(_ change: Change) -> String {
        switch change {
        case let .status(status, _, _):
            return "\(Label.statusWord.text(language)) → \(status.map { Label.of($0).text(language) } ?? "—")"
        case let .note(text): return "\(Label.promptNote.text(language)): \(text)"
        case let .editNote(_, text, previous):
            return "\(Label.promptNote.text(language)): \(text)" + language.pick(" (was: \(previous))", "（原为：\(previous)）")
        case let .assign(unit, role, _): return "+\(unit)（\(Label.of(role).text(language))）"
        case let .unassign(unit, _): return "−\(unit)"
        case let .due(day, _): return "\(Label.due.text(language)) → \(day?.description ?? Label.cleared.text(language))"
        case let .undo(_, inverse): return "\(Label.undo.text(language))" + (inverse.map { ": " + describeChange($0) } ?? "")
        }
    }

    /// `3.6` for `jinshan-2026:3.6`: the plan is on screen already.
    func shortID(_ id: String) -> String {
        id.split(separator: ":", maxSplits: 1).last.map(String.init) ?? id
    }

    /// `3.6 has 7 open tasks — press Space again to mark it done anyway`.
    func forceQuestion(_ measure: String, open: Int, key: Key) -> String {
        let tasks = (open == 1 ? Label.openTask : Label.openTasks).text(language)
        let again = Label.pressAgainToForce.text(language).replacing("{key}", with: key.name)
        return "\(shortID(measure)) \(Label.has.text(language)) \(open) \(tasks) — \(again)"
    }

    /// A refused change in words (the dashboard's rules are the CLI's; only the wording differs).
    func describe(_ refusal: ChangeRefusal) -> String {
        switch refusal {
        case let .unknownId(id): return "\(Label.unknownId.text(language)): \(id)"
        case let .notAMeasure(id): return "\(shortID(id)): \(Label.notAMeasure.text(language))"
        case let .openTasks(measure, open): return "\(shortID(measure)) \(Label.has.text(language)) \(open.count) \(Label.openTasks.text(language))"
        case .emptyNote: return Label.emptyNote.text(language)
        case .noNote: return language.pick("no such note", "没有这条备注")
        case .emptyUnitName: return Label.emptyUnitName.text(language)
        case let .compositeUnitName(name): return "\(name): \(Label.compositeUnitName.text(language))"
        case let .notAssigned(unit, measure, _): return "\(unit): \(Label.notAssigned.text(language)) \(shortID(measure))"
        }
    }

    /// A recorded event, for the status line.
    func describe(_ event: Event) -> String {
        let target = shortID(event.target)
        switch event.change {
        case .undo: return "\(Label.undone.text(language)) \(target)"
        case let .status(status, _, _):
            let word = status.map { Label.of($0).text(language) } ?? "—"
            return "\(Label.recorded.text(language)) \(target): \(word)"
        case .note, .editNote: return "\(Label.recorded.text(language)) \(target): \(Label.promptNote.text(language))"
        case let .due(day, _):
            return "\(Label.recorded.text(language)) \(target): \(Label.due.text(language)) \(day?.description ?? Label.cleared.text(language))"
        case .assign, .unassign: return "\(Label.recorded.text(language)) \(target): \(describeChange(event.change))"
        }
    }

    /// `Undone: 1.3 开办企业… blocked (reason: …); skipped 1.6 (li changed it since)`, or `Nothing to undo; skipped …`.
    func describe(_ outcome: UndoOutcome) -> String {
        let step = outcome.reverted.steps().first.map { Array($0.reversed()) }
        let done = step.map { "\(Label.undone.text(language))\(language.pick(": ", "："))\(describeStep($0))" }
            ?? Label.nothingToUndo.text(language)
        let skips = outcome.skipped.map { skip in
            let why = switch skip.reason {
            case let .superseded(by): "\(by.officer) \(Label.changedItSince.text(language))"
            case .changed: Label.changedSince.text(language)
            case .gone: Label.goneFromPlans.text(language)
            }
            return language.pick("\(shortID(skip.event.target)) (\(why))", "\(shortID(skip.event.target))（\(why)）")
        }
        guard !skips.isEmpty else { return done }
        return done + language.pick("; ", "；") + Label.skipped.text(language) + " " + skips.joined(separator: language.pick(", ", "、"))
    }

    /// What the executable reports, for the status line.
    func describe(_ notice: Notice) -> Message {
        switch notice {
        case let .storeFailed(reason): Message("\(Label.storeFailed.text(language)): \(reason)", isError: true)
        case let .storeCreated(path, plans):
            Message(language.pick("\(Label.storeCreated.text(language)) \(path) (\(plans)); duban remove PLAN removes one",
                                  "\(Label.storeCreated.text(language))\(path)（\(plans) 个）；删除示例方案：duban remove 方案编号"))
        case let .exported(path, measures):
            Message("\(Label.exported.text(language)): \(path) (\(language.pick("\(measures) measures", "\(measures) 项措施")))")
        case let .exportFailed(reason): Message("\(Label.exportFailed.text(language)): \(reason)", isError: true)
        case let .syncFailed(reason): Message("\(Label.syncFailed.text(language)): \(reason)", isError: true)
        case let .reloadFailed(reason): Message("\(Label.reloadFailed.text(language)): \(reason)", isError: true)
        case let .changedMeanwhile(target):
            Message(language.pick("\(shortID(target)) was changed meanwhile by another officer or terminal; nothing saved — press r to reload",
                                  "\(shortID(target)) 已被他人或另一终端修改，未保存；按 r 刷新"), isError: true)
        }
    }

    /// After a reload: `已刷新` when nothing came in, else how many changes from whom,
    /// and the conflicts: `3 changes from 李四; 1 conflict`, `5 changes: 李四 3, 王五 2`.
    func describeChanges(since earlier: Ledger) -> String {
        let changes = workspace.ledger.newChanges(since: earlier)
        let conflicts = workspace.conflicts.count
        guard !changes.isEmpty || conflicts > 0 else { return Label.reloaded.text(language) }
        var parts: [String] = []
        if !changes.isEmpty {
            let total = changes.reduce(0) { $0 + $1.count }
            let noun = total == 1 ? "change" : "changes"
            if changes.count == 1 {
                parts.append(language.pick("\(total) \(noun) from \(changes[0].officer)", "收到 \(changes[0].officer) 的 \(total) 条变更"))
            } else {
                let who = changes.map { "\($0.officer) \($0.count)" }.joined(separator: language.pick(", ", "，"))
                parts.append(language.pick("\(total) \(noun): \(who)", "收到 \(total) 条变更：\(who)"))
            }
        }
        if conflicts > 0 { parts.append("\(conflicts) \(language.pick(conflicts == 1 ? "conflict" : "conflicts", "处冲突"))") }
        return parts.joined(separator: language.pick("; ", "；"))
    }
}
