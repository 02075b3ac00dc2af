import Foundation
import Testing
@testable import PlanModel
import TestSupport

@Suite("Unit names: aliases, traditional characters, user alias file")
struct UnitDirectoryTests {
    let directory = UnitDirectory()

    @Test("variant spellings of one bureau are one unit", arguments: [
        ["区发改委", "区发展改革委", "区发展和改革委员会"],
        ["区市场监管局", "区市场监督管理局"],
        ["区经委", "区经济委员会"],
        ["区人社局", "区人力资源和社会保障局"],
        ["区规划资源局", "区规划和自然资源局"],
        ["区政务服务中心", "区行政服务中心"],
    ])
    func aliases(names: [String]) {
        let canonical = Set(names.map(directory.canonicalName))
        #expect(canonical == [names[0]])
        #expect(Set(directory.aliases(of: names[1])).isSuperset(of: names))
    }

    @Test("a name's comparison form is its compatibility form without whitespace, simplified, whatever it holds", arguments: 1...3 as ClosedRange<UInt64>)
    func comparisonForm(seed: UInt64) {
        // CJK and ASCII (taken as they are) among full-width forms, compatibility ideographs, spaces, marks and traditional characters.
        let pool: [Unicode.Scalar] = ["区", "发", "改", "委", "a", "Z", "1", "(", "發", "區", "Ａ", "１", "\u{3000}", " ", "\t", "\u{F900}",
                                      "\u{2F00}", "\u{0301}", "é", "ｶ", "\u{FF9E}", "①", "㈱", "\u{00A0}"]
        func expected(_ text: String) -> String {
            let folded = text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
            return folded.utf8.contains { $0 >= 0x80 } ? SimplifiedChinese.simplified(folded) : folded
        }
        var random = RandomScalars(seed: seed)
        for _ in 0..<2_000 {
            let text = random.string(of: pool, upTo: 6)
            #expect(UnitDirectory.comparisonForm(text) == expected(text), "\(text.scalarCodes)")
        }
        for spelling in UnitDirectory.builtInAliases.joined() { #expect(UnitDirectory.comparisonForm(spelling) == expected(spelling), "\(spelling)") }
    }

    @Test("the built-in compatibility table folds every scalar of planes 0, 1 and the compatibility ideographs as Foundation's NFKC, scalar for scalar")
    func compatibilityTable() {
        let values = Array(0...0x1FFFF) + Array(0x2F800...0x2FA1F)
        let differing = values.compactMap(Unicode.Scalar.init).filter { scalar in
            let text = String(scalar)
            return !CompatibilityForms.folded(text).unicodeScalars.elementsEqual(text.precomposedStringWithCompatibilityMapping.unicodeScalars)
        }
        #expect(differing.isEmpty, "\(differing.prefix(20).map { String($0.value, radix: 16) })")
        // Marks out of canonical order and composing across a decomposition: the same text (Foundation leaves
        // ｶﾞ as カ and a combining voiced mark; NFKC composes them into ガ, as here).
        for text in ["e\u{0323}\u{0301}", "e\u{0301}\u{0323}", "ｶﾞ", "\u{1E9B}\u{0323}", "㈱①ﬁ"] {
            #expect(CompatibilityForms.folded(text) == text.precomposedStringWithCompatibilityMapping, "\(text)")
        }
        #expect(CompatibilityForms.folded("ｶﾞ①").unicodeScalars.map(\.value) == [0x30AC, 0x31])
    }

    @Test("different bureaus and district-specific names stay apart")
    func distinctUnits() {
        #expect(directory.canonicalName("公安金山分局") == "公安金山分局")
        #expect(!directory.isSameUnit("公安金山分局", "公安嘉定分局"))
        #expect(!directory.isSameUnit("区经委", "区商务委"))
        #expect(directory.aliases(of: "金山海关") == ["金山海关"])
    }

    @Test("traditional characters, full-width forms and spaces match the simplified name")
    func traditionalAndWidth() {
        #expect(directory.canonicalName("區市場監管局") == "区市场监管局")
        #expect(directory.canonicalName("區發展和改革委員會") == "区发改委")
        #expect(directory.isSameUnit(" 区 数据局 ", "区数据局"))
        #expect(directory.canonicalName("ＸＸ办") == "XX办")
    }

    @Test("composite clauses give one name per unit")
    func compositeClause() {
        #expect(UnitDirectory.names(in: "各街镇、园区") == ["各街镇", "园区"])
        #expect(UnitDirectory.names(in: "区发改委, 区经委，、") == ["区发改委", "区经委"])
        // Every kind of white space is trimmed (the ideographic space, a line break, a tab), none inside a name.
        #expect(UnitDirectory.names(in: "\u{3000}区发改委\n；\t区 经委\u{3000}；　") == ["区发改委", "区 经委"])
    }

    @Test("the built-in table has no name in two groups and no composite name")
    func builtInTable() {
        let names = UnitDirectory.builtInAliases.flatMap { $0 }
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { UnitDirectory.names(in: $0) == [$0] })
    }

    @Test("user aliases extend the table, join built-in groups and accept traditional spellings")
    func userAliases() {
        let user = UnitDirectory(userAliases: [
            "发改委": ["區發改委"],
            "金山区营商办": ["营商办"],
        ])
        #expect(user.canonicalName("营商办") == "金山区营商办")
        // 區發改委 simplifies to 区发改委, a built-in spelling: the groups merge.
        #expect(user.isSameUnit("发改委", "区发展和改革委员会"))
        #expect(!directory.isSameUnit("发改委", "区发改委"))
    }

    @Test("an alias file decodes, and bad files are refused with a reason")
    func aliasFile() throws {
        let good = Data(#"{"version": 1, "aliases": {"区发改委": ["发改委"]}}"#.utf8)
        #expect(try UnitAliasFile.decode(good).aliases == ["区发改委": ["发改委"]])
        let bad: [(String, String)] = [
            (#"{"version": 1, "aliases": {"区发改委": ["各街镇、园区"]}}"#, "several units"),
            (#"{"version": 1, "aliases": {"区发改委": [" "]}}"#, "empty unit name"),
            (#"{"version": 9, "aliases": {}}"#, "version 9"),
            (#"["区发改委"]"#, "not an alias file"),
        ]
        for (json, reason) in bad {
            #expect {
                _ = try UnitAliasFile.decode(Data(json.utf8))
            } throws: { error in
                (error as? UnitAliasFile.Invalid)?.description.contains(reason) == true
            }
        }
    }
}
