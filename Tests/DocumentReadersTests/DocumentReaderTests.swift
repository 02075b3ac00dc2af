import Foundation
import Testing
@testable import DocumentReaders
import PlanImport
import PlanModel

/// Fixtures made by scripts/make-import-fixtures.py from the bundled samples.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let samples = ["jiading-2026", "jiading-2024", "minhang-2026", "jinshan-2026", "xuhui-2026"]

    static func plan(_ url: URL, id: String? = nil) throws -> Plan {
        switch try DocumentReader.read(path: url.path, source: url.lastPathComponent) {
        case let .bytes(data): try PlanImporter.parse(data, source: url.lastPathComponent, id: id)
        case let .text(text): try PlanImporter.parse(Data(text.utf8), source: url.lastPathComponent, id: id)
        }
    }

    /// `data` written to a temporary file named `name`, read back by the document reader.
    static func read(_ data: Data, name: String) throws(ImportError) -> DocumentReader.Content {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-docs-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try? data.write(to: url)
        return try DocumentReader.read(path: url.path, source: name)
    }

    static func sample(_ name: String) throws -> Plan {
        try plan(root.appendingPathComponent("Sources/duban/Samples/\(name).txt"))
    }

    static var hasPdftotext: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext") }
    }
}

/// What an officer checks of a plan: ids, titles, units and roles, deadlines, task titles. Spaces are
/// left out for PDFs, whose text extraction adds and drops them between scripts.
struct PlanShape: Equatable, CustomStringConvertible {
    var lines: [String]

    init(_ plan: Plan, ignoringSpaces: Bool = false) {
        func s(_ t: String) -> String { ignoringSpaces ? t.filter { !$0.isWhitespace } : t }
        lines = [s("\(plan.id) \(plan.title) \(plan.district ?? "") \(plan.year ?? 0) \(plan.docNumber ?? "") \(plan.date?.description ?? "")")]
        for pillar in plan.pillars {
            lines.append(s("\(pillar.number) \(pillar.title)"))
            for m in pillar.measures {
                lines.append(s("\(m.id) \(m.label) \(m.title) [\(m.section?.title ?? "")]"))
                lines.append(s("  units " + m.units.map { "\($0.name)/\($0.role.rawValue)" }.joined(separator: " ")))
                lines.append(s("  due \(m.deadline?.text ?? "") \(m.deadline?.date?.description ?? "")"))
                lines += m.tasks.map { s("  - \($0.id) \($0.title)") }
            }
        }
    }

    var description: String { lines.joined(separator: "\n") }
}

@Suite("Document readers: .docx and .pdf import like their text")
struct DocumentReaderTests {
    @Test("each sample saved as .docx by LibreOffice imports to exactly the plan of its text", arguments: Fixtures.samples)
    func docx(name: String) throws {
        let plan = try Fixtures.plan(Fixtures.directory.appendingPathComponent("\(name).docx"))
        #expect(plan == (try Fixtures.sample(name)))
    }

    @Test("each sample printed to .pdf imports to the same ids, titles, units, deadlines and tasks",
          .enabled(if: Fixtures.hasPdftotext), arguments: Fixtures.samples)
    func pdf(name: String) throws {
        let plan = try Fixtures.plan(Fixtures.directory.appendingPathComponent("\(name).pdf"))
        let expected = try Fixtures.sample(name)
        #expect(PlanShape(plan, ignoringSpaces: true) == PlanShape(expected, ignoringSpaces: true))
        #expect(plan.id == expected.id && !plan.measures.isEmpty)
    }

    @Test("a .docx whose 一、 and (一) are Word's automatic numbering imports like the typed plan")
    func autonumbered() throws {
        let content = try DocumentReader.read(path: Fixtures.directory.appendingPathComponent("jinshan-2026-autonumbered.docx").path)
        guard case let .text(text) = content else { Issue.record("not read as a document"); return }
        #expect(text.contains("\n一、打造高效便捷的政务服务环境\n(一)拓展“一件事”集成服务\n"))
        #expect(text.contains("\n四、打造多元协同的社会共治环境\n(一)加强政企沟通\n"))
        let plan = try Fixtures.plan(Fixtures.directory.appendingPathComponent("jinshan-2026-autonumbered.docx"), id: "jinshan-2026")
        #expect(plan == (try Fixtures.sample("jinshan-2026")))
    }

