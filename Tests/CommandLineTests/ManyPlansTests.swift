import Foundation
import PlanModel
import PlanStore
import Testing

/// A store of more plans than the process may have files open: a plan's file stays
/// open until its texts are read, so past the limit (raised to the hard limit when it
/// can be) the texts keep the file's bytes instead, and every text still reads.
@Suite("More plans than open files")
final class ManyPlansTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-many-\(UUID().uuidString)")
    static let plans = 120
    static let measuresPerPlan = 5

    deinit { try? FileManager.default.removeItem(at: directory) }

    init() throws {
        let store = try JSONPlanStore.create(at: directory, now: Date(), warn: { _ in })
        for n in 1...Self.plans {
            let id = "m\(n)-2026"
            // Five measures each: 600 rows, enough for `list --json` to be written in runs on two threads.
            _ = try store.importPlan(Plan(id: id, title: "方案\(n)", pillars: [Pillar(number: "一", title: "政务", measures: [
                Measure(id: "\(id):1.1", label: "1", title: "措施\(n)", text: "正文\(n)：推动“一网通办”第\(n)项。",
                        tasks: [PlanTask(id: "\(id):1.1.1", title: "任务\(n)", text: "任务正文\(n)")]),
            ] + (2...Self.measuresPerPlan).map { m in Measure(id: "\(id):1.\(m)", label: "\(m)", title: "措施\(n)-\(m)", text: "正文") })]))
        }
    }

    /// `duban` under a shell that set the limit of open files (`-n` hard and soft, `-Sn` soft only).
    func duban(limit: String, _ arguments: String...) throws -> DubanProcess.Run {
        try DubanProcess.run(arguments + ["--store", directory.path],
                             wrapper: ["/bin/sh", "-c", "ulimit \(limit) && exec \"$0\" \"$@\""])
    }

    @Test("with a hard limit of 48 files and a soft one of 48: list, search and show read all 120 plans' texts",
          arguments: ["-n 48", "-Sn 48"])
    func texts(limit: String) throws {
        let list = try duban(limit: limit, "list", "--json")
        #expect(list.status == 0, "\(list.error)")
        // Whole JSON, every row once, in plan order (the runs joined in order).
        let rows = try #require(try JSONSerialization.jsonObject(with: list.data) as? [[String: Any]])
        // Plans in the order of their files' names (`m1-`, `m10-`, `m100-`, …), measures in document order.
        let expected = (1...Self.plans).map { "m\($0)-2026" }.sorted().flatMap { plan in (1...Self.measuresPerPlan).map { "\(plan):1.\($0)" } }
        #expect(rows.compactMap { $0["id"] as? String } == expected)
        let search = try duban(limit: limit, "search", "一网通办", "--json")
        #expect(search.status == 0, "\(search.error)")
        #expect(search.output.components(separatedBy: "第\(Self.plans)项").count == 2, "\(search.output.suffix(300))")
        let show = try duban(limit: limit, "show", "m\(Self.plans)-2026:1.1")
        #expect(show.status == 0, "\(show.error)")
        #expect(show.output.contains("正文\(Self.plans)：推动“一网通办”第\(Self.plans)项。"), "\(show.output)")
        #expect(show.output.contains("任务正文\(Self.plans)") || show.output.contains("任务\(Self.plans)"), "\(show.output)")
    }
}
