import Foundation
import Testing
import PlanImport
import PlanModel

/// Title, date and id rules, each on a small document of the shape real plans have.
@Suite("Importer: plan title, signing date and id")
struct MetadataRuleTests {
    static let body = """
    一、优化市场准入
    1.推进市场准入效能评估。开展评估试点。（责任单位：省发展改革委）
    2.深化商事登记改革。推行经营范围规范化登记。（责任单位：省市场监管局）
    """

    @Test("a 《…》 the notice cites is not the title: the plan's own is the one it issues")
    func citedLawInNotice() throws {
        let plan = try Samples.parse("""
        各市州人民政府，省政府各厅委：
        根据《国务院关于进一步优化政务服务提升行政效能的指导意见》，现将《优化营商环境三年行动方案》印发给你们，请认真贯彻执行。
        某省人民政府办公厅
        2024年3月1日
        \(Self.body)
        """)
        #expect(plan.title == "优化营商环境三年行动方案")
    }

    @Test("a 《…》 cited in the preamble without a notice is not the title; the file name stands in")
    func citedLawInPreamble() throws {
        let plan = try Samples.parse("""
        为贯彻落实《国务院关于开展营商环境创新试点工作的意见》，结合实际，制定本方案。
        \(Self.body)
        """)
        #expect(plan.title == "test")
    }

    @Test("the title is the notice's 《…》 that matches the body's title line, else that title line")
    func titleLine() throws {
        let notice = """
        某省人民政府办公厅关于印发《某省营商环境优化提升行动方案（2024年）》的通知
        《某省营商环境优化提升行动方案（2024年）》已经省人民政府同意，现印发给你们。
        某省人民政府办公厅
        2024年3月1日

        """
        #expect(try Samples.parse(notice + "某省营商环境优化提升行动方案\n" + Self.body).title == "某省营商环境优化提升行动方案（2024年）")
        #expect(try Samples.parse(notice + "某省数字政府建设工作要点\n" + Self.body).title == "某省数字政府建设工作要点")
    }

    @Test("dates written with spaces are dates", arguments: [
        "2023 年3 月16 日", "2023年 3月 16日", "2023 年 3 月 16 日印发", "某省人民政府办公厅　　2023 年3 月16 日",
    ])
    func spacedDates(date: String) throws {
        let plan = try Samples.parse("""
        关于进一步优化营商环境的若干措施
        \(Self.body)
        某省人民政府办公厅
        \(date)
        """)
        #expect(plan.date?.description == "2023-03-16")
        #expect(plan.year == 2023)
    }

    @Test("a year written with a space in the title (`（2024 年）`) is the plan's year")
    func spacedYear() throws {
        let plan = try Samples.parse("某市营商环境行动方案（2024 年）\n\(Self.body)")
        #expect(plan.year == 2024)
        #expect(plan.id == "mou-2024")
    }

    @Test("a title without a place: the id comes from the issuer, in the notice heading or the signature", arguments: [
        ("湖南省人民政府办公厅关于印发《关于进一步优化营商环境的若干措施》的通知\n", "", "hunan-2024"),
        ("", "湖南省人民政府办公厅\n2024年3月1日", "hunan-2024"),
        ("广西壮族自治区人民政府办公厅关于印发《关于进一步优化营商环境的若干措施》的通知\n", "", "guangxi-2024"),
        ("", "", "plan-2024"),
    ])
    func issuerID(notice: String, closing: String, id: String) throws {
        let plan = try Samples.parse("""
        \(notice)关于进一步优化营商环境的若干措施（2024年）
        \(Self.body)
        \(closing)
        """)
        #expect(plan.id == id)
    }

    @Test("市场, 区域 or 省级 in a title are not places: the issuer names the place")
    func wordsAreNotPlaces() throws {
        for title in ["推进市场化改革若干措施（2024年）", "促进区域协调发展行动方案（2024年）", "省级政务服务提升方案（2024年）"] {
            let plan = try Samples.parse("\(title)\n\(Self.body)\n衢州市人民政府办公室\n2024年3月1日")
            #expect(plan.id == "quzhou-2024", "\(title)")
        }
    }
}
