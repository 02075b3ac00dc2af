import Foundation
import PlanModel

/// Small plans in the shape of the real sample documents, for screen tests and the
/// dashboard benchmark. Titles mix Chinese and ASCII on purpose (AI+政务服务 2.0,
/// 5G, 12345), to check column alignment.
public enum FixturePlans {
    /// The day the fixtures are seen from: some due dates passed, some soon.
    public static let today = Day(year: 2026, month: 6, day: 20)!  // test support: a literal day

    static func day(_ text: String) -> Day? { Day(text) }

    static func measure(_ plan: String, _ p: Int, _ m: Int, _ label: String, _ title: String, _ text: String,
                        units: [(String, Role)] = [], due: String? = nil, tasks: [String] = []) -> Measure {
        let id = "\(plan):\(p).\(m)"
        return Measure(id: id, label: label, title: title, text: text,
                       units: units.map { UnitRef(name: $0.0, role: $0.1) },
                       deadline: due.map { Deadline(text: "\($0)前完成", date: day($0)) },
                       tasks: tasks.enumerated().map { PlanTask(id: "\(id).\($0.offset + 1)", title: $0.element, text: $0.element + "。") })
    }

    public static let jinshan: Plan = {
        let id = "jinshan-2026"
        return Plan(id: id, title: "金山区加快打造一流营商环境行动方案（2026年）", district: "金山区", year: 2026, pillars: [
            Pillar(number: "一", title: "打造高效便捷的政务服务环境", measures: [
                measure(id, 1, 1, "（一）", "拓展“一件事”集成服务",
                        "巩固拓展“高效办成一件事”成果，深化“开店一件事”集成服务，整合全链条审批许可事项，强化审批、监管、服务联动。在重点园区探索设立营商服务点，推动政策与服务精准直达。",
                        units: [("区发改委", .lead), ("区政务服务办", .support)], due: "2026-06-30",
                        tasks: ["深化“开店一件事”集成服务", "在重点园区探索设立营商服务点", "推广“一项目一专员”全程帮办"]),
                measure(id, 1, 2, "（二）", "完善惠企政策全流程服务",
                        "推动区级普惠性政策全面纳入“一网通办”“随申兑”，推动申报类普惠性政策实现“免申即享”。",
                        units: [("区财政局", .lead)], due: "2026-09-30", tasks: ["纳入“一网通办”", "实现“免申即享”"]),
                measure(id, 1, 3, "（三）", "优化智慧好办：AI+政务服务 2.0 版本上线",
                        "积极配合市级“一网通办”能力升级，深化“智能帮办”“申报智能自检”等应用，推动 AI 大模型在政务服务中的应用。",
                        units: [("区政务服务办", .lead), ("区大数据中心", .support)], due: "2026-06-25"),
                measure(id, 1, 4, "（八）", "完善诉求解决机制，优化12345热线涉企工单",
                        "优化12345热线涉企工单分办、督办、反馈机制，实现企业高频办事诉求直连业务部门。",
                        units: [("区信访办", .responsible)], due: "2026-12-31"),
            ]),
            Pillar(number: "二", title: "打造公平公正的市场竞争环境", measures: [
                measure(id, 2, 1, "（一）", "促进公平竞争", "严格落实公平竞争审查制度，清理破除隐性壁垒。",
                        units: [("区市场监管局", .lead)], due: "2026-05-31", tasks: ["清理隐性壁垒", "优化评审规则"]),
                measure(id, 2, 2, "（二）", "优化监管检查", "全面推行以“信用+风险”为基础的分级分类监管，严格落实“无事不扰”清单范围。",
                        units: [("区市场监管局", .lead), ("区司法局", .support)]),
            ]),
            Pillar(number: "三", title: "打造友好适配的产业生态环境", measures: [
                measure(id, 3, 1, "（一）", "加强空间载体保障", "深化工程建设项目审批制度改革，巩固“四证齐发”“竣工即交证”等改革成效。",
                        units: [("区规划资源局", .lead)], due: "2026-10-31"),
                measure(id, 3, 2, "（二）", "便利融资服务", "做好“随申融”平台推广，推动普惠金融产品落地。", units: [("区金融办", .lead)]),
                measure(id, 3, 3, "（三）", "提升人力资源服务", "升级“乐业上海”金山服务，集成“就业、创业、培训”一站式服务。",
                        units: [("区人社局", .lead)]),
                measure(id, 3, 4, "（四）", "强化园区楼宇服务", "落实园区楼宇营商环境建设导则要求，推动建设标杆园区楼宇。",
                        units: [("区经委", .lead)]),
                measure(id, 3, 5, "（五）", "促进产业链协同共生", "着力推动产业内部有机联系与深度协作，聚焦打造本地化韧性链条。",
                        units: [("区经委", .lead)]),
                measure(id, 3, 6, "（六）", "打造“一业一亮点”",
                        "围绕打造“上海湾区”一流营商环境目标，坚持产业导向、问题导向、企业导向，针对七大重点产业发展特性和关键需求，打造一业一亮点。",
                        units: [("区经委", .lead), ("区科委", .support), ("区投促中心", .support)], due: "2026-07-01",
                        tasks: ["聚焦智能网联新能源汽车产业，构建全周期服务机制", "聚焦高端化工新材料产业", "聚焦生物制造产业",
                                "聚焦低空经济产业", "聚焦绿色能源与储能产业", "聚焦软件与信息技术产业", "聚焦智能制造与高端装备产业"]),
            ]),
        ])
    }()

