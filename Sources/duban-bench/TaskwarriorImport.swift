import Foundation
import PlanModel
import Synthetic

/// The same data in `task import` format: one Taskwarrior task per measure,
/// project `<plan>.p<pillar>`, the units as tags and the lead unit in a `unit`
/// UDA, the measure id in a `measure` UDA, the body and notes as annotations.
struct TaskwarriorImport {
    let workspace: Workspace

    struct Annotation: Encodable {
        var entry: String
        var description: String
    }

    struct Task: Encodable {
        var uuid: String
        var description: String
        var entry: String
        var modified: String
        var project: String
        var measure: String
        var unit: String?
        var tags: [String]
        var due: String?
        var annotations: [Annotation]
        var status: String
        var end: String?
    }

    /// Lines in the taskrc that declare the UDAs used here.
    static let rcLines = [
        "uda.unit.type=string", "uda.unit.label=Unit",
        "uda.measure.type=string", "uda.measure.label=Measure",
    ]

    var tasks: [Task] {
        var result: [Task] = []
        for plan in workspace.plans {
            let entry = plan.date.map(TaskwarriorImport.stamp) ?? TaskwarriorImport.stamp(BenchData.historyStart)
            for (p, pillar) in plan.pillars.enumerated() {
                for measure in pillar.measures {
                    result.append(task(for: measure, project: "\(plan.id).p\(p + 1)", entry: entry))
                }
            }
        }
        return result
    }

    private func task(for measure: Measure, project: String, entry: String) -> Task {
        let units = workspace.units(of: measure)
        let notes = workspace.ledger.notes[measure.id] ?? []
        let mark = workspace.ledger.marks[measure.id]
        let done = workspace.status(of: measure) == .done
        let end = done ? (mark.map { TaskwarriorImport.stamp($0.time) } ?? entry) : nil
        return Task(uuid: TaskwarriorImport.uuid(for: measure.id), description: measure.title, entry: entry,
                    modified: end ?? entry, project: project, measure: measure.id,
                    unit: units.first(where: { $0.role == .lead })?.name ?? units.first?.name,
                    tags: units.map(\.name), due: workspace.dueDate(of: measure).map(TaskwarriorImport.stamp),
                    annotations: [Annotation(entry: entry, description: measure.text)]
                        + notes.map { Annotation(entry: TaskwarriorImport.stamp($0.time), description: $0.text) },
                    status: done ? "completed" : "pending", end: end)
    }

    func write(to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(tasks).write(to: file)
    }

    /// Taskwarrior's compact UTC form, `20260105T093000Z`, from the journal's time text.
    static func stamp(_ date: Date) -> String {
        compact(String(Event.formatTime(date).prefix(19)))
    }

    /// A day as 09:00 UTC, inside the working day in Shanghai.
    static func stamp(_ day: Day) -> String { compact("\(day)T09:00:00") }

    private static func compact(_ text: String) -> String {
        text.filter { $0 != "-" && $0 != ":" } + "Z"
    }

    /// A stable version-4-shaped UUID derived from the id (FNV-1a, then
    /// SplitMix64 to spread similar ids apart), so imports are repeatable.
    static func uuid(for id: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var random = SplitMix64(seed: hash)
        let hex = Array(String(random.next(), radix: 16).leftPadded(16) + String(random.next(), radix: 16).leftPadded(16))
        func part(_ range: Range<Int>) -> String { String(hex[range]) }
        return "\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-a\(part(17..<20))-\(part(20..<32))"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
