import Foundation
import Testing
@testable import PlanModel

/// A source that counts the texts read from it: what the store's plan file does, without a file.
final class CountingSource: DeferredText.Source, @unchecked Sendable {
    private let lock = NSLock()
    private var reads = 0
    var count: Int { lock.withLock { reads } }

    func withUTF8<R>(at place: DeferredText.Place, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        lock.withLock { reads += 1 }
        var text = "正文\(place.offset)"
        return text.withUTF8(body)
    }
}

@Suite("Deferred texts")
struct DeferredTextTests {
    /// `plans` with every measure and task text deferred to `source`, each at its own place.
    static func deferring(_ plans: [Plan], to source: CountingSource) -> [Plan] {
        var offset: UInt32 = 1
        func next() -> DeferredText {
            defer { offset += 10 }
            return DeferredText(source: source, place: DeferredText.Place(offset: offset, count: 9, escaped: false))
        }
        return plans.map { plan in
            var plan = plan
            plan.updateMeasures { measure in
                measure.deferredText = next()
                for t in measure.tasks.indices { measure.tasks[t].deferredText = next() }
            }
            return plan
        }
    }

    @Test("listings read no text: ids, titles, units, status, progress, lights, workload and the ledger report")
    func listingsReadNoText() throws {
        let source = CountingSource()
        let eager = ReportTests.workspace
        let workspace = Workspace(plans: Self.deferring(eager.plans, to: source), ledger: eager.ledger)
        let today = Day(year: 2026, month: 7, day: 1)!
        var listed: [String] = []
        for plan in workspace.plans {
            let progress = workspace.progress(of: plan)
            listed.append("\(plan.id) \(progress.done)/\(progress.total)")
            for measure in plan.measures {
                let schedule = workspace.schedule(of: measure, today: today)
                listed.append([measure.id, measure.title, workspace.status(of: measure).rawValue, "\(schedule.light)",
                               "\(workspace.isOverdue(measure, today: today))", "\(workspace.taskProgress(of: measure))",
                               workspace.units(of: measure).map(\.name).joined(separator: "、")].joined(separator: " "))
            }
        }
        let workload = Workload(workspace: workspace, directory: UnitDirectory(), today: today)
        let report = Report(workspace: workspace, directory: UnitDirectory(), today: today)
        #expect(workload.rows.count == Workload(workspace: eager, directory: UnitDirectory(), today: today).rows.count)
        #expect(report.rendered(as: .csv) == Report(workspace: eager, directory: UnitDirectory(), today: today).rendered(as: .csv))
        #expect(listed.count == 4)
        #expect(source.count == 0, "a listing read \(source.count) texts")
        // The source is asked when a text is.
        #expect(workspace.measure("jinshan-2026:1.1")?.text == "正文1")
        #expect(source.count == 1)
    }

    @Test("a deferred text equals the same text as a string, and itself without being read")
    func equality() {
        let source = CountingSource()
        let place = DeferredText.Place(offset: 5, count: 3, escaped: false)
        #expect(DeferredText(source: source, place: place) == DeferredText(source: source, place: place))
        #expect(source.count == 0)
        #expect(DeferredText(source: source, place: place) == DeferredText("正文5"))
        #expect(DeferredText(source: source, place: place) != DeferredText("正文6"))
        var measure = Measure(id: "p:1.1", label: "1", title: "标题", text: DeferredText(source: source, place: place))
        #expect(measure.text == "正文5")
        measure.text = "新的"
        #expect(measure.deferredText == DeferredText("新的"))
    }
}