    public static let minhang: Plan = {
        let id = "minhang-2026"
        return Plan(id: id, title: "闵行区加快打造国际一流营商环境行动方案（2026年）", district: "闵行区", year: 2026, pillars: [
            Pillar(number: "一", title: "完善企业服务机制，打造规范高效的政务环境", measures: [
                measure(id, 1, 1, "1", "推进关联事项集成办", "完善“高效办成一件事”常态化运行和成效评价机制，持续优化并新增一批应用场景。",
                        units: [("区政务服务办", .lead)], due: "2026-06-30", tasks: ["新增应用场景", "试点“拎包开业”"]),
                measure(id, 1, 2, "2", "Data sharing: 涉企报表 one-stop 填报", "推动更多涉企报表纳入企业数据填报“一件事”，实现更多涉企报表数据共享复用。",
                        units: [("区统计局", .lead), ("区大数据中心", .support)], due: "2026-08-31"),
            ]),
            Pillar(number: "二", title: "优化产业生态", measures: [
                measure(id, 2, 1, "3", "5G 与 ICT 基础设施覆盖全部园区", "推进 5G 网络和算力基础设施建设，园区覆盖率达到 100%。",
                        units: [("区科委", .lead)], due: "2026-11-30"),
            ]),
        ])
    }()

    public static let jiading: Plan = {
        let id = "jiading-2026"
        return Plan(id: id, title: "嘉定区加快打造国际一流营商环境行动方案（2026年）", district: "嘉定区", year: 2026, pillars: [
            Pillar(number: "一", title: "构建高效便捷的政务服务体系", measures: [
                measure(id, 1, 1, "1", "拓展“一件事”集成服务", "强化“高效办成一件事”事项常态化运行机制，推动落实全市重点事项。",
                        units: [("区政务服务办", .lead)], due: "2026-03-31", tasks: ["常态化运行", "成效评价反馈"]),
            ]),
        ])
    }()

    /// Progress recorded against the plans: some done, doing, blocked, a note.
    public static let events: [Event] = {
        let t0 = Date(timeIntervalSince1970: 1_780_000_000)
        var n = 0
        func event(_ target: String, _ change: Change, by officer: String = "wang") -> Event {
            n += 1
            return Event(id: "fixture-\(n)", time: t0.addingTimeInterval(Double(n) * 60), officer: officer, target: target, change: change)
        }
        return [
            event("jinshan-2026:1.1.1", .status(.done, previous: nil, force: false)),
            event("jinshan-2026:1.2", .status(.done, previous: nil, force: true)),
            event("jinshan-2026:2.2", .status(.blocked, previous: nil, force: false), by: "li"),
            event("jinshan-2026:2.2", .note("等待区司法局会签"), by: "li"),
            event("jiading-2026:1.1", .status(.done, previous: nil, force: true)),
        ]
    }()

    /// The three plans with the fixture events folded in.
    public static var workspace: Workspace {
        var workspace = Workspace(plans: [jinshan, minhang, jiading])
        for event in events { workspace.apply(event) }
        return workspace
    }

    /// A synthetic store of `measures` measures (100 per pillar, 10 pillars per
    /// plan), with realistic Chinese text, for benchmarks.
    public static func large(measures count: Int) -> Workspace {
        let body = "围绕打造一流营商环境目标，坚持产业导向、问题导向、企业导向，针对重点产业发展特性和关键需求，深化审批制度改革，推动政策与服务精准直达，提升企业获得感和满意度。"
        var plans: [Plan] = []
        var made = 0
        var p = 0
        while made < count {
            p += 1
            let id = "bench\(p)-2026"
            var pillars: [Pillar] = []
            for q in 1...10 where made < count {
                var measures: [Measure] = []
                for m in 1...100 where made < count {
                    made += 1
                    measures.append(measure(id, q, m, "\(m)", "第\(made)项措施：推进 AI+政务服务 与“一件事”集成改革", "\(body)编号\(made)。",
                                            units: [("区发改委", .lead), ("区经委", .support)],
                                            due: "2026-\(String(format: "%02d", 1 + made % 12))-28",
                                            tasks: ["深化改革", "完善机制", "提升服务"]))
                }
                pillars.append(Pillar(number: "\(q)", title: "第\(q)部分 优化营商环境", measures: measures))
            }
            plans.append(Plan(id: id, title: "基准区行动方案 \(p)", district: "基准区", year: 2026, pillars: pillars))
        }
        return Workspace(plans: plans)
    }
}
