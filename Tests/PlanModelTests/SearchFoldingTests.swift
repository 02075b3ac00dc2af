import Foundation
import Synthetic
import Testing
import TestSupport
@testable import PlanModel

@Suite("Traditional → simplified table and search folding")
struct SearchFoldingTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/duban/Samples")

    @Test("the table simplifies the traditional characters of government documents, one for one, and leaves the rest")
    func table() {
        #expect(SimplifiedChinese.simplified("徐匯區政務服務營商環境，優化12345熱線（區發改委牽頭）")
                == "徐汇区政务服务营商环境，优化12345热线（区发改委牵头）")
        #expect(SimplifiedChinese.simplified("区发改委 AI+政务") == "区发改委 AI+政务")
        #expect(SimplifiedChinese.lookup.dense.filter { $0 != 0 }.count + SimplifiedChinese.lookup.supplementary.count > 2_500)
    }

    @Test("simplifying twice changes nothing, so a simplified query finds what a traditional text folds to")
    func idempotent() {
        let once = SimplifiedChinese.simplified(SimplifiedChinese.pairs)
        #expect(SimplifiedChinese.simplified(once) == once)
    }

    @Test("every character of the bundled samples simplifies as ICU's Hant-Hans transform does", arguments: [
        "xuhui-2026", "jiading-2024", "jiading-2026", "jinshan-2026", "minhang-2026",
    ])
    func samplesAgreeWithICU(name: String) throws {
        let text = try String(contentsOf: Self.samples.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let characters = Set(text.unicodeScalars.filter { $0.properties.isIdeographic }).map { String($0) }.sorted()
        let icu = characters.joined(separator: "\n").applyingTransform(StringTransform("Hant-Hans"), reverse: false)
        #expect(characters.joined(separator: "\n").unicodeScalars.map(SimplifiedChinese.simplified)
                == icu.map { Array($0.unicodeScalars) })
    }

    @Test("search folds traditional to simplified, full-width to ASCII and capitals to lower case, one scalar for one")
    func folding() {
        #expect(SearchIndex.folded("政務服務 ＡＩ＋１２３４５　Ok") == "政务服务 ai+12345 ok")
        let mixed = "區發改委ＡＩ+政務 Hello𠁅１２"
        var bytes: [UInt8] = []
        SearchIndex.appendFolded(mixed, to: &bytes)
        #expect(bytes == Array(SearchIndex.folded(mixed).utf8))
        #expect(SearchIndex.folded(mixed).unicodeScalars.count == mixed.unicodeScalars.count)
    }

    @Test("traditional and simplified text find each other, and so do full-width and ASCII")
    func matches() {
        func plan(_ id: String, _ title: String) -> Plan {
            Plan(id: id, title: id, pillars: [Pillar(number: "一", title: "", measures: [
                Measure(id: "\(id):1.1", label: "1.1", title: title, text: "", units: [], deadline: nil, tasks: []),
            ])])
        }
        let index = SearchIndex(plans: [plan("xuhui-2026", "政務服務ＡＩ應用"), plan("jinshan-2026", "政务服务AI应用，12345热线")])
        #expect(index.matches(of: "政务服务") == [0, 1])
        #expect(index.matches(of: "政務服務") == [0, 1])
        #expect(index.matches(of: "ai") == [0, 1])
        #expect(index.matches(of: "ＡＩ應用") == [0, 1])
        #expect(index.matches(of: "１２３４５") == [1])
    }

    @Test("across many plans, the index finds exactly the measures whose label, title, text or task titles hold the query",
          arguments: ["融资", "区", "推动", "1", "zzz", "一件事"])
    func indexMatchesEveryMeasure(query: String) {
        let plans = Synthetic.plans(measures: 2_500, seed: 9)
        let index = SearchIndex(plans: plans)
        let found = index.matches(of: query).map { index.entries[$0] }.map { [$0.plan, $0.pillar, $0.measure] }
        var expected: [[Int]] = []
        for (p, plan) in plans.enumerated() {
            for (q, pillar) in plan.pillars.enumerated() {
                for (m, measure) in pillar.measures.enumerated()
                where ([measure.label, measure.title, measure.text] + measure.tasks.map(\.title)).contains(where: {
                    SearchQuery(query)?.firstMatch(in: $0) != nil
                }) {
                    expected.append([p, q, m])
                }
            }
        }
        #expect(plans.count > 1)
        #expect(found == expected)
    }

    @Test("the first match is found in the displayed text, whatever its script or width")
    func firstMatch() throws {
        let text = "推動區級普惠性政策全面納入ＡＩ應用"
        let range = try #require(SearchQuery("普惠性政策")?.firstMatch(in: text))
        #expect(text[range] == "普惠性政策")
        #expect(SearchQuery("纳入ai")?.firstMatch(in: text).map { String(text[$0]) } == "納入ＡＩ")
        #expect(SearchQuery("没有")?.firstMatch(in: text) == nil)
        // A partial match first, the match at the very end, a query longer than the text.
        let repeated = "普惠普惠性普"
        #expect(SearchQuery("普惠性")?.firstMatch(in: repeated).map { repeated.distance(from: repeated.startIndex, to: $0.lowerBound) } == 2)
        #expect(SearchQuery("性普")?.firstMatch(in: repeated).map { String(repeated[$0]) } == "性普")
        #expect(SearchQuery("普惠普惠性普惠")?.firstMatch(in: repeated) == nil)
        #expect(SearchQuery("")?.firstMatch(in: repeated) == nil)
        // A folded match before the query as typed is the first; full-width forms are one scalar of three bytes.
        let mixed = "推動政務ＡＩ，政务ai"
        #expect(SearchQuery("政务")?.firstMatch(in: mixed).map { mixed.distance(from: mixed.startIndex, to: $0.lowerBound) } == 2)
        #expect(SearchQuery("ai")?.firstMatch(in: mixed).map { String(mixed[$0]) } == "ＡＩ")
        #expect(SearchQuery("ai，政务a")?.firstMatch(in: mixed).map { String(mixed[$0]) } == "ＡＩ，政务a")
    }

    @Test("a query is found in text as stored exactly where the folded text holds it, whatever the forms on either side",
          arguments: 1...3 as ClosedRange<UInt64>)
    func queryAgreesWithFolding(seed: UInt64) {
        // Each character with its other forms, a supplementary traditional one, and scalars of every UTF-8 length.
        let supplementary = SimplifiedChinese.lookup.supplementary.filter { $0.key.value >= 0x20000 }.first!
        let pool: [Unicode.Scalar] = ["资", "資", "融", "区", "區", "a", "A", "ａ", "Ａ", " ", "\u{3000}", "1", "１", "é",
                                      supplementary.key, supplementary.value, "𠁅", "\n"]
        var random = RandomScalars(seed: seed)
        var found = 0
        for _ in 0..<400 {
            let query = random.string(of: pool, upTo: 3), compiled = SearchQuery(query)
            for _ in 0..<10 {
            let text = random.string(of: pool, upTo: 14)
            let hay = text.unicodeScalars.map(SearchIndex.folded), pin = query.unicodeScalars.map(SearchIndex.folded)
            let expected = pin.isEmpty || pin.count > hay.count ? nil
                : (0...(hay.count - pin.count)).first { Array(hay[$0..<($0 + pin.count)]) == pin }
            let range = compiled?.firstMatch(in: text)
            let start = range.map { text.unicodeScalars.distance(from: text.startIndex, to: $0.lowerBound) }
            #expect(start == expected, "\(query.scalarCodes) in \(text.scalarCodes)")
            #expect(range.map { text.unicodeScalars[$0].count } ?? pin.count == pin.count, "\(query.scalarCodes) in \(text.scalarCodes)")
            if expected != nil { found += 1 }
            }
        }
        #expect(found > 500)
    }

    @Test("stored bytes that are not UTF-8 are never read past and match only where whole scalars do")
    func queryInBrokenBytes() {
        let query = SearchQuery("資a")!
        func match(_ bytes: [UInt8]) -> Range<Int>? { bytes.withUnsafeBufferPointer { query.firstMatch(in: $0) } }
        let zi = Array("资".utf8)
        #expect(match(zi + [0x61]) == 0..<4)
        #expect(match([0x80, 0x80] + zi + [0x41]) == 2..<6)
        #expect(match(Array(zi.dropFirst()) + [0x61]) == nil) // a scalar cut at its start
        #expect(match([0xE8, 0x61]) == nil)
        #expect(match([0x61]) == nil)
        #expect(match([]) == nil)
        var random = RandomScalars(seed: 5)
        for _ in 0..<2_000 {
            _ = match((0..<random.next(9)).map { _ in [0x61, 0x41, 0x80, 0xB5, 0xE8, 0xFF][random.next(6)] })
        }
    }

    @Test("unit names in traditional characters are the same unit through the table: 區發改委 = 区发改委")
    func units() {
        let directory = UnitDirectory()
        #expect(directory.isSameUnit("區發改委", "区发改委"))
        #expect(directory.canonicalName("區發展和改革委員會") == "区发改委")
        #expect(directory.isSameUnit("徐匯區市場監管局", "徐汇区市场监管局"))
    }
}
