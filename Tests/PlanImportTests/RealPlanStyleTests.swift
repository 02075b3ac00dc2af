import Foundation
import Testing
import PlanImport
import PlanModel

/// Small plans in the styles other districts, cities and the State Council actually use, none of them a sample.
@Suite("Importer: plan styles beyond the five samples")
struct RealPlanStyleTests {
    func units(_ measure: Measure) -> [String] {
        measure.units.map { "\($0.name)/\($0.role.rawValue)" }
    }

    @Test("区 实施方案: 关于印发 notice, sections （一） over measures 1., every unit-clause form, 抄送/印发 trailer")
    func districtImplementationPlan() throws {
        let plan = try Samples.parse("""
        上海市浦东新区人民政府办公室
        关于印发《浦东新区2026年促进消费提质扩容
        实施方案》的通知
        浦府办〔2026〕12号

        各委、办、局，各街道办事处、镇人民政府：
        经区政府同意，现将《浦东新区2026年促进消费提质扩容实施方案》印发给你们，请认真组织实施。

        上海市浦东新区人民政府办公室
        2026年3月5日

        浦东新区2026年促进消费提质扩容实施方案

        为深入贯彻落实党中央、国务院决策部署，制定本方案。
        一、总体要求
        坚持以人民为中心，推动消费持续恢复。
        二、重点任务
        （一）培育消费新场景
        1. 打造商圈地标。推动陆家嘴、张江等商圈改造提升，年内新增首店50家。（牵头单位：区商务委；配合单位：区规划资源局、陆家嘴管理局（功能区）；完成时限：2026年6月底前）
        2. 发展夜间经济。支持重点商圈延长营业时间。（区商务委牵头，区文体旅游局、各街镇配合）
        （二）提升消费服务
        3. 优化消费环境。开展放心消费创建，完善消费维权机制。
        责任单位：区市场监管局、各街镇
        4. 加强金融支持。鼓励银行机构开发消费信贷产品。〔责任单位：区金融工作局、各相关单位；完成时限：持续推进〕
        三、保障措施
        （一）加强组织领导。成立工作专班，统筹推进各项工作。
        （二）强化督查考核。将落实情况纳入年度考核。

        抄送：市商务委。
        上海市浦东新区人民政府办公室                2026年3月5日印发
        """)
        #expect(plan.id == "pudong-2026")
        #expect(plan.title == "浦东新区2026年促进消费提质扩容实施方案")
        #expect(plan.docNumber == "浦府办〔2026〕12号")
        #expect(plan.date == Day("2026-03-05"))
        #expect(plan.pillars.map(\.measures.count) == [0, 4, 2])
        let key = plan.pillars[1].measures
        #expect(key.map(\.section?.title) == ["培育消费新场景", "培育消费新场景", "提升消费服务", "提升消费服务"])
        #expect(key.map(\.title) == ["打造商圈地标", "发展夜间经济", "优化消费环境", "加强金融支持"])
        #expect(units(key[0]) == ["区商务委/lead", "区规划资源局/support", "陆家嘴管理局（功能区）/support"])
        #expect(key[0].deadline == Deadline(text: "2026年6月底前", date: Day("2026-06-30")))
        #expect(units(key[1]) == ["区商务委/lead", "区文体旅游局/support", "各街镇/support"])
        #expect(units(key[2]) == ["区市场监管局/responsible", "各街镇/responsible"])
        #expect(key[2].tasks.map(\.title) == ["开展放心消费创建，完善消费维权机制"])
        #expect(!key[2].text.contains("责任单位"))
        #expect(units(key[3]) == ["区金融工作局/responsible", "各相关单位/responsible"])
        #expect(key[3].deadline?.text == "持续推进")
        #expect(plan.pillars[2].measures.map(\.title) == ["加强组织领导", "强化督查考核"])
        #expect(!plan.measures.contains { $0.text.contains("抄送") || $0.text.contains("印发") })
    }

