import Foundation
import Testing
import PlanImport
import PlanModel

@Suite("Importer: the five sample plans parsed exactly")
struct SamplePlanTests {
    @Test("pillars and measures per pillar", arguments: [
        ("jiading-2026", [7, 8, 9, 6]),
        ("jiading-2024", [9, 4, 4, 2, 5]),
        ("minhang-2026", [4, 6, 5, 4]),
        ("jinshan-2026", [8, 8, 7, 7]),
        ("xuhui-2026", [5, 5, 7, 5]),
    ])
    func counts(name: String, perPillar: [Int]) throws {
        let plan = try Samples.plan(name)
        #expect(plan.id == name)
        #expect(plan.pillars.map(\.measures.count) == perPillar)
        #expect(plan.pillars.map(\.number) == Array(["一", "二", "三", "四", "五"].prefix(perPillar.count)))
        for (p, pillar) in plan.pillars.enumerated() {
            for (m, measure) in pillar.measures.enumerated() {
                #expect(measure.id == "\(name):\(p + 1).\(m + 1)")
                #expect(!measure.title.isEmpty && !measure.text.isEmpty)
                #expect(measure.section == nil)
                for (t, task) in measure.tasks.enumerated() { #expect(task.id == "\(measure.id).\(t + 1)") }
            }
        }
    }

    @Test("metadata: title, district, year, document number, signing date", arguments: [
        ("jiading-2026", "嘉定区加快打造国际一流营商环境行动方案（2026年）", "嘉定区", 2026, "嘉府办发〔2026〕4号", "2026-02-02"),
        ("jiading-2024", "嘉定区坚持对标改革持续打造国际一流营商环境行动方案", "嘉定区", 2024, "嘉府办发〔2024〕2号", nil),
        ("minhang-2026", "闵行区加快打造国际一流营商环境行动方案（2026年）", "闵行区", 2026, "闵府办发〔2026〕1号", "2026-01-23"),
        ("jinshan-2026", "金山区加快打造一流营商环境行动方案(2026年)", "金山区", 2026, nil, "2026-01-12"),
        ("xuhui-2026", "徐匯區加快打造國際一流營商環境行動方案(2026年)", "徐汇区", 2026, nil, "2026-01-23"),
    ] as [(String, String, String, Int, String?, String?)])
    func metadata(name: String, title: String, district: String, year: Int, docNumber: String?, date: String?) throws {
        let plan = try Samples.plan(name)
        #expect(plan.title == title)
        #expect(plan.district == district)
        #expect(plan.year == year)
        #expect(plan.docNumber == docNumber)
        #expect(plan.date?.description == date)
    }

    @Test("jiading-2026: labels 1–30 run on across pillars; page gaps rejoined; measure 22 keeps its second paragraph")
    func jiading2026() throws {
        let plan = try Samples.plan("jiading-2026")
        #expect(plan.measures.map(\.label) == (1...30).map(String.init))
        let m2 = plan.measures[1]
        #expect(m2.title == "完善全流程政策服务")
        #expect(m2.text.contains("惠企政策制定、发布、受理"))
        #expect(plan.measures.allSatisfy { !$0.text.contains("\n\n") })
        let m22 = plan.measures[21]
        #expect(m22.title == "加速产业循环")
        #expect(m22.text.contains("\n落实“科创 12 条”及其实施细则"))
        #expect(m22.tasks.contains { $0.title == "落实“科创 12 条”及其实施细则，加大前沿科技产业项目支持，强化科投集团国有资本牵引作用，推动设立未来产业基金" })
        // Sentence tasks: measure 1 has five sentences.
        #expect(plan.measures[0].tasks.map(\.title).first == "强化“高效办成一件事”事项常态化运行机制，推动落实全市重点事项")
        #expect(plan.measures[0].tasks.count == 5)
        #expect(plan.pillars.last?.measures.last?.text.hasSuffix("营造尊重和激励企业家干事创业的社会氛围。") == true)
    }

    @Test("jiading-2024: the title is the phrase before the first 。; ** markers removed; page gaps rejoined")
    func jiading2024() throws {
        let plan = try Samples.plan("jiading-2024")
        #expect(plan.measures.prefix(3).map(\.title) == ["市场准入", "获取经营场所", "公用设施服务"])
        #expect(plan.measures[10].title == "政策服务友好普惠")
        #expect(plan.measures[11].title == "园区服务规范同质")
        #expect(plan.measures.allSatisfy { !$0.title.contains("*") && !$0.text.contains("*") })
        #expect(plan.measures[0].text.hasPrefix("全面落实名称申报承诺制"))
        #expect(plan.measures[1].text.hasPrefix("聚焦施工许可与规划用地审批衔接、中介服务"))
        #expect(plan.measures[8].text.contains("纳入嘉定区2024年度重点普法目录"))
        #expect(plan.measures[4].tasks.first?.title == "落实绿色融资、担保交易、电子支付等领域相关监管政策")
    }

    static let minhangLeadTasks: [[[String]]] = [
        [["推进关联事项集成办", "推进政务服务智慧办", "推进线上线下融合办"],
         ["优化惠企政策服务", "加强政策宣传辅导和评估"],
         ["优化企业服务体系", "提升服务企业能力"],
         ["用足用好开放政策平台", "拓展“引进来”服务", "做强“走出去”服务"]],
        [["推行“一业一策”系统服务模式", "促进大中小企业融通发展", "开放培育创新应用场景"],
         ["持续优化科创全链条服务", "提升服务长三角企业创新能力"],
         ["优化项目审批服务", "加强项目建设保障"],
         ["推动园区楼宇提质增效", "优化园区楼宇配套服务"],
         ["强化人力资源支撑", "完善人才综合服务体系"],
         []],
        [["落实公平竞争制度", "优化企业准入退出", "规范政府采购与招投标"],
         ["深化联合检查", "提升监管质量", "加强合规指导与服务"],
         [],
         ["治理牟利性索赔举报", "营造清朗网络环境", "治理欠薪问题"],
         ["提供一站式法律服务", "优化涉企案件处置", "加强劳动纠纷治理"]],
        [[], [], [], []],
    ]

    @Test("minhang-2026: 33 lead-phrase tasks; continuation paragraphs join and are not tasks")
    func minhang2026() throws {
        let plan = try Samples.plan("minhang-2026")
        let leads = plan.pillars.map { pillar in
            pillar.measures.map { m in m.tasks.filter { $0.text.hasPrefix($0.title + "。") && $0.text.count > $0.title.count + 1 }.map(\.title) }
        }
        #expect(leads == Self.minhangLeadTasks)
        #expect(leads.joined().joined().count == 33)
        // Measures with lead phrases have exactly those tasks.
        for (pillar, expected) in zip(plan.pillars, Self.minhangLeadTasks) {
            for (measure, titles) in zip(pillar.measures, expected) where !titles.isEmpty {
                #expect(measure.tasks.map(\.title) == titles)
            }
        }
        #expect(plan.measures[2].text.contains("建立企业服务效果反馈机制。"))
        #expect(plan.measures[5].text.contains("依托上海交大技术转移中心等概念验证服务平台"))
        #expect(plan.pillars[2].measures[0].tasks[1].text.contains("依法退出市场。防范问题企业"))
        #expect(plan.pillars[2].measures[4].tasks[1].text.contains("提高资产变现效率。实施包容审慎"))
        #expect(plan.measures.map(\.title).prefix(2) == ["推动政务服务智慧好办", "实现政策服务直达快享"])
        // Closing matter (公开属性, 抄送, signature) is not part of the last measure.
        #expect(plan.measures.last?.text.hasSuffix("营造尊重和激励企业干事创业的社会氛围。") == true)
    }

    static let jinshanUnits: [[String]] = [
        ["区生态环境局", "区建管委", "区水务局", "区市场监管局", "区统计局", "区绿化市容局", "区数据局", "区政务服务中心", "各街镇", "园区", "区税务局"],
        ["区政府办公室", "区发改委", "区财政局", "区市场监管局", "区数据局", "区政务服务中心"],
        ["区经委", "区市场监管局", "区税务局", "金山海关", "区数据局", "区政务服务中心"],
        ["区人才工作局", "区经委", "区财政局", "区市场监管局", "区数据局", "区政务服务中心"],
        ["区市场监管局", "区数据局", "区政务服务中心"],
        ["区政府办公室", "区经委", "公安金山分局", "区投资促进办", "金山海关"],
        ["区发改委", "区经委", "区司法局"],
        ["区发改委", "区经委", "区数据局", "区投资促进办", "区政务服务中心", "区城运中心"],
        ["区委网信办", "公安金山分局", "区财政局", "区建管委", "区市场监管局"],
        ["区发改委", "区司法局", "区市场监管局", "区数据局", "区政务服务中心"],
        ["公安金山分局", "区市场监管局", "区法院", "区检察院"],
        ["区法院", "区检察院", "区委政法委", "区委网信办", "区发改委", "公安金山分局", "区司法局", "区市场监管局", "区信访办", "区城运中心"],
        ["区委网信办", "区经委", "公安金山分局"],
        ["区经委", "区财政局", "区国资委"],
        ["区市场监管局", "区数据局", "区法院", "区税务局"],
        ["区法院", "区检察院", "区司法局", "公安金山分局", "区工商联"],
        ["区经委", "区规划资源局", "区生态环境局", "区建管委", "区投资促进办"],
        ["区法院", "区发改委", "区财政局", "区数据局"],
        ["区人才工作局", "区人社局", "团区委"],
        ["区发改委", "区经委", "区市场监管局", "区数据局", "区政务服务中心"],
        ["区发改委", "区经委", "区科委", "区投资促进办", "各街镇", "园区"],
        ["区发改委", "区经委", "区科委", "区数据局", "区投资促进办"],
        ["区发改委", "区经委"],
        ["区发改委", "区经委", "区城运中心"],
        ["区发改委", "区经委"],
        ["区发改委", "区经委"],
        ["区经委", "区文旅局", "区体育局", "区绿化市容局", "区城管执法局"],
        ["区政府办公室", "区发改委", "区司法局", "区总工会"],
        ["区政府新闻办", "区发改委", "区司法局", "区工商联"],
        ["区发改委", "各街镇", "园区"],
    ]

    @Test("jinshan-2026: every measure's units as the clause lists them; 3.6 has seven sub-item tasks")
    func jinshan2026() throws {
        let plan = try Samples.plan("jinshan-2026")
        #expect(plan.measures.map { $0.units.map(\.name) } == Self.jinshanUnits)
        #expect(plan.measures.allSatisfy { $0.units.allSatisfy { $0.role == .responsible } })
        #expect(Set(plan.measures.flatMap { $0.units.map(\.name) }).count == 37)
        #expect(plan.measures.allSatisfy { !$0.text.contains("责任单位") && $0.tasks.allSatisfy { !$0.text.contains("责任单位") } })
        let m36 = plan.pillars[2].measures[5]
        #expect(m36.id == "jinshan-2026:3.6")
        #expect(m36.title == "打造“一业一亮点”")
        #expect(m36.tasks.count == 7)
        #expect(m36.tasks.first?.title == "聚焦智能网联新能源汽车产业,构建“链主引领、专班护航”全周期服务机制")
        #expect(m36.tasks.last?.text.hasSuffix("降低中小企业高质量制造门槛。") == true)
        #expect(m36.text.contains("\n7.聚焦智能制造与高端装备产业"))
        // Neither the news summary nor the signature is a measure.
        #expect(plan.measures.first?.text.hasPrefix("巩固拓展“高效办成一件事”成果") == true)
        #expect(plan.measures.last?.text.hasSuffix("树立“干好干坏不一样”的鲜明导向。") == true)
    }

    @Test("xuhui-2026: pinyin annotations stripped everywhere; real brackets kept; traditional text kept")
    func xuhui2026() throws {
        let plan = try Samples.plan("xuhui-2026")
        let encoder = JSONEncoder()
        let json = String(decoding: try encoder.encode(plan), as: UTF8.self)
        let residue = try Regex(#"[(（][a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ]+[)）]"#)
        #expect(json.firstMatch(of: residue) == nil)
        #expect(plan.title.contains("(2026年)"))
        #expect(plan.measures[1].text.contains("處長(科長)講政策"))
        #expect(plan.measures[3].text.contains("綜合服務平臺(徐匯)服務點"))
        #expect(plan.measures[0].title == "政務服務")
        #expect(plan.pillars[0].title == "打造高效便捷的政務服務環境")
    }
}