    @Test("a .docx with a 任务分工 table imports like the same table written in markdown")
    func taskTable() throws {
        let plan = try Fixtures.plan(Fixtures.directory.appendingPathComponent("task-table.docx"))
        let typed = try Fixtures.plan(Fixtures.directory.appendingPathComponent("task-table.txt"))
        #expect(plan == typed)
        #expect(plan.measures.count == 3)
        #expect(plan.measures[0].units.map(\.name) == ["区市场监管局", "区税务局", "区人社局"])
        #expect(plan.measures[0].units.map(\.role) == [.lead, .support, .support])
        #expect(plan.measures[1].deadline?.date?.description == "2026-09-30")
    }

    @Test("bad documents are refused in one line naming the file", arguments: [
        ("corrupt.docx", Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]), "a zip archive without word/document.xml, not a Word (.docx) document"),
        ("old.doc", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "an old binary Word or WPS file (.doc/.wps); save it as .docx and import that"),
        ("plan.wps", Data("一、测试".utf8), "an old binary Word or WPS file (.doc/.wps); save it as .docx and import that"),
    ] as [(String, Data, String)])
    func refused(path: String, data: Data, problem: String) {
        #expect { try Fixtures.read(data, name: path) } throws: { ($0 as? ImportError).map { [$0.source, $0.problem] } == [path, problem] }
    }

    @Test("a zip without word/document.xml is not a Word document")
    func noDocumentPart() throws {
        // The task-table fixture with its document part renamed.
        var data = try Data(contentsOf: Fixtures.directory.appendingPathComponent("task-table.docx"))
        while let range = data.range(of: Data("word/document.xml".utf8)) { data.replaceSubrange(range, with: Data("word/documenX.xml".utf8)) }
        #expect {
            try Fixtures.read(data, name: "x.docx")
        } throws: { ($0 as? ImportError).map { [$0.source, $0.problem] } == ["x.docx", "a zip archive without word/document.xml, not a Word (.docx) document"] }
    }

    @Test("an encrypted PDF and a scanned one are refused in one line", .enabled(if: Fixtures.hasPdftotext), arguments: [
        ("encrypted.pdf", "the PDF is encrypted (password-protected); save an unprotected copy and import that"),
        ("scanned.pdf", "a scanned PDF (no text layer); run it through OCR or ask for the Word or text version"),
    ])
    func refusedPDF(name: String, problem: String) throws {
        let url = Fixtures.directory.appendingPathComponent(name)
        #expect { try DocumentReader.read(path: url.path, source: name) } throws: { ($0 as? ImportError).map { [$0.source, $0.problem] } == [name, problem] }
    }

    @Test("Word's number formats: 一 to 一百零五, ①, ⑴, full-width digits, 甲乙")
    func numberFormats() {
        #expect(WordNumbering.format(1, as: "chineseCounting") == "一")
        #expect(WordNumbering.format(10, as: "chineseCounting") == "十")
        #expect(WordNumbering.format(23, as: "chineseCounting") == "二十三")
        #expect(WordNumbering.format(105, as: "chineseCountingThousand") == "一百零五")
        #expect(WordNumbering.format(110, as: "chineseCounting") == "一百一十")
        #expect(WordNumbering.format(3, as: "decimalEnclosedCircle") == "③")
        #expect(WordNumbering.format(2, as: "decimalEnclosedParen") == "⑵")
        #expect(WordNumbering.format(12, as: "decimalFullWidth") == "12")
        #expect(WordNumbering.format(2, as: "ideographTraditional") == "乙")
        #expect(WordNumbering.format(7, as: "decimal") == "7")
    }
}
