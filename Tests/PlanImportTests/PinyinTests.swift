import Foundation
import Testing
@testable import PlanImport

@Suite("Importer: pinyin for plan ids outside Shanghai")
struct PinyinTests {
    @Test("the built-in table reads every character as ICU's Han-Latin transform does, but for place-name readings")
    func tableMatchesICU() {
        #expect(Pinyin.table.count == 6763)
        for (character, syllable) in Pinyin.table where Pinyin.placeReadings[character] == nil {
            let icu = String(character).applyingTransform(.toLatin, reverse: false)?
                .applyingTransform(.stripDiacritics, reverse: false)?.lowercased()
            #expect(icu == syllable, "\(character)")
        }
    }

    @Test("places outside Shanghai get pinyin ids, rarer characters (level 2) too; a character outside GB2312 is left out", arguments: [
        ("成都市", "chengdu-2026"), ("重庆市", "chongqing-2026"), ("厦门市", "xiamen-2026"), ("长沙市", "changsha-2026"), ("深圳市", "shenzhen-2026"), ("浙江省", "zhejiang-2026"),
        ("南京市江北新区", "nanjing-2026"), ("婺源县", "wuyuan-2026"), ("衢州市", "quzhou-2026"), ("亳州市", "bozhou-2026"), ("濮阳市", "puyang-2026"),
        ("広州市", "zhou-2026"),
    ])
    func cityIDs(place: String, id: String) throws {
        let plan = try Samples.parse("\(place)2026年优化营商环境行动方案\n一、政务服务\n1. 市场准入。推进登记便利化。")
        #expect(plan.id == id)
    }
}
