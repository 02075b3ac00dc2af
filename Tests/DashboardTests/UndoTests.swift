import Foundation
import PlanModel
import Testing
import TerminalKit
import TestSupport
@testable import Dashboard

/// `u` and `U`: scoped to the screen, whole steps, named with the title, redone as new events.
@Suite("Undo and redo")
struct UndoTests {
    typealias Script = KeySequenceTests.Script
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    func c(_ character: Character) -> Key { .character(character) }

    /// What the store answers to `u` after `b 等待会签` on 1.3: the step (mark and reason) undone, newest first.
    func blockStep(language: Language = .en) -> (step: [Event], outcome: UndoOutcome) {
        let status = Event(id: "e1", time: t0, officer: "wang", target: "jinshan-2026:1.3", change: .status(.blocked, previous: nil, force: false))
        let note = Event(id: "e2", time: t0, officer: "wang", target: "jinshan-2026:1.3", change: .note("等待会签"))
        let later = t0.addingTimeInterval(60)
        let undos = [Event(id: "u2", time: later, officer: "wang", target: note.target, change: .undo(event: "e2", inverse: nil)),
                     Event(id: "u1", time: later, officer: "wang", target: status.target, change: .undo(event: "e1", inverse: status.change.inverse))]
        return ([status, note], UndoOutcome(undone: undos, reverted: [note, status]))
    }

    @Test("u reaches what the screen shows: a measure and its tasks, the plan, the unit's measures, everything from the plans")
    func scope() throws {
        var s = Script()
        s.press(c("u"))
        #expect(s.effects == [.undo(.everything)])
        s.open("jinshan-2026")
        s.press(c("u"))
        #expect(s.effects == [.undo(UndoScope(ids: ["jinshan-2026"]))])
        s.press(c("j"), c("j"), .enter, c("u"))
        #expect(s.effects == [.undo(UndoScope(ids: ["jinshan-2026:1.3"]))])
        var unit = Script()
        let opened = unit.state.openUnitHome("区市场监管局")
        #expect(opened)
        unit.press(c("u"))
        let measures = try #require(unit.state.workload?.measures)
        #expect(!measures.isEmpty && unit.effects == [.undo(UndoScope(ids: Set(measures)))])
    }

    @Test("u names the item's number, title and what it undid; a block with its reason is one step", arguments: [
        (Language.en, "Undone: 1.3 优化智慧好办：A… blocked (reason: 等待会签)"),
        (.zh, "撤销：1.3 优化智慧好办：A… 受阻（原因：等待会签）"),
    ])
    func undoNamesTheStep(language: Language, message: String) {
        var s = Script(language: language)
        s.open("jinshan-2026")
        let (step, outcome) = blockStep()
        _ = s.state.apply(.recorded(step))
        _ = s.state.apply(.undone(outcome))
        #expect(s.state.message == Message(message))
        #expect(s.state.workspace.ledger.marks["jinshan-2026:1.3"] == nil)
        #expect(s.state.workspace.ledger.notes["jinshan-2026:1.3"] ?? [] == [])
    }

    @Test("U and Ctrl-R redo the last step undone on this screen as one new step, named; a new change on it ends its redo")
    func redo() {
        var s = Script()
        s.open("jinshan-2026")
        let (step, outcome) = blockStep()
        _ = s.state.apply(.recorded(step))
        _ = s.state.apply(.undone(outcome))
        // Not on screen from another plan.
        var other = s
        _ = other.state.openPlan("minhang-2026")
        other.press(c("U"))
        #expect(other.effects == [] && other.state.message == Message("Nothing to redo"))
        s.press(.control("r"))
        #expect(s.effects == [.record(target: "jinshan-2026:1.3", changes: step.map(\.change))])
        let again = step.enumerated().map { Event(id: "r\($0.offset)", time: t0.addingTimeInterval(120), officer: "wang",
                                                  target: $0.element.target, change: $0.element.change) }
        _ = s.state.apply(.recorded(again))
        #expect(s.state.message == Message("Redone: 1.3 优化智慧好办：A… blocked (reason: 等待会签)"))
        #expect(s.state.workspace.ledger.marks["jinshan-2026:1.3"]?.status == .blocked)
        s.press(c("U"))
        #expect(s.effects == [] && s.state.message == Message("Nothing to redo"))
        // Undone again, then changed otherwise: nothing to redo over the new change.
        _ = s.state.apply(.undone(outcome))
        _ = s.state.apply(.recorded([Event(id: "e9", time: t0.addingTimeInterval(180), officer: "wang", target: "jinshan-2026:1.3",
                                           change: .status(.doing, previous: nil, force: false))]))
        s.press(c("U"))
        #expect(s.effects == [] && s.state.message == Message("Nothing to redo"))
    }

    @Test("an undone note leaves the measure's notes; the history keeps it, marked withdrawn", arguments: [
        (Language.en, "Note: 已召开推进会 (withdrawn)"), (.zh, "备注: 已召开推进会（已撤回）"),
    ])
    func withdrawnNote(language: Language, mark: String) {
        var s = Script(size: Size(width: 100, height: 60), language: language)
        s.open("jinshan-2026")
        s.press(.enter)
        let note = Event(id: "e1", time: t0, officer: "wang", target: "jinshan-2026:1.1", change: .note("已召开推进会"))
        _ = s.state.apply(.recorded([note]))
        #expect(s.screenText().contains("wang: 已召开推进会"))
        let undo = Event(id: "u1", time: t0.addingTimeInterval(60), officer: "wang", target: note.target, change: .undo(event: "e1", inverse: nil))
        _ = s.state.apply(.undone(UndoOutcome(undone: [undo], reverted: [note])))
        _ = s.state.apply(.history(measure: "jinshan-2026:1.1", events: [note, undo]))
        let text = s.screenText()
        #expect(!text.contains("wang: 已召开推进会"), "\(text)")
        #expect(text.contains(mark), "\(text)")
    }

    @Test("n on a note row edits that note (a task's too): the prompt holds its text, Enter records an editNote")
    func editNoteFromItsRow() {
        var s = Script(size: Size(width: 100, height: 60))
        s.open("jinshan-2026")
        s.press(.enter)
        let note = Event(id: "e1", time: t0, officer: "wang", target: "jinshan-2026:1.1.2", change: .note("已对接"))
        _ = s.state.apply(.recorded([note]))
        s.press(c("G"))
        #expect(s.state.checklistRow == .note(0))
        s.press(c("n"))
        #expect(s.state.prompt == Prompt(kind: .editNote(target: "jinshan-2026:1.1.2", note: "e1"), text: "已对接"))
        s.type("，已落实")
        s.press(.enter)
        #expect(s.effects == [.record(target: "jinshan-2026:1.1.2",
                                      changes: [.editNote(note: "e1", text: "已对接，已落实", previous: "已对接")])])
        // On the measure row, n still adds a note.
        s.press(c("g"), c("n"))
        #expect(s.state.prompt == Prompt(kind: .note(target: "jinshan-2026:1.1")))
    }
}
