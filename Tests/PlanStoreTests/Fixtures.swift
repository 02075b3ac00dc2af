import Foundation
import PlanModel
import Testing
@testable import PlanStore

extension StoreCoding {
    /// The reference the store's `JSONWriter` output is compared with: `JSONEncoder` in the store's style.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Event.formatTime(date))
        }
        return encoder
    }
}

/// The two stores every contract test runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case json, memory
    var testDescription: String { rawValue }
}

/// Warnings a JSON store reported, collected for assertions.
final class Warnings: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    func add(_ line: String) { lock.withLock { lines.append(line) } }
}

/// A fresh temporary directory, removed when the fixture goes away.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("duban-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

enum Fixtures {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    static func measure(_ id: String, title: String = "开店一件事", tasks: Int = 0,
                        units: [UnitRef] = [UnitRef(name: "区发改委", role: .lead)],
                        deadline: Day? = Day(year: 2026, month: 6, day: 30)) -> Measure {
        Measure(id: id, label: String(id.split(separator: ".").last ?? ""), title: title, text: "\(title)。深化服务。",
                units: units, deadline: deadline.map { Deadline(text: "6月底前", date: $0) },
                tasks: (0..<tasks).map { PlanTask(id: "\(id).\($0 + 1)", title: "任务\($0 + 1)", text: "任务\($0 + 1)。") })
    }

    /// `p-2026`: 1.1 with two tasks, 1.2 and 2.1 without.
    static var plan: Plan {
        Plan(id: "p-2026", title: "嘉定区优化营商环境行动方案", district: "嘉定区", year: 2026, pillars: [
            Pillar(number: "一", title: "政务服务", measures: [measure("p-2026:1.1", tasks: 2), measure("p-2026:1.2", title: "办好一件事")]),
            Pillar(number: "二", title: "市场环境", measures: [measure("p-2026:2.1", title: "公平竞争")]),
        ])
    }

    /// `w-2026`: `count` measures `w-2026:1.1`… without tasks, for the writer processes.
    static func writerPlan(count: Int) -> Plan {
        Plan(id: "w-2026", title: "写入测试", pillars: [
            Pillar(number: "一", title: "写入", measures: (1...count).map { measure("w-2026:1.\($0)", units: [], deadline: nil) }),
        ])
    }

    static func makeStore(_ kind: StoreKind, in directory: TemporaryDirectory,
                          warnings: Warnings = Warnings()) throws -> any PlanStoring {
        switch kind {
        case .json: try JSONPlanStore.create(at: directory.url, now: t0) { warnings.add($0) }
        case .memory: MemoryPlanStore()
        }
    }

    static func jsonStore(in directory: TemporaryDirectory, warnings: Warnings = Warnings()) throws -> JSONPlanStore {
        try JSONPlanStore.create(at: directory.url, now: t0) { warnings.add($0) }
    }

    static func event(_ n: Int, _ target: String, _ change: Change, by officer: String = "wang") -> Event {
        Event(id: EventID.make(time: t0.addingTimeInterval(Double(n))), time: t0.addingTimeInterval(Double(n)),
              officer: officer, target: target, change: change)
    }

    /// The built helper executable `name`, beside the test binary.
    static func executable(_ name: String) -> URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [beside, beside.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return beside.appendingPathComponent(name)
    }
}
