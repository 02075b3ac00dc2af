import Testing
@testable import Dashboard

@Suite("Checklist rows of the measure screen")
struct ChecklistTests {
    @Test("the measure, its tasks, the suggested units, the related measures, the notes, in that order")
    func order() {
        let checklist = Checklist(tasks: 2, suggestions: 1, related: 2, notes: 2)
        let rows = (0..<checklist.count).map { checklist.row(at: $0) }
        #expect(rows == [.measure, .task(0), .task(1), .suggestion(0), .related(0), .related(1), .note(0), .note(1)])
        #expect(checklist.row(at: 8) == nil && checklist.row(at: -1) == nil)
    }

    @Test("a measure without tasks or suggestions: the measure, then the related measures")
    func empty() {
        #expect(Checklist(tasks: 0, suggestions: 0, related: 0).count == 1)
        let checklist = Checklist(tasks: 0, suggestions: 0, related: 1)
        #expect(checklist.row(at: 0) == .measure && checklist.row(at: 1) == .related(0) && checklist.row(at: 2) == nil)
    }
}
