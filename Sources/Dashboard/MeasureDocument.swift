import FoundationEssentials
import PlanModel
import TerminalKit

/// The measure screen's content as lines at a width: status, units with roles,
/// due date, the text wrapped whole, the task checklist, suggested units,
/// related measures, notes and history. Layout shared by the screen, which draws
/// it, and the update step, which scrolls it, so the two always agree.
struct MeasureDocument {
    struct Line: Equatable {
        var text: String
        var slot: StyleSlot
        /// The checklist row this line starts.
        var checklist: ChecklistRow?
    }

    private(set) var lines: [Line] = []
    /// For each checklist row, the line where it starts.
    private var checklistLines: [ChecklistRow: Int] = [:]

    func firstLine(of row: ChecklistRow) -> Int? { checklistLines[row] }

    init(_ state: AppState, width: Int) {
        guard let measure = state.selectedMeasure else { return }
        let language = state.language, workspace = state.workspace
        let inner = max(1, width - 2)
        func add(_ text: String, _ slot: StyleSlot = .text, checklist: ChecklistRow? = nil) {
            for (i, line) in TextLayout.wrap(text, width: inner).enumerated() {
                if i == 0, let checklist { checklistLines[checklist] = lines.count }
                lines.append(Line(text: line, slot: slot, checklist: i == 0 ? checklist : nil))
            }
        }
        func blank() { lines.append(Line(text: "", slot: .text)) }
        func heading(_ label: Label) { blank(); add(label.text(language), .header) }

        add("\(state.shortID(measure.id))  \(measure.title)", .title)
        if let section = measure.section { add("\(section.label) \(section.title)", .textMuted) }
        let status = workspace.status(of: measure)
        let progress = workspace.taskProgress(of: measure)
        var summary = "\(StatusMark.glyph(status)) \(Label.of(status).text(language))"
        if let reason = workspace.blockReason(of: measure.id) { summary += language.pick(" (reason: \(reason))", "（原因：\(reason)）") }
        summary += "   \(Label.tasks.text(language)) \(progress.done)/\(progress.total)"
        let schedule = workspace.schedule(of: measure, today: state.today, utcOffset: state.utcOffset)
        if let end = schedule.end {
            summary += "   \(Label.due.text(language)) \(end) \(schedule.remaining(in: language))"
        } else if let deadline = measure.deadline {
            summary += "   \(Label.due.text(language)) \(deadline.text)"
        }
        add(summary, StatusMark.slot(status), checklist: .measure)
        if let expected = schedule.expected {
            add("\(LightMark.glyph(schedule.light)) \(schedule.light.word(in: language))\(language.pick(" light", "灯"))  "
                + "\(Label.expected.text(language)) \(Schedule.percent(expected))  "
                + "\(Label.actual.text(language)) \(Schedule.percent(schedule.actual))", LightMark.slot(schedule.light))
        }
        // A role is said only where the document tells roles apart: "responsible" on every unit says nothing.
        let refs = workspace.units(of: measure)
        let sayRoles = refs.contains { $0.role != .responsible }
        let units = refs.map { sayRoles ? "\($0.name)（\(Label.of($0.role).text(language))）" : $0.name }
        if !units.isEmpty {
            // Wrapped between names only: a unit's name never breaks across lines.
            for line in TextLayout.wrap(words: units, separator: "、", lead: "\(Label.units.text(language)): ", width: inner) {
                lines.append(Line(text: line, slot: .textMuted, checklist: nil))
            }
        }
        if let deadline = measure.deadline, workspace.dueDate(of: measure) != nil { add(deadline.text, .textMuted) }
        for conflict in workspace.conflicts(of: measure) {
            add("\(Label.conflict.text(language))\(language.pick(": ", "："))\(conflict.line(in: language))", .messageError)
        }

        heading(.text)
        add(measure.text)

        heading(.tasks)
        if measure.tasks.isEmpty { add(Label.noTasks.text(language), .textMuted) }
        for (i, task) in measure.tasks.enumerated() {
            let taskStatus = workspace.status(ofTask: task.id)
            add("\(StatusMark.glyph(taskStatus)) \(i + 1). \(task.title)", taskStatus == .done ? .statusDone : .text,
                checklist: .task(i))
        }

        let suggested = state.shownSuggestions
        if !suggested.isEmpty {
            heading(.suggestedUnits)
            for (i, suggestion) in suggested.enumerated() {
                add("+ \(suggestion.name)（\(Label.of(suggestion.role).text(language))）  \(Label.similar.text(language)) "
                    + "\(suggestion.source.measureId) \(suggestion.source.title) \(MeasureDocument.score(suggestion.source.score))",
                    checklist: .suggestion(i))
            }
        }
        if let found = state.currentSuggestions {
            heading(.relatedMeasures)
            if found.related.isEmpty { add(Label.noRelated.text(language), .textMuted) }
            for (i, related) in found.related.enumerated() {
                add("\(StatusMark.glyph(related.status)) \(related.measureId) \(related.title)  "
                    + "\(Label.of(related.status).text(language)) \(MeasureDocument.score(related.score))",
                    StatusMark.slot(related.status), checklist: .related(i))
            }
        }

        heading(.notes)
        // A task's note is listed here too, with the task's number.
        let notes = workspace.notes(of: measure)
        if notes.isEmpty { add(Label.noNotes.text(language), .textMuted) }
        for (i, (target, note)) in notes.enumerated() {
            let on = target == measure.id ? "" : " [\(state.shortID(target))]"
            add("\(state.localTime(note.time)) \(note.officer)\(on): \(note.text)", checklist: .note(i))
        }

        heading(.history)
        if state.history.isEmpty { add(Label.noHistory.text(language), .textMuted) }
        let undone = state.history.undoneIDs
        for event in state.history.reversed() {
            let mark = undone.contains(event.id) ? state.undoneMark(event.change) : ""
            add("\(state.localTime(event.time)) \(event.officer)  \(state.shortID(event.target))  \(state.describeChange(event.change))\(mark)",
                .textMuted)
        }
    }

    /// A similarity score as a percentage: `62%`.
    static func score(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
