import Foundation
import Testing
import PlanImport
import PlanModel

/// Encodings beyond UTF-8 and GBK, and bytes that decode to nothing.
@Suite("Importer: Big5 and damaged bytes")
struct EncodingTests {
    static let traditional = """
    臺北市2026年優化營商環境行動方案
    一、優化政務服務
    1. 推進企業服務。建立企業服務專員制度，提升服務效能。（責任單位：市經濟發展局、市資訊局）
    2. 深化登記改革。推行經營主體登記確認制。（牽頭單位：市商業處；配合單位：各區公所）
    二、優化市場環境
    3. 加強智慧財產保護。建設保護中心，年底前完成。（責任單位：市法務局）
    """

    @Test("Big5 text (Taiwan, Hong Kong) is decoded as Big5, not as GBK mojibake")
    func big5() throws {
        let data = try #require(Self.traditional.data(using: String.Encoding(rawValue: 0x8000_0A03)))
        #expect(String(data: data, encoding: .utf8) == nil)
        let plan = try PlanImporter.parse(data, source: "taipei.txt")
        #expect(plan == (try Samples.parse(Self.traditional)))
        #expect(plan.measures.map(\.title) == ["推進企業服務", "深化登記改革", "加強智慧財產保護"])
    }

    @Test("Big5 with Hong Kong's characters (HKSCS: 啱, 嘅) is read as such, not given up on")
    func big5HKSCS() throws {
        let text = Self.traditional.replacingOccurrences(of: "臺北市", with: "香港").replacingOccurrences(of: "提升服務效能", with: "啱嘅服務")
        let data = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0A06)))
        #expect(text.data(using: String.Encoding(rawValue: 0x8000_0A03)) == nil) // not plain Big5
        let plan = try PlanImporter.parse(data, source: "hongkong.txt")
        #expect(plan == (try Samples.parse(text)))
        #expect(plan.measures[0].text.contains("啱嘅服務"))
    }

    @Test("GBK text is still read as GBK when Big5 could also read its bytes")
    func gbkStaysGBK() throws {
        let simplified = String(decoding: try Samples.data("jinshan-2026"), as: UTF8.self)
        let data = try #require(simplified.data(using: String.Encoding(rawValue: 0x8000_0632)))
        #expect(try PlanImporter.parse(data, source: "jinshan.txt") == Samples.plan("jinshan-2026"))
    }

    /// jinshan-2026 with `count` bytes inside CJK characters overwritten.
    static func damaged(count: Int) throws -> Data {
        var bytes = [UInt8](try Samples.data("jinshan-2026"))
        var hit = 0
        for i in stride(from: 4000, to: bytes.count, by: 997) where bytes[i] >= 0x80 && hit < count {
            bytes[i] = 0xFF
            hit += 1
        }
        return Data(bytes)
    }

    @Test("UTF-8 with damaged bytes is refused, saying how many characters and that --force keeps them")
    func damagedRefused() throws {
        let data = try Self.damaged(count: 3)
        // Three overwritten bytes leave eight replacement characters (the rest of each sequence is orphaned).
        #expect(throws: ImportError(source: "jinshan.txt", problem: "8 characters could not be decoded (read as �): the file is damaged; repair it, or use --force to import it so",
                                   chinese: "有 8 个字符无法解码（显示为 �）：文件已损坏；请修复，或加 --force 照此导入")) {
            try PlanImporter.parse(data, source: "jinshan.txt")
        }
        let forced = try PlanImporter.parse(data, source: "jinshan.txt", keepingDamage: true)
        #expect(forced.measures.count == (try Samples.plan("jinshan-2026")).measures.count)
    }

    @Test("an encoding that is none of them is refused in one line that says to convert")
    func unknownEncoding() {
        // Shift-JIS katakana bytes, which neither GB18030 nor Big5 reads as plan text.
        let data = Data([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0A] + Array(repeating: 0xFF, count: 40))
        #expect(throws: ImportError.self) { try PlanImporter.parse(data, source: "x.txt") }
    }
}
