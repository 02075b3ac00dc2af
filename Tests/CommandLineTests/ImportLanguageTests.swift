import Foundation
import Testing

/// `duban import` speaks the interface language: its summary and its refusals.
@Suite("Import in the interface language")
struct ImportLanguageTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("duban-import-lang-\(UUID().uuidString)")
    var store: String { scratch.appendingPathComponent("store").path }
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/duban/Samples/jinshan-2026.txt").path

    func duban(_ arguments: String..., language: String) throws -> DubanProcess.Run {
        try DubanProcess.run(Array(arguments) + ["--store", store], environment: ["LANG": language, "LC_ALL": ""])
    }

    @Test("under zh the summary of an import and of a re-import is Chinese; under en English")
    func summary() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = try duban("import", Self.sample, language: "zh_CN.UTF-8")
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output == "jinshan-2026：已导入 30 项措施\n")
        let again = try duban("import", Self.sample, language: "zh_CN.UTF-8")
        #expect(again.output == "jinshan-2026：已重新导入 30 项措施；新增 0，修改 0，删去 0\n")
        let english = try duban("import", Self.sample, language: "C.UTF-8")
        #expect(english.output == "jinshan-2026: re-imported 30 measures; 0 added, 0 changed, 0 vanished\n")
    }

    @Test("under zh a refused document is named with its problem in Chinese, exit 2, nothing stored")
    func refusal() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let binary = scratch.appendingPathComponent("方案.txt").path
        FileManager.default.createFile(atPath: binary, contents: Data([0x61, 0, 0x62]))
        let old = scratch.appendingPathComponent("方案.doc").path
        FileManager.default.createFile(atPath: old, contents: Data([0xD0, 0xCF, 0x11, 0xE0]))
        let zh = try duban("import", binary, language: "zh_CN.UTF-8")
        #expect(zh.status == 2 && zh.error == "duban: \(binary): 是二进制文件（含 NUL 字节），不是方案文件\n", "\(zh.error)")
        let word = try duban("import", old, language: "zh_CN.UTF-8")
        #expect(word.error == "duban: \(old): 是旧版 Word 或 WPS 二进制文件（.doc/.wps）；请另存为 .docx 再导入\n", "\(word.error)")
        let en = try duban("import", binary, language: "C.UTF-8")
        #expect(en.status == 2 && en.error == "duban: \(binary): file is binary (contains NUL bytes), not a plan document\n")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
