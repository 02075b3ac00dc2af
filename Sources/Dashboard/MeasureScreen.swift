import Foundation
import PlanModel
import TerminalKit

/// One measure in full: status, units with roles, due date, the text wrapped to
/// the window, the task checklist, notes and history. Scrolls as one document.
struct MeasureScreen: Widget {
    let state: AppState

    struct Line: Equatable {
        var text: String
        var slot: StyleSlot
        /// The checklist row this line starts (0 the measure, 1… its tasks).
        var checklist: Int?
    }

    struct Document {
        var lines: [Line] = []
        /// For each checklist row, the line where it starts.
        var checklistLines: [Int] = []
    }

    /// The lines for a width; `apply` uses it too, to keep the cursor in view.
    static func document(for state: AppState, width: Int) -> Document {
        var doc = Document()
        guard let measure = state.selectedMeasure else { return doc }
        let language = state.language, workspace = state.workspace
        let inner = max(1, width - 2)
        func add(_ text: String, _ slot: StyleSlot = .text, checklist: Int? = nil, indent: String = "") {
            let wrapped = TextLayout.wrap(text, width: max(1, inner - DisplayWidth.of(indent)))
            for (i, line) in wrapped.enumerated() {
                if i == 0, checklist != nil { doc.checklistLines.append(doc.lines.count) }
                doc.lines.append(Line(text: indent + line, slot: slot, checklist: i == 0 ? checklist : nil))
            }
        }
        func blank() { doc.lines.append(Line(text: "", slot: .text)) }
        func heading(_ label: Label) { blank(); add(label.text(language), .header) }

        add("\(state.shortID(measure.id))  \(measure.title)", .title)
        if let section = measure.section { add("\(section.label) \(section.title)", .textMuted) }
        let status = workspace.status(of: measure)
        let progress = workspace.taskProgress(of: measure)
        var summary = "\(StatusMark.glyph(status)) \(Label.of(status).text(language))"
        summary += "   \(Label.tasks.text(language)) \(progress.done)/\(progress.total)"
        if let due = workspace.dueDate(of: measure), let light = DueLight(measure, in: workspace, today: state.today) {
            summary += "   \(Label.due.text(language)) \(light.glyph) \(due) (\(light.label.text(language)))"
        } else if let deadline = measure.deadline {
            summary += "   \(Label.due.text(language)) \(deadline.text)"
        }
        add(summary, StatusMark.slot(status), checklist: 0)
        let units = workspace.units(of: measure)
            .map { "\($0.name)（\(Label.of($0.role).text(language))）" }.joined(separator: "、")
        if !units.isEmpty { add("\(Label.units.text(language)): \(units)", .textMuted) }
        if let deadline = measure.deadline, workspace.dueDate(of: measure) != nil { add(deadline.text, .textMuted) }

        heading(.text)
        add(measure.text)

        heading(.tasks)
        if measure.tasks.isEmpty { add(Label.noTasks.text(language), .textMuted) }
        for (i, task) in measure.tasks.enumerated() {
            let taskStatus = workspace.status(ofTask: task.id)
            add("\(StatusMark.glyph(taskStatus)) \(i + 1). \(task.title)", taskStatus == .done ? .statusDone : .text,
                checklist: i + 1)
        }

        let suggested = state.shownSuggestions
        if !suggested.isEmpty {
            heading(.suggestedUnits)
            for (i, suggestion) in suggested.enumerated() {
                add("+ \(suggestion.name)（\(Label.of(suggestion.role).text(language))）  \(Label.similar.text(language)) "
                    + "\(suggestion.source.measureId) \(suggestion.source.title) \(MeasureScreen.score(suggestion.source.score))",
                    checklist: measure.tasks.count + 1 + i)
            }
        }
        if let found = state.suggestions, found.measure == measure.id {
            heading(.relatedMeasures)
            if found.related.isEmpty { add(Label.noRelated.text(language), .textMuted) }
            for (i, related) in found.related.enumerated() {
                add("\(StatusMark.glyph(related.status)) \(related.measureId) \(related.title)  "
                    + "\(Label.of(related.status).text(language)) \(MeasureScreen.score(related.score))",
                    StatusMark.slot(related.status), checklist: measure.tasks.count + 1 + suggested.count + i)
            }
        }

        heading(.notes)
        let notes = workspace.ledger.notes[measure.id] ?? []
        if notes.isEmpty { add(Label.noNotes.text(language), .textMuted) }
        for note in notes { add("\(state.localTime(note.time)) \(note.officer): \(note.text)") }

        heading(.history)
        if state.history.isEmpty { add(Label.noHistory.text(language), .textMuted) }
        for event in state.history.reversed() {
            add("\(state.localTime(event.time)) \(event.officer)  \(state.shortID(event.target))  \(state.describeChange(event.change))",
                .textMuted)
        }
        return doc
    }

    /// A similarity score as a percentage: `62%`.
    static func score(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    func render(in rect: Rect, on canvas: inout Canvas) {
        let doc = MeasureScreen.document(for: state, width: rect.width)
        let query = state.search.isActive ? state.search.query : nil
        for i in 0..<rect.height {
            let index = state.measureScroll + i
            guard index < doc.lines.count else { break }
            let line = doc.lines[index]
            let row = rect.row + i
            let selected = line.checklist == state.checklistRow
            let marker = selected ? "▸" : " "
            canvas.write(marker + line.text, column: rect.column, row: row, slot: line.slot, limit: rect.width)
            if selected { canvas.restyle(rect.line(i), slot: .selection) }
            if let query { canvas.highlight(query, row: row, column: rect.column, width: rect.width, slot: .searchMatch) }
        }
    }
}

extension AppState {
    /// `2026-11-21 17:30` in the officer's zone (`utcOffset`), from an event time.
    func localTime(_ date: Date) -> String {
        let stamp = Event.formatTime(date.addingTimeInterval(TimeInterval(utcOffset)))
        return String(stamp.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// A change in words, for the history list.
    func describeChange(_ change: Change) -> String {
        switch change {
        case let .status(status, _, _):
            return "\(Label.statusWord.text(language)) → \(status.map { Label.of($0).text(language) } ?? "—")"
        case let .note(text): return "\(Label.promptNote.text(language)): \(text)"
        case let .assign(unit, role, _): return "+\(unit)（\(Label.of(role).text(language))）"
        case let .unassign(unit, _): return "−\(unit)"
        case let .due(day, _): return "\(Label.due.text(language)) → \(day?.description ?? Label.cleared.text(language))"
        case let .undo(_, inverse): return "\(Label.undo.text(language))" + (inverse.map { ": " + describeChange($0) } ?? "")
        }
    }
}