    @Test("市 行动计划: measures （一） numbered on across pillars with tasks 1.; issuer 办公厅 signature is not a task")
    func cityActionPlan() throws {
        let plan = try Samples.parse("""
        杭州市2026年数字经济创新提质行动计划

        一、重点任务
        （一）强化数字基础设施建设。加快5G基站建设，2026年底前新建基站3000个。（市经信局牵头，市发改委、市建委配合）
        1. 推进千兆光网全覆盖。
        2. 建设算力中心。
        （二）推动产业数字化转型。实施“智能工厂”培育工程，6月底前完成首批认定。（牵头单位：市经信局；配合单位：各区政府）
        （三）培育数据要素市场。建设数据交易平台，年内完成上线。（责任单位：市数据资源局）
        二、保障措施
        （四）加大财政支持。统筹专项资金支持重点项目。（责任单位：市财政局、市经信局）
        （五）强化人才保障。引进数字经济领域高层次人才。（责任单位：市人力社保局）

        杭州市人民政府办公厅
        2026年1月20日
        """)
        #expect(plan.id == "hangzhou-2026")
        #expect(plan.district == nil)
        #expect(plan.date == Day("2026-01-20"))
        #expect(plan.pillars.map(\.measures.count) == [3, 2])
        #expect(plan.measures.map(\.label) == ["（一）", "（二）", "（三）", "（四）", "（五）"])
        let first = plan.measures[0]
        #expect(first.tasks.map(\.title) == ["推进千兆光网全覆盖", "建设算力中心"])
        #expect(first.deadline == Deadline(text: "2026年底前", date: Day("2026-12-31")))
        #expect(units(first) == ["市经信局/lead", "市发改委/support", "市建委/support"])
        #expect(plan.measures[2].deadline == Deadline(text: "年内完成", date: Day("2026-12-31")))
        #expect(plan.measures[4].tasks.map(\.title) == ["引进数字经济领域高层次人才"])
    }

    @Test("工作要点 with 一、 / 1. / （1）: heading-only 1. lines are sections, （1） items the measures")
    func workPointsThreeLevels() throws {
        let plan = try Samples.parse("""
        长宁区2026年城市更新工作要点

        一、推进旧区改造
        1. 完成零星旧改。
        （1）完成虹桥路沿线零星旧改地块收尾工作，年内完成居民签约。（责任单位：区旧改办）
        （2）推进小梁薄板房屋改造，6月底前完成方案编制。（责任单位：区房管局）
        2. 推进历史风貌保护。
        （1）实施新华路风貌区保护性修缮。（责任单位：区规划资源局）
        二、提升城市功能
        1. 完善公共服务设施。
        （1）新建社区食堂5家。（责任单位：区民政局）
        （2）新增养老床位200张。（责任单位：区民政局）
        """)
        #expect(plan.id == "changning-2026")
        #expect(plan.pillars.map(\.measures.count) == [3, 2])
        #expect(plan.pillars[0].measures.map(\.section?.title) == ["完成零星旧改", "完成零星旧改", "推进历史风貌保护"])
        #expect(plan.pillars[0].measures.map(\.label) == ["（1）", "（2）", "（1）"])
        #expect(plan.pillars[0].measures[1].deadline == Deadline(text: "6月底前完成", date: Day("2026-06-30")))
        #expect(plan.measures.map { units($0) }.allSatisfy { $0.count == 1 })
    }

