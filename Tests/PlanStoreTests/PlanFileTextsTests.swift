import Foundation
import PlanModel
import Synthetic
import Testing
@testable import PlanStore

/// The store leaves measure and task texts in the plan file (`PlanFile.Texts`)
/// and reads each when it is asked for.
@Suite("Plan file texts")
struct PlanFileTextsTests {
    /// `FastJSONRoundTripTests`' tricky plans, with tricky task texts too.
    static func trickyPlans(seed: UInt64) -> [Plan] {
        var random = SplitMix64(seed: seed &+ 100)
        return FastJSONRoundTripTests.trickyPlans(seed: seed).map { plan in
            var plan = plan
            plan.updateMeasures { measure in
                for t in measure.tasks.indices where random.chance(0.3) {
                    measure.tasks[t].text = FastJSONRoundTripTests.Rewriter.tricky(&random)
                }
            }
            return plan
        }
    }

    /// The plan in `data` read with its texts deferred to a file holding `data`.
    static func deferredRead(_ data: Data, in directory: TemporaryDirectory) -> Plan? {
        let path = directory.path("plan-\(UUID().uuidString).json")
        guard FileManager.default.createFile(atPath: path, contents: data), let fd = try? Disk.openExisting(path) else {
            Issue.record("cannot write \(path)")
            return nil
        }
        return PlanFile.fastRead(data, texts: PlanFile.Texts(fd: fd))
    }

    @Test("texts read on demand equal JSONDecoder's (escapes, surrogate pairs, spaces, any key order), or the reader declines",
          arguments: 1...4 as ClosedRange<UInt64>)
    func equalToEager(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        var random = SplitMix64(seed: seed)
        var read = 0
        for plan in Self.trickyPlans(seed: seed) {
            let canonical = try PlanFile.encode(plan, keepingFieldsOf: nil)
            let deferred = Self.deferredRead(canonical, in: directory)
            #expect(deferred == plan)
            #expect(deferred?.measures.map(\.text) == plan.measures.map(\.text))
            #expect(deferred?.measures.flatMap(\.tasks).map(\.text) == plan.measures.flatMap(\.tasks).map(\.text))
            // A search reads the stored bytes, unescaped, without making strings.
            #expect(deferred?.measures.map { $0.deferredText.withUTF8 { Array($0) } } == plan.measures.map { Array($0.text.utf8) })
            read += try FastJSONRoundTripTests.checkRewrites(of: canonical, count: 12, random: &random,
                                                             fast: { Self.deferredRead($0, in: directory) }) {
                try? StoreCoding.decodeVersioned(PlanFile.self, from: $0, file: "p.json").plan
            }
        }
        #expect(read > 0)
    }

    /// `plan` with every text made a string (none left in a file).
    static func eager(_ plan: Plan) -> Plan {
        var plan = plan
        plan.updateMeasures { measure in
            measure.deferredText = DeferredText(measure.text)
            for t in measure.tasks.indices { measure.tasks[t].deferredText = DeferredText(measure.tasks[t].text) }
        }
        return plan
    }

    @Test("the search index made from texts left in their file is the one made from strings", arguments: 1...4 as ClosedRange<UInt64>)
    func searchIndexFromTheFile(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        for plan in Self.trickyPlans(seed: seed) {
            let deferred = try #require(Self.deferredRead(try PlanFile.encode(plan, keepingFieldsOf: nil), in: directory))
            #expect(SearchIndex(plans: [deferred]) == SearchIndex(plans: [Self.eager(plan)]))
        }
    }

    @Test("a text of a plan file that is not valid UTF-8 reads with U+FFFD, in the search index too")
    func invalidFile() throws {
        let directory = TemporaryDirectory()
        let plan = Fixtures.plan
        var data = try PlanFile.encode(plan, keepingFieldsOf: nil)
        // A byte that is no UTF-8 in 1.2's text ("办好一件事。深化服务。").
        let at = try #require(data.firstRange(of: Data("深化服务".utf8), in: data.range(of: Data("办好一件事。".utf8))!.lowerBound..<data.count))
        data[at.lowerBound] = 0xFF
        let deferred = try #require(Self.deferredRead(data, in: directory))
        let damaged = try #require(deferred.measures.first { $0.id == "p-2026:1.2" })
        #expect(damaged.text.contains("\u{FFFD}"))
        #expect(SearchIndex(plans: [deferred]) == SearchIndex(plans: [Self.eager(deferred)]))
    }

