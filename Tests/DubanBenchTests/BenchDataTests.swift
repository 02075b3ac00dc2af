import Foundation
import Testing
import PlanModel
import PlanStore
@testable import duban_bench

@Suite("Benchmark data: the same data for Duban and Taskwarrior")
struct BenchDataTests {
    let data = BenchData(measures: 1_200, eventsPerMeasure: 2, seed: 9)

    @Test("one Taskwarrior task per measure: project plan.pillar, units as tags, lead unit and measure as UDAs")
    func taskwarriorMapping() {
        let tasks = TaskwarriorImport(workspace: data.workspace).tasks
        #expect(tasks.count == 1_200)
        #expect(tasks.map(\.measure) == data.measures.map(\.id))
        for (task, measure) in zip(tasks, data.measures) {
            let pillar = measure.id.split(separator: ":")[1].split(separator: ".")[0]
            let plan = measure.id.split(separator: ":")[0]
            #expect(task.project == "\(plan).p\(pillar)")
            #expect(task.tags == data.workspace.units(of: measure).map(\.name))
            #expect(task.unit.map { name in data.workspace.units(of: measure).contains { $0.name == name } } == true)
            #expect(task.description == measure.title)
            #expect(task.annotations.first?.description == measure.text)
        }
        #expect(Set(tasks.map(\.uuid)).count == tasks.count)
    }

    @Test("completed in Taskwarrior exactly when done in Duban, about a fifth of the measures")
    func completedShare() {
        let tasks = TaskwarriorImport(workspace: data.workspace).tasks
        let done = data.measures.map { data.workspace.status(of: $0) == .done }
        #expect(tasks.map { $0.status == "completed" } == done)
        #expect(tasks.allSatisfy { ($0.status == "completed") == ($0.end != nil) })
        let share = Double(done.count { $0 }) / Double(done.count)
        #expect((0.12...0.3).contains(share))
        #expect(data.openMeasure.map { data.workspace.status(of: $0) != .done && $0.tasks.isEmpty } == true)
    }

    @Test("dates are Taskwarrior's compact UTC form")
    func stamps() {
        #expect(TaskwarriorImport.stamp(Date(timeIntervalSince1970: 1_775_039_400)) == "20260401T103000Z")
        #expect(Day("2026-06-30").map(TaskwarriorImport.stamp) == "20260630T090000Z")
    }

    @Test("the generated store holds the plans and the journal of events, readable back")
    func storeRoundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "bench-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try data.write(to: directory)
        let store = try JSONPlanStore.open(at: directory.appending(path: "store"), warn: { _ in })
        #expect(try store.load().plans == data.plans)
        #expect(try store.history(of: nil, since: nil) == data.events)
        let imported = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appending(path: "taskwarrior.json")))
        #expect((imported as? [Any])?.count == 1_200)
    }

    @Test("sizes read as 1k, 10k, 100k or a number; lists are comma-separated", arguments: [
        ("1k", 1_000), ("10K", 10_000), ("100k", 100_000), ("2500", 2_500), ("1m", 1_000_000),
    ])
    func sizes(text: String, measures: Int) {
        #expect(Size(argument: text)?.measures == measures)
    }

    @Test("bad sizes are refused")
    func badSizes() {
        #expect(Size(argument: "0") == nil)
        #expect(Size(argument: "ten") == nil)
        #expect(Size.List(argument: "1k,,10k") == nil)
        #expect(Size.List(argument: "1k,10k")?.sizes.map(\.description) == ["1k", "10k"])
    }
}