    @Test("a document with only 一、 and 1., numbering restarting per pillar or running on")
    func twoLevels() throws {
        let restarting = try Samples.parse("""
        宝山区2026年优化营商环境工作要点
        一、提升政务服务效能
        1.深化“一网通办”改革，推动高频事项“免申即享”。
        2.推进“高效办成一件事”，6月底前完成20个主题场景建设。
        二、优化市场环境
        1.开展公平竞争审查专项清理。
        2.加强知识产权保护，建设知识产权保护工作站。
        三、加强法治保障
        1.推行包容审慎监管，制定轻微违法不予处罚清单。
        """)
        #expect(restarting.pillars.map(\.measures.count) == [2, 2, 1])
        #expect(restarting.pillars.map(\.title) == ["提升政务服务效能", "优化市场环境", "加强法治保障"])
        #expect(restarting.measures[1].deadline?.date == Day("2026-06-30"))
        let runningOn = try Samples.parse("""
        静安区2026年民生实事项目实施方案
        一、养老服务
        1.新增社区养老服务综合体2家。
        2.改造认知障碍照护床位100张。
        二、教育卫生
        3.新建改扩建中小学3所。
        三、城市管理
        4.完成老旧小区综合改造20万平方米。
        5.新增公共停车泊位500个。

        静安区人民政府
        2026年1月8日
        """)
        #expect(runningOn.id == "jingan-2026")
        #expect(runningOn.pillars.map(\.measures.count) == [2, 1, 2])
        #expect(runningOn.measures.map(\.label) == ["1", "2", "3", "4", "5"])
        #expect(runningOn.pillars[2].measures[1].title == "新增公共停车泊位500个")
    }

