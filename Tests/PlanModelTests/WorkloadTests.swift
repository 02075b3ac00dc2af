import Foundation
import Synthetic
import Testing
@testable import PlanModel

@Suite("Workload: measures per unit by status")
struct WorkloadTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    let june = Day(year: 2026, month: 6, day: 30)
    let today = Day(year: 2026, month: 7, day: 1)!

    func measure(_ id: String, _ units: [UnitRef], due: Day? = nil, tasks: Int = 0) -> Measure {
        Measure(id: id, label: id, title: "措施\(id)", text: "", units: units,
                deadline: due.map { Deadline(text: "6月底前", date: $0) },
                tasks: (0..<tasks).map { PlanTask(id: "\(id).\($0 + 1)", title: "任务", text: "") })
    }

    var plans: [Plan] {
        let lead = { UnitRef(name: $0, role: .lead) }, support = { UnitRef(name: $0, role: .support) }
        return [
            Plan(id: "jinshan-2026", title: "金山", district: "金山区", pillars: [
                Pillar(number: "一", title: "政务", measures: [
                    measure("jinshan-2026:1.1", [lead("区发改委"), support("区经委"), support("区数据局")], due: june),
                    measure("jinshan-2026:1.2", [support("区发展和改革委员会"), lead("區發改委")], tasks: 2),
                ]),
                Pillar(number: "二", title: "市场", measures: [
                    measure("jinshan-2026:2.1", [UnitRef(name: "区经济委员会", role: .responsible)], due: june),
                    measure("jinshan-2026:2.2", []),
                ]),
            ]),
            Plan(id: "jiading-2026", title: "嘉定", district: "嘉定区", pillars: [
                Pillar(number: "一", title: "政务", measures: [measure("jiading-2026:1.1", [lead("区发改委")])]),
            ]),
        ]
    }

    func event(_ n: Int, _ target: String, _ change: Change) -> Event {
        Event(id: "e\(n)", time: t0.addingTimeInterval(Double(n)), officer: "wang", target: target, change: change)
    }

    func rows(_ workload: Workload) -> [String: Workload.Row] {
        Dictionary(uniqueKeysWithValues: workload.rows.map { ($0.unit.id, $0) })
    }

    @Test("a measure counts once for each unit; spellings of one unit count once, as lead if any says so")
    func counting() throws {
        let workload = Workload(workspace: Workspace(plans: plans), directory: UnitDirectory(), today: today)
        let byId = rows(workload)
        let fagai = try #require(byId["jinshan/区发改委"])
        #expect((fagai.total, fagai.led, fagai.todo, fagai.overdue) == (2, 2, 2, 1))
        #expect(fagai.unit.name == "区发改委" && fagai.unit.spellings.count == 3)
        let jingwei = try #require(byId["jinshan/区经委"])
        #expect((jingwei.total, jingwei.led, jingwei.overdue) == (2, 0, 2))
        #expect(byId["jinshan/区数据局"]?.total == 1)
        // The same bureau of another district is another unit.
        #expect(byId["jiading/区发改委"]?.total == 1)
        #expect(workload.rows.count == 4)
    }

    @Test("marks, unit changes and their undos move the counts and back")
    func marksAndUndos() throws {
        var workspace = Workspace(plans: plans)
        let directory = UnitDirectory()
        let before = Workload(workspace: workspace, directory: directory, today: today)
        let changes: [(String, Change)] = [
            ("jinshan-2026:1.1", .status(.done, previous: nil, force: false)),
            ("jinshan-2026:1.2.1", .status(.done, previous: nil, force: false)),
            ("jinshan-2026:2.1", .status(.blocked, previous: nil, force: false)),
            ("jinshan-2026:2.2", .assign(unit: "区市场监督管理局", role: .lead, previous: nil)),
            ("jinshan-2026:1.1", .unassign(unit: "区数据局", previous: .support)),
        ]
        for (n, (target, change)) in changes.enumerated() { workspace.apply(event(n, target, change)) }

        var byId = rows(Workload(workspace: workspace, directory: directory, today: today))
        let fagai = try #require(byId["jinshan/区发改委"])
        #expect((fagai.done, fagai.doing, fagai.todo, fagai.overdue) == (1, 1, 0, 0))
        let jingwei = try #require(byId["jinshan/区经委"])
        #expect((jingwei.done, jingwei.blocked, jingwei.overdue, jingwei.open) == (1, 1, 1, 1))
        #expect(byId["jinshan/区市场监管局"].map { ($0.total, $0.led) } ?? (0, 0) == (1, 1))
        #expect(byId["jinshan/区数据局"] == nil)

        for n in 0..<2 {
            workspace.apply(try #require(workspace.ledger.undo(by: "wang", id: "u\(n)", time: t0)))
        }
        byId = rows(Workload(workspace: workspace, directory: directory, today: today))
        #expect(byId["jinshan/区数据局"]?.total == 1)
        #expect(byId["jinshan/区市场监管局"] == nil)
        #expect(byId["jinshan/区经委"].map { ($0.blocked, $0.done) } ?? (0, 0) == (1, 1))

        for n in 2..<5 {
            workspace.apply(try #require(workspace.ledger.undo(by: "wang", id: "u\(n)", time: t0)))
        }
        #expect(Workload(workspace: workspace, directory: directory, today: today) == before)
    }

    @Test("plans of one district counted each on its own and added up equal the same measures counted as one plan",
          arguments: 1...4 as ClosedRange<UInt64>)
    func plansAddUp(seed: UInt64) {
        // Every plan in one district (`jd-2021`, `jd-2022`, …): the same units across plans must become one row,
        // their spellings merged in order.
        let plans = Synthetic.plans(measures: 3_000, seed: seed).enumerated().map { k, plan in
            var plan = plan
            plan.id = "jd-\(2021 + k)"
            return plan
        }
        var ledger = Ledger()
        Synthetic.events(for: plans, count: 800, seed: seed, start: t0).forEach { ledger.apply($0) }
        let one = Plan(id: "jd-2030", title: "全部", pillars: plans.flatMap(\.pillars))
        let apart = Workload(workspace: Workspace(plans: plans, ledger: ledger), directory: UnitDirectory(), today: today)
        let together = Workload(workspace: Workspace(plans: [one], ledger: ledger), directory: UnitDirectory(), today: today)
        #expect(plans.count > 1 && apart.rows.count > 10)
        #expect(apart.rows == together.rows)
        let filter = Workload.Filter(plans: Set(plans.dropFirst().map(\.id)), statuses: [.todo, .doing])
        #expect(Workload(workspace: Workspace(plans: plans, ledger: ledger), directory: UnitDirectory(), today: today, filter: filter).rows
                == Workload(workspace: Workspace(plans: [Plan(id: "jd-2031", title: "", pillars: plans.dropFirst().flatMap(\.pillars))],
                                                 ledger: ledger), directory: UnitDirectory(), today: today,
                            filter: Workload.Filter(statuses: [.todo, .doing])).rows)
    }

    @Test("a plan's measures counted in runs side by side equal one pass over them in order",
          arguments: 1...3 as ClosedRange<UInt64>)
    func runsAddUp(seed: UInt64) {
        // Two spellings of one unit, the later one more used in later measures, and two used equally often
        // far apart: the run merge must add up each spelling's uses and keep the order they were first met in
        // (a tie goes to the first).
        let plans = Synthetic.plans(measures: 2_000, seed: seed).map { plan in
            var plan = plan
            var k = 0
            plan.updateMeasures { measure in
                k += 1
                if k % 7 == 3 { measure.units.append(UnitRef(name: "区发改委", role: .lead)) }
                if k > 600, k % 3 == 1 { measure.units.append(UnitRef(name: "区发展和改革委员会", role: .support)) }
                if (100..<200).contains(k) { measure.units.append(UnitRef(name: "区 测试局", role: .support)) }
                if (800..<900).contains(k) { measure.units.append(UnitRef(name: "区测试局", role: .support)) }
            }
            return plan
        }
        var ledger = Ledger()
        Synthetic.events(for: plans, count: 900, seed: seed, start: t0).forEach { ledger.apply($0) }
        let workspace = Workspace(plans: plans, ledger: ledger)
        let onePass = Workload(workspace: workspace, directory: UnitDirectory(), today: today, filter: Workload.Filter(), runsPerPlan: 1)
        #expect(onePass.rows.count > 10 && onePass.rows.filter { $0.unit.spellings.count > 1 }.count >= 2)
        #expect(onePass.rows.filter { $0.unit.spellings.contains("区测试局") }.map(\.unit.spellings) == Array(repeating: ["区 测试局", "区测试局"], count: plans.count))
        for runs in [2, 3, 7, 64] {
            let inRuns = Workload(workspace: workspace, directory: UnitDirectory(), today: today, filter: Workload.Filter(), runsPerPlan: runs)
            #expect(inRuns.rows == onePass.rows, "\(runs) runs a plan")
        }
        #expect(Workload(workspace: workspace, directory: UnitDirectory(), today: today).rows == onePass.rows)
    }

    @Test("a unit is named by its most used spelling across the plans of its district")
    func spellingAcrossPlans() {
        let long = UnitRef(name: "区发展和改革委员会", role: .support), short = UnitRef(name: "区发改委", role: .lead)
        let plans = [
            Plan(id: "jd-2024", title: "", pillars: [Pillar(number: "一", title: "", measures: [measure("jd-2024:1.1", [short])])]),
            Plan(id: "jd-2025", title: "", pillars: [Pillar(number: "一", title: "", measures: [measure("jd-2025:1.1", [long])])]),
            Plan(id: "jd-2026", title: "", pillars: [Pillar(number: "一", title: "", measures: [
                measure("jd-2026:1.1", [long]), measure("jd-2026:1.2", [long]),
            ])]),
        ]
        let workload = Workload(workspace: Workspace(plans: plans), directory: UnitDirectory(), today: today)
        #expect(workload.rows.count == 1)
        #expect(workload.rows.first?.unit.name == "区发展和改革委员会")
        #expect(workload.rows.first?.unit.spellings == ["区发展和改革委员会", "区发改委"])
        #expect(workload.rows.first.map { ($0.total, $0.led) } ?? (0, 0) == (4, 1))
    }

    @Test("filters by plan, pillar and status")
    func filters() {
        var workspace = Workspace(plans: plans)
        workspace.apply(event(1, "jinshan-2026:2.1", .status(.done, previous: nil, force: false)))
        let directory = UnitDirectory()
        func totals(_ filter: Workload.Filter) -> [String: Int] {
            rows(Workload(workspace: workspace, directory: directory, today: today, filter: filter)).mapValues(\.total)
        }
        #expect(totals(.init(plans: ["jiading-2026"])) == ["jiading/区发改委": 1])
        #expect(totals(.init(plans: ["jinshan-2026"], pillar: 2)) == ["jinshan/区经委": 1])
        #expect(totals(.init(statuses: [.done])) == ["jinshan/区经委": 1])
        #expect(totals(.init(plans: ["nowhere-2026"])).isEmpty)
    }

    @Test("sorts by open load, overdue, completion and name")
    func sorting() {
        var workspace = Workspace(plans: plans)
        workspace.apply(event(1, "jinshan-2026:1.2", .status(.done, previous: nil, force: false)))
        let workload = Workload(workspace: workspace, directory: UnitDirectory(), today: today)
        func order(_ order: Workload.Order) -> [String] { workload.sorted(by: order).rows.map(\.unit.id) }
        // Open: 区经委 2; then 1 each, overdue first (jinshan 区发改委, 区数据局), then jiading 区发改委.
        #expect(order(.open) == ["jinshan/区经委", "jinshan/区发改委", "jinshan/区数据局", "jiading/区发改委"])
        #expect(order(.overdue).prefix(1) == ["jinshan/区经委"])
        #expect(order(.done).first == "jinshan/区发改委")
        #expect(order(.name) == ["jiading/区发改委", "jinshan/区发改委", "jinshan/区数据局", "jinshan/区经委"])
    }

    @Test("list --unit finds a unit's measures by any spelling")
    func measuresOfUnit() {
        let workspace = Workspace(plans: plans)
        let directory = UnitDirectory()
        #expect(workspace.measures(naming: "區經委", directory: directory).map(\.id) == ["jinshan-2026:1.1", "jinshan-2026:2.1"])
        #expect(workspace.measures(naming: "区发展改革委", district: "jiading", directory: directory).map(\.id) == ["jiading-2026:1.1"])
    }
}
