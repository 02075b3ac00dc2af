import FoundationEssentials
import PlanImport

/// The step before text normalisation: a Word or PDF file becomes the text the importer reads
/// (one paragraph a line); plain text and markdown pass through as bytes.
public enum DocumentReader {
    /// What the importer gets from a file.
    public enum Content: Equatable {
        /// Text or markdown (or plan JSON): the bytes as they are, decoded by the importer.
        case bytes(Data)
        /// Text already extracted from a Word or PDF file.
        case text(String)
    }

    /// Reads the document at `path`. `source` names it in errors.
    public static func read(path: String, source: String? = nil) throws(ImportError) -> Content {
        let source = source ?? path
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ImportError(source: source, problem: "cannot read the file", chinese: "无法读取文件")
        }
        switch format(of: data, path: path) {
        case .docx: return .text(try DocxReader.text(of: data, source: source))
        case .pdf: return .text(try PDFReader.text(ofFileAt: url, source: source))
        case .binaryWord:
            throw ImportError(source: source, problem: "an old binary Word or WPS file (.doc/.wps); save it as .docx and import that", chinese: "是旧版 Word 或 WPS 二进制文件（.doc/.wps）；请另存为 .docx 再导入")
        case .zip:
            throw ImportError(source: source, problem: "a zip archive without word/document.xml, not a Word (.docx) document", chinese: "是不含 word/document.xml 的 zip 压缩包，不是 Word（.docx）文件")
        case .plain: return .bytes(data)
        }
    }

    enum Format { case docx, pdf, binaryWord, zip, plain }

    /// The format by its first bytes (a renamed file is still read for what it is), then by its extension.
    static func format(of data: Data, path: String) -> Format {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return DocxReader.isWordDocument(data) ? .docx : .zip
        }
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .binaryWord }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "docx": return .zip
        case "pdf": return .pdf
        case "doc", "wps": return .binaryWord
        default: return .plain
        }
    }
}