    @Test("page numbers (— 3 —, - 4 -) between paragraphs are dropped and the cut text rejoined; CRLF")
    func pageNumbers() throws {
        let text = """
        黄浦区2026年推进数字化转型实施方案

        一、加快数字基础设施建设
        （一）推进新型基础设施布局。在外滩金融集聚带部署

        — 3 —

        千兆光网，年内完成全覆盖。（责任单位：区科委）
        （二）建设城市数据底座。汇聚区级公共数据。（责任单位：区数据局）
        二、推动经济数字化
        （三）发展数字金融。支持金融机构数字化转型，推进
        - 4 -
        数字人民币试点应用。（责任单位：区金融办）
        第 5 页
        （四）培育数字商贸。推动南京路商圈数字化改造。（责任单位：区商务委）
        """.replacingOccurrences(of: "\n", with: "\r\n")
        let plan = try Samples.parse(text)
        #expect(plan.pillars.map(\.measures.count) == [2, 2])
        #expect(plan.measures[0].tasks.map(\.title) == ["在外滩金融集聚带部署千兆光网，年内完成全覆盖"])
        #expect(plan.measures[2].text == "支持金融机构数字化转型，推进数字人民币试点应用。")
        #expect(plan.measures.map { units($0) } == [["区科委/responsible"], ["区数据局/responsible"],
                                                     ["区金融办/responsible"], ["区商务委/responsible"]])
    }

    @Test("running headers and footers repeated on every page are dropped; U+3000 indentation")
    func runningHeaders() throws {
        let plan = try Samples.parse("""
        虹口区2026年生态环境保护工作方案
        　　一、深入打好蓝天保卫战
        　　（一）加强工业源治理。推进挥发性有机物综合治理，完成重点企业
        虹口区2026年生态环境保护工作方案
        — 2 —
        虹口区生态环境局印制
        深度治理20家。（牵头单位：区生态环境局；配合单位：区商务委、各街道）
        　　（二）强化移动源管控。推广新能源汽车。（牵头单位：区生态环境局；配合单位：区交通委）
        　　二、深入打好碧水保卫战
        　　（三）推进河道整治。完成河道轮疏3条，年底前消除劣V类水体。（牵头单位：区水务局；配合单位：各街道）
        虹口区2026年生态环境保护工作方案
        — 3 —
        虹口区生态环境局印制
        　　（四）加强雨污混接改造。完成混接点整治50处。（牵头单位：区水务局；配合单位：区房管局）
        """)
        #expect(plan.title == "虹口区2026年生态环境保护工作方案")
        #expect(plan.pillars.map(\.measures.count) == [2, 2])
        #expect(plan.measures[0].text == "推进挥发性有机物综合治理，完成重点企业深度治理20家。")
        #expect(plan.measures[2].tasks.count == 1)
        #expect(!plan.measures.contains { $0.text.contains("工作方案") || $0.text.contains("印制") })
        #expect(plan.measures[2].deadline == Deadline(text: "年底前", date: Day("2026-12-31")))
    }

    @Test("sections （一） with measures numbered on; units naming （功能区） and （上海）; 附件 list ends the body")
    func sectionsAndAttachments() throws {
        let plan = try Samples.parse("""
        青浦区2026年推进长三角一体化发展重点任务

        一、推动科技创新协同
        （一）建设长三角科创走廊
        1. 推进西岑科创中心建设，年内完成一期主体结构封顶。（责任单位：区科委、西岑科创中心（功能区））
        2. 建设长三角国家技术创新中心青浦分中心。（责任单位：区科委）
        （二）促进产业链协同
        3. 推动会展产业提质发展。（责任单位：区商务委、国家会展中心（上海）管委会）
        二、推进生态绿色发展
        （一）加强跨界水体联保
        4. 开展太浦河水质联合监测。（责任单位：区生态环境局）

        附件：1. 重点任务清单
        2. 重点项目表

        抄送：市发展改革委。
        青浦区人民政府办公室        2026年2月10日印发
        """)
        #expect(plan.id == "qingpu-2026")
        #expect(plan.title == "青浦区2026年推进长三角一体化发展重点任务")
        #expect(plan.pillars.map(\.measures.count) == [3, 1])
        #expect(units(plan.measures[0]) == ["区科委/responsible", "西岑科创中心（功能区）/responsible"])
        #expect(units(plan.measures[2]) == ["区商务委/responsible", "国家会展中心（上海）管委会/responsible"])
        #expect(plan.pillars[1].measures[0].section?.label == "（一）")
        #expect(!plan.measures.contains { $0.title.contains("清单") || $0.title.contains("项目表") })
    }

    @Test("国务院 实施方案: notice title wrapped over two lines, 按职责分工负责 clauses")
    func stateCouncilPlan() throws {
        let plan = try Samples.parse("""
        国务院办公厅关于印发《加快推进政务服务标准化规范化便利化
        实施方案》的通知
        国办发〔2026〕5号

        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        《加快推进政务服务标准化规范化便利化实施方案》已经国务院同意，现印发给你们，请认真贯彻执行。

        国务院办公厅
        2026年1月15日

        （此件公开发布）

        一、推进政务服务标准化
        （一）明确政务服务事项范围。
        1.编制政务服务事项基本目录。（国务院办公厅牵头，国务院各部门按职责分工负责）
        2.规范政务服务事项实施清单。（各省级人民政府负责）
        二、推进政务服务便利化
        （二）推进高频事项集成办理。
        3.推行“一件事一次办”。（国务院办公厅牵头，各地区、各部门按职责分工负责）
        """)
        #expect(plan.title == "加快推进政务服务标准化规范化便利化实施方案")
        #expect(plan.docNumber == "国办发〔2026〕5号")
        #expect(plan.pillars.map(\.measures.count) == [2, 1])
        #expect(units(plan.measures[0]) == ["国务院办公厅/lead", "国务院各部门/support"])
        #expect(units(plan.measures[1]) == ["各省级人民政府/responsible"])
        #expect(units(plan.measures[2]) == ["国务院办公厅/lead", "各地区/support", "各部门/support"])
    }

    @Test("第一条-style articles are measures of one unnamed pillar")
    func articles() throws {
        let plan = try Samples.parse("""
        奉贤区2026年安全生产工作实施方案

        第一条 强化安全生产责任落实。各街镇、各部门要落实属地管理责任。（责任单位：区应急局）
        第二条 开展重点行业专项整治。聚焦危险化学品、消防等领域开展整治。（责任单位：区应急局、区消防救援支队）
        第三条 加强应急能力建设。完善应急预案体系。（责任单位：区应急局）
        """)
        #expect(plan.pillars.map(\.measures.count) == [3])
        #expect(plan.measures.map(\.label) == ["第一条", "第二条", "第三条"])
        #expect(plan.measures.map(\.title) == ["强化安全生产责任落实", "开展重点行业专项整治", "加强应急能力建设"])
        #expect(units(plan.measures[1]) == ["区应急局/responsible", "区消防救援支队/responsible"])
    }

    @Test("a markdown task table: each row is a measure with its unit and deadline columns")
    func markdownTable() throws {
        let plan = try Samples.parse("""
        松江区2026年乡村振兴重点工作任务分工表

        | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
        | --- | --- | --- | --- | --- |
        | 1 | 推进高标准农田建设 | 区农业农村委 | 区财政局 | 2026年底前 |
        | 2 | 发展农村集体经济 | 区农业农村委 | 各街镇 | 持续推进 |
        """)
        #expect(plan.id == "songjiang-2026")
        #expect(plan.measures.map(\.title) == ["推进高标准农田建设", "发展农村集体经济"])
        #expect(units(plan.measures[0]) == ["区农业农村委/lead", "区财政局/support"])
        #expect(plan.measures[0].deadline == Deadline(text: "2026年底前", date: Day("2026-12-31")))
        #expect(plan.measures[1].deadline?.text == "持续推进")
    }

    @Test("a GB18030 任务分工 plan with ?? indentation parses like its UTF-8 text")
    func gb18030Plan() throws {
        let text = """
        普陀区2026年营商环境改革任务分工
        ??一、提升审批效率
        ??（一）推行告知承诺制。扩大告知承諾事项范围。（牽頭單位：区行政服务中心；配合單位：区司法局）
        ??（二）深化“一业一证”改革。6月底前完成。（责任单位：区市场监管局）
        """
        let bytes = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        let plan = try PlanImporter.parse(bytes, source: "putuo.txt")
        #expect(plan == (try Samples.parse(text)))
        #expect(plan.id == "putuo-2026")
        #expect(units(plan.measures[0]) == ["区行政服务中心/lead", "区司法局/support"])
        #expect(plan.measures[1].deadline?.date == Day("2026-06-30"))
    }

    @Test("unit and deadline clauses after the body: comma-separated, verb form, on their own lines, one label per line")
    func clausesAfterTheBody() throws {
        let plan = try Samples.parse("""
        嘉定区2026年工作要点
        一、稳增长
        1. 扩大有效投资。推进重大项目建设。（责任单位：区发展改革委，完成时限：2026年6月底前）
        2. 促进消费。开展促消费活动。（区商务委负责，2026年底前完成）
        3. 稳定外贸。支持企业参展。
        责任单位：区商务委    完成时限：年内
        4. 优化服务。推进一网通办。
        牵头单位：区政务办
        配合单位：各街镇
        5. 强化要素保障。保障项目用地。（牵头部门：区规划资源局；责任部门：各街镇、嘉定工业区）
        """)
        #expect(plan.measures.map { units($0) } == [
            ["区发展改革委/responsible"], ["区商务委/responsible"], ["区商务委/responsible"],
            ["区政务办/lead", "各街镇/support"], ["区规划资源局/lead", "各街镇/support", "嘉定工业区/support"],
        ])
        #expect(plan.measures.map(\.deadline?.date) == [Day("2026-06-30"), Day("2026-12-31"), Day("2026-12-31"), nil, nil])
        #expect(plan.measures.allSatisfy { $0.tasks.count == 1 && !$0.text.contains("单位") })
    }

    @Test("工作要点 issued as 附件 of a notice; 一是…二是… points are tasks; quarter and 年内 deadlines")
    func attachmentWithPoints() throws {
        let plan = try Samples.parse("""
        上海市杨浦区人民政府办公室关于印发《杨浦区2026年科技创新工作要点》的通知
        杨府办发〔2026〕3号
        各委、办、局，各街道办事处：
        现将《杨浦区2026年科技创新工作要点》印发给你们，请认真贯彻执行。
        附件：杨浦区2026年科技创新工作要点
        上海市杨浦区人民政府办公室
        2026年2月1日
        （此件公开发布）
        附件
        杨浦区2026年科技创新工作要点
        一、强化创新策源
        （一）建设大学科技园。一是推进复旦科技园扩区提质；二是支持同济科技园建设国家级孵化器；三是完善科技园区服务体系。（责任单位：区科委，完成时限：2026年第二季度）
        （二）培育创新主体。新增高新技术企业100家，2026年内完成认定工作。（责任单位：区科委）
        二、优化创新生态
        （三）完善科技金融。设立科创基金，一季度末前完成组建。（责任单位：区金融办）
        """)
        #expect(plan.id == "yangpu-2026")
        #expect(plan.title == "杨浦区2026年科技创新工作要点")
        #expect(plan.date == Day("2026-02-01"))
        #expect(plan.pillars.map(\.measures.count) == [2, 1])
        #expect(plan.measures[0].tasks.map(\.title) == ["推进复旦科技园扩区提质", "支持同济科技园建设国家级孵化器", "完善科技园区服务体系"])
        #expect(plan.measures[0].tasks[1].text == "二是支持同济科技园建设国家级孵化器；")
        #expect(plan.measures.map(\.deadline?.date) == [Day("2026-06-30"), Day("2026-12-31"), Day("2026-03-31")])
    }

    @Test("第一部分 pillars over 1、 measures; units separated by spaces; a bare month under 完成时限 is its end")
    func partsAndMonthDeadlines() throws {
        let plan = try Samples.parse("""
        崇明区2026年世界级生态岛建设工作要点
        第一部分 生态环境
        1、推进森林城市建设。新增造林5000亩。（责任单位：区林业站 区绿化市容局；完成时限：2026年12月）
        2、加强水环境治理。完成河湖整治。（责任单位：区水务局；完成时间：2026年9月）
        第二部分 绿色产业
        3、发展都市农业。建设农业产业园。（责任单位：区农业农村委；完成时限：长期坚持）
        """)
        #expect(plan.pillars.map(\.number) == ["第一部分", "第二部分"])
        #expect(plan.pillars.map(\.title) == ["生态环境", "绿色产业"])
        #expect(plan.pillars.map(\.measures.count) == [2, 1])
        #expect(units(plan.measures[0]) == ["区林业站/responsible", "区绿化市容局/responsible"])
        #expect(plan.measures.map(\.deadline?.date) == [Day("2026-12-31"), Day("2026-09-30"), nil])
        #expect(plan.measures[2].deadline?.text == "长期坚持")
    }

    @Test("a 任务分工表 pasted from Word with tabs: 一 rows are pillars, numbered rows measures with unit columns")
    func tabTable() throws {
        let plan = try Samples.parse([
            "闵行区2026年重点任务分工", "",
            "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
            "一\t优化政务服务\t\t\t",
            "1\t推行“一业一证”改革\t区市场监管局\t区行政服务中心\t2026年6月底前",
            "2\t深化“一网通办”\t区行政服务中心\t各街镇\t年内",
            "二\t优化市场环境\t\t\t",
            "3\t开展公平竞争审查\t区市场监管局\t\t持续推进",
        ].joined(separator: "\n"))
        #expect(plan.title == "闵行区2026年重点任务分工")
        #expect(plan.pillars.map(\.title) == ["优化政务服务", "优化市场环境"])
        #expect(plan.pillars.map(\.measures.count) == [2, 1])
        #expect(plan.measures.map(\.title) == ["推行“一业一证”改革", "深化“一网通办”", "开展公平竞争审查"])
        #expect(units(plan.measures[1]) == ["区行政服务中心/lead", "各街镇/support"])
        #expect(plan.measures.map(\.deadline?.date) == [Day("2026-06-30"), Day("2026-12-31"), nil])
    }

    @Test("a unit marked （牵头） leads the others in its list; a closing 等 / 等部门 is not part of a name")
    func markedLeadAndEtc() throws {
        let plan = try Samples.parse("""
        金山区2026年产业发展工作要点
        一、先进制造业
        1. 培育新材料产业集群。推进碳纤维项目建设。（责任单位：区经委（牵头）、区发展改革委、区科委等部门）
        2. 发展生物医药产业。引进生物医药项目10个。（责任单位：区投促中心、区经委等）
        """)
        #expect(units(plan.measures[0]) == ["区经委/lead", "区发展改革委/support", "区科委/support"])
        #expect(units(plan.measures[1]) == ["区投促中心/responsible", "区经委/responsible"])
    }

    @Test("a title that leads its paragraph up to a colon: （一）高校毕业生就业：开展…")
    func colonTitles() throws {
        let plan = try Samples.parse("""
        杨浦区2026年稳就业工作方案
        一、促进重点群体就业
        （一）高校毕业生就业：开展“启航”行动，新增见习岗位1000个。（责任单位：区人社局）
        （二）困难人员帮扶：落实就业援助政策。（责任单位：区人社局、各街道）
        二、强化就业服务
        （三）提升服务能力。建设家门口就业服务站20个。（责任单位：区人社局）
        """)
        #expect(plan.measures.map(\.title) == ["高校毕业生就业", "困难人员帮扶", "提升服务能力"])
        #expect(plan.measures[0].tasks.map(\.title) == ["开展“启航”行动，新增见习岗位1000个"])
        #expect(units(plan.measures[1]) == ["区人社局/responsible", "各街道/responsible"])
    }

    @Test("省 行动方案: heading-only （一） sections over measures 1.; 按职责分工负责 after a labelled list is support")
    func provincialPlan() throws {
        let plan = try Samples.parse("""
        浙江省2026年营商环境优化提升行动方案
        一、主要任务
        （一）提升审批效率
        1.推行告知承诺制。扩大承诺制适用范围。（省发展改革委牵头，各市政府负责）
        2.压减审批时限。（责任单位：省政务办、省自然资源厅，各市政府按职责分工负责）
        （二）优化要素保障
        3.保障企业用地。（省自然资源厅负责）
        """)
        #expect(plan.id == "zhejiang-2026")
        #expect(plan.measures.map(\.section?.title) == ["提升审批效率", "提升审批效率", "优化要素保障"])
        #expect(units(plan.measures[0]) == ["省发展改革委/lead", "各市政府/support"])
        #expect(units(plan.measures[1]) == ["省政务办/responsible", "省自然资源厅/responsible", "各市政府/support"])
        #expect(units(plan.measures[2]) == ["省自然资源厅/responsible"])
    }

    @Test("a label inside a sentence (明确牵头单位：…) is text, not a unit clause")
    func labelInsideSentence() throws {
        let plan = try Samples.parse("某某区2026年工作要点\n一、政务\n1. 优化服务。推进一网通办。明确牵头单位：区政务办\n2. 强化保障。落实经费。\n责任单位：区财政局")
        #expect(plan.measures[0].units.isEmpty)
        #expect(plan.measures[0].text.hasSuffix("明确牵头单位：区政务办"))
        #expect(units(plan.measures[1]) == ["区财政局/responsible"])
    }

    @Test("a trailer line with the signature and the date (no 抄送) closes the plan and dates it")
    func signatureAndDateTrailer() throws {
        let plan = try Samples.parse("某某区2026年工作要点\n一、政务\n1. 优化服务。推进一网通办。\n2. 强化保障。落实经费。\n\n某某区人民政府办公室　　　　2026年3月5日印发")
        #expect(plan.date == Day("2026-03-05"))
        #expect(plan.measures[1].tasks.map(\.title) == ["落实经费"])
    }

    @Test("a 工作要点 numbered only 1. and （1）: the 1. items are measures of one pillar, the （1） items their tasks")
    func noPillarNumbering() throws {
        let plan = try Samples.parse("""
        普陀区2026年生态环境工作要点
        1. 深化大气污染防治。
        （1）推进工业企业VOCs治理，完成20家。（责任单位：区生态环境局）
        （2）加强扬尘管控。（责任单位：区建管委）
        2. 推进水环境治理。
        （1）完成苏州河沿岸截污。（责任单位：区水务局）
        3. 加强土壤污染防治。落实建设用地土壤污染风险管控。（责任单位：区生态环境局）
        """)
        #expect(plan.pillars.map(\.measures.count) == [3])
        #expect(plan.pillars[0].number.isEmpty)
        #expect(plan.measures.map(\.title) == ["深化大气污染防治", "推进水环境治理", "加强土壤污染防治"])
        #expect(plan.measures.map(\.tasks.count) == [2, 1, 1])
        #expect(units(plan.measures[0]) == ["区生态环境局/responsible", "区建管委/responsible"])
    }
}
