import FoundationEssentials
import PlanModel
import PlanImport
import Platform

/// A PDF's text layer, extracted by `pdftotext` (poppler-utils). Each visual line comes out as a line;
/// the importer's line joiner rejoins what the page width cut.
enum PDFReader {
    static func text(ofFileAt url: URL, source: String) throws(ImportError) -> String {
        guard let tool = executable(named: "pdftotext") else {
            throw ImportError(source: source, problem: "reading a PDF needs pdftotext: install the poppler-utils package", chinese: "读取 PDF 需要 pdftotext：请安装 poppler-utils 软件包")
        }
        let run: Subprocess.Output
        do { run = try Subprocess.run(tool.path, ["-enc", "UTF-8", "-q", url.path, "-"]) } catch {
            throw ImportError(source: source, problem: "could not run pdftotext (\(error.reason))",
                              chinese: "无法运行 pdftotext（\(error.reason)）")
        }
        guard run.status == 0 else {
            // pdftotext exits 1 for a password-protected file, 1–3 for a damaged one.
            if isEncrypted(url) {
                throw ImportError(source: source, problem: "the PDF is encrypted (password-protected); save an unprotected copy and import that", chinese: "PDF 已加密（有密码保护）；请另存一份未加密的再导入")
            }
            let reason = String(decoding: run.error, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
            throw ImportError(source: source, problem: "not a readable PDF" + (reason.map { " (\($0))" } ?? ""),
                              chinese: "无法读取的 PDF" + (reason.map { "（\($0)）" } ?? ""))
        }
        let text = String(decoding: run.output, as: UTF8.self).replacing(scalar: "\u{0C}", with: "\n")
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw ImportError(source: source, problem: "a scanned PDF (no text layer); run it through OCR or ask for the Word or text version", chinese: "是扫描版 PDF（没有文字层）；请先做文字识别（OCR），或索取 Word 或文本版")
        }
        return closingScriptGaps(text)
    }

    /// pdftotext puts a space wherever a Latin run meets a Chinese one ("(2026 年)", "2023 年3 月"); the space
    /// is the layout's, not the writer's, so it goes.
    static func closingScriptGaps(_ text: String) -> String {
        func latin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        func wide(_ c: Character) -> Bool { (c.unicodeScalars.first?.value ?? 0) >= 0x2E80 }
        var out = String()
        out.reserveCapacity(text.utf8.count)
        var previous: Character?
        var pendingSpace = false
        for c in text {
            if c == " ", !pendingSpace, let p = previous, latin(p) || wide(p) {
                pendingSpace = true
                continue
            }
            if pendingSpace, let p = previous, !((latin(p) && wide(c)) || (wide(p) && latin(c))) { out.append(" ") }
            pendingSpace = false
            out.append(c)
            previous = c
        }
        if pendingSpace { out.append(" ") }
        return out
    }

    /// An encryption dictionary in the trailer (`/Encrypt`), looked for only once pdftotext has failed.
    static func isEncrypted(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return false }
        return data.withUnsafeBytes { $0.firstRange(of: Array("/Encrypt".utf8)) } != nil
    }

    static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