    /// Overwrites the first `old` in the file at `path` with `new`, of the same length, in place.
    static func overwrite(_ old: String, with new: String, in path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        let at = try #require(data.firstRange(of: Data(old.utf8))).lowerBound
        #expect(old.utf8.count == new.utf8.count)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: UInt64(at))
        try handle.write(contentsOf: Data(new.utf8))
        try handle.close()
    }

    @Test("an open reads no text: a text changed in its file after the open reads as changed, the title as it was")
    func readOnDemand() throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.jsonStore(in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let workspace = try store.load()
        let path = directory.path("plans/p-2026.json")
        try Self.overwrite("开店一件事。深化服务。", with: "开店一件事。优化服务。", in: path)
        try Self.overwrite("\"text\":\"任务2。\"", with: "\"text\":\"工作2。\"", in: path)
        let measure = try #require(workspace.measure("p-2026:1.1"))
        #expect(measure.text == "开店一件事。优化服务。")
        #expect(measure.title == "开店一件事")
        #expect(measure.tasks.map(\.text) == ["任务1。", "工作2。"])
    }

    @Test("the first text asked for reads the whole file and closes it: a text changed after that reads as it was")
    func firstTextReadsWholeFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("plan.json")
        let data = try PlanFile.encode(Fixtures.plan, keepingFieldsOf: nil)
        #expect(FileManager.default.createFile(atPath: path, contents: data))
        let fd = try #require(try Disk.openExisting(path))
        let plan = try #require(PlanFile.fastRead(data, texts: PlanFile.Texts(fd: fd)))
        let measure = try #require(plan.measures.first { $0.id == "p-2026:1.1" })
        #expect(measure.tasks.first?.text == "任务1。")
        try Self.overwrite("开店一件事。深化服务。", with: "开店一件事。优化服务。", in: path)
        #expect(measure.text == "开店一件事。深化服务。")
        // The descriptor is closed (its number is free, or taken by another file).
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")
        #expect(target != path)
    }

    @Test("a re-import after an open leaves that open's texts as they were; the next open reads the new ones")
    func reimportKeepsTexts() throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.jsonStore(in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let before = try store.load()
        var plan = Fixtures.plan
        plan.pillars[0].measures[0].text = "新的正文，比原来的长，位置也都变了。"
        plan.pillars[0].measures[0].tasks[0].text = "新的任务。"
        _ = try store.importPlan(plan)
        #expect(before.plans == [Fixtures.plan])
        #expect(try store.load().plans == [plan])
    }

    @Test("a text whose place no longer holds a string (its file rewritten in place, shorter) reads as empty")
    func rewrittenInPlace() throws {
        let directory = TemporaryDirectory()
        let store = try Fixtures.jsonStore(in: directory)
        _ = try store.importPlan(Fixtures.plan)
        let workspace = try store.load()
        let handle = try #require(FileHandle(forWritingAtPath: directory.path("plans/p-2026.json")))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("{}".utf8))
        try handle.close()
        #expect(workspace.measure("p-2026:1.1")?.text == "")
        #expect(workspace.measure("p-2026:1.1")?.title == "开店一件事")
    }
}

@Suite("Open-file limit")
struct OpenFileLimitTests {
    @Test("the soft limit is raised as far as the hard limit allows, and never lowered")
    func raised() throws {
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        var limit = rlimit()
        #expect(getrlimit(resource, &limit) == 0)
        let original = Int(clamping: limit.rlim_cur)
        try #require(original > 200)
        // The soft limit a little lower first (where soft and hard are equal, there is nothing to raise).
        var lowered = limit
        lowered.rlim_cur -= 100
        #expect(setrlimit(resource, &lowered) == 0)
        #expect(Disk.raiseOpenFileLimit(toAtLeast: original - 50) == original - 50)
        #expect(Disk.raiseOpenFileLimit(toAtLeast: 1) == original - 50)
        #expect(Disk.raiseOpenFileLimit(toAtLeast: original) == original)
    }
}
