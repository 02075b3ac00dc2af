import FoundationEssentials
import PlanImport
import PlanModel
import Platform

/// A Word (.docx) document as text: the body's paragraphs in order, one a line, with Word's automatic
/// numbering rendered as text; a table row becomes one `| … | … |` line (the importer reads task tables).
/// Headers, footers, footnotes and comments live in other parts and are not read.
enum DocxReader {
    /// An XML part larger than this (uncompressed) is refused: a zip bomb must not fill the memory.
    static let partLimit = 256 << 20

    static func isWordDocument(_ data: Data) -> Bool {
        (try? ZipArchive([UInt8](data)))?["word/document.xml"] != nil
    }

    static func text(of data: Data, source: String) throws(ImportError) -> String {
        let archive: ZipArchive
        do { archive = try ZipArchive([UInt8](data)) } catch {
            throw ImportError(source: source, problem: "not a readable .docx (the zip container is damaged)", chinese: "无法读取的 .docx（zip 容器已损坏）")
        }
        guard let document = try part("word/document.xml", of: archive, source: source) else {
            throw ImportError(source: source, problem: "a zip archive without word/document.xml, not a Word (.docx) document", chinese: "是不含 word/document.xml 的 zip 压缩包，不是 Word（.docx）文件")
        }
        var numbering = NumberingReader()
        if let xml = try part("word/numbering.xml", of: archive, source: source) {
            try parse(xml, with: &numbering, part: "numbering.xml", source: source)
        }
        var styles = StylesReader()
        if let xml = try part("word/styles.xml", of: archive, source: source) {
            try parse(xml, with: &styles, part: "styles.xml", source: source)
        }
        var body = BodyReader(numbering: numbering.numbering, styles: styles.styles)
        try parse(document, with: &body, part: "document.xml", source: source)
        return body.lines.joined(separator: "\n") + "\n"
    }

    private static func part(_ path: String, of archive: ZipArchive, source: String) throws(ImportError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= partLimit else {
            throw ImportError(source: source, problem: "\(path) is larger than \(partLimit >> 20) MB unpacked; not read",
                              chinese: "\(path) 解压后超过 \(partLimit >> 20) MB，未读取")
        }
        do { return try archive.contents(of: entry, limit: partLimit) } catch {
            throw ImportError(source: source, problem: "not a readable .docx (\(path) is damaged)", chinese: "无法读取的 .docx（\(path) 已损坏）")
        }
    }

    private static func parse<Reader: XMLHandler>(_ xml: [UInt8], with reader: inout Reader, part: String, source: String) throws(ImportError) {
        do { try XMLEvents.read(Data(xml), into: &reader) } catch {
            throw ImportError(source: source, problem: "not a readable .docx (\(part) is not well-formed XML: \(error.reason) at byte \(error.offset))",
                              chinese: "无法读取的 .docx（\(part) 第 \(error.offset) 字节处不是格式正确的 XML）")
        }
    }
}

/// A paragraph style's list numbering (`w:style/w:pPr/w:numPr`), and the style it is based on.
struct StyleNumbering {
    var numID: String?
    var level: Int?
    var basedOn: String?
}

private struct NumberingReader: XMLHandler {
    var numbering = WordNumbering()
    private var abstractID: String?
    private var level: Int?
    private var numID: String?
    private var overrideLevel: Int?

    mutating func start(_ name: String, attributes: [String: String]) {
        let value = attributes["val"]
        switch name {
        case "abstractNum":
            abstractID = attributes["abstractNumId"]
        case "lvl" where abstractID != nil:
            level = attributes["ilvl"].flatMap { Int($0) }
            if let abstractID, let level { numbering.abstracts[abstractID, default: [:]][level] = WordNumbering.Level() }
        case "start", "numFmt", "lvlText", "lvlRestart":
            guard let abstractID, let level, let value else { return }
            switch name {
            case "start": numbering.abstracts[abstractID]?[level]?.start = Int(value) ?? 1
            case "numFmt": numbering.abstracts[abstractID]?[level]?.format = value
            case "lvlText": numbering.abstracts[abstractID]?[level]?.text = value
            default: numbering.abstracts[abstractID]?[level]?.restart = Int(value)
            }
        case "num":
            numID = attributes["numId"]
        case "abstractNumId":
            if let numID, let value { numbering.instances[numID] = WordNumbering.Instance(abstractID: value) }
        case "lvlOverride":
            overrideLevel = attributes["ilvl"].flatMap { Int($0) }
        case "startOverride":
            if let numID, let overrideLevel, let start = value.flatMap({ Int($0) }) {
                numbering.instances[numID]?.startOverrides[overrideLevel] = start
            }
        default: break
        }
    }

    mutating func end(_ name: String) {
        switch name {
        case "abstractNum": abstractID = nil
        case "lvl": level = nil
        case "num": numID = nil
        case "lvlOverride": overrideLevel = nil
        default: break
        }
    }
}

private struct StylesReader: XMLHandler {
    var styles: [String: StyleNumbering] = [:]
    private var styleID: String?

    mutating func start(_ name: String, attributes: [String: String]) {
        let value = attributes["val"]
        switch name {
        case "style":
            styleID = attributes["styleId"]
            if let styleID { styles[styleID] = StyleNumbering() }
        case "basedOn": if let styleID { styles[styleID]?.basedOn = value }
        case "numId": if let styleID { styles[styleID]?.numID = value }
        case "ilvl": if let styleID { styles[styleID]?.level = value.flatMap { Int($0) } }
        default: break
        }
    }

    mutating func end(_ name: String) {
        if name == "style" { styleID = nil }
    }
}

/// Walks `w:body`: paragraphs, runs, tabs and breaks, tables (rows of cells, merged cells repeated).
private struct BodyReader: XMLHandler {
    var lines: [String] = []
    private var numbering: WordNumbering
    private let styles: [String: StyleNumbering]

    private var text = ""
    private var inText = false
    private var numID: String?
    private var level: Int?
    private var style: String?
    /// Table nesting; rows are read at depth 1, a nested table's text joins its outer cell.
    private var tableDepth = 0
    private var row: [String] = []
    private var cell: [String] = []
    private var cellMerge: String?
    private var cellSpan = 1
    /// The text of a vertically merged cell, by column, repeated in the rows it spans.
    private var merged: [Int: String] = [:]

    init(numbering: WordNumbering, styles: [String: StyleNumbering]) {
        self.numbering = numbering
        self.styles = styles
    }

    mutating func start(_ name: String, attributes: [String: String]) {
        let value = attributes["val"]
        switch name {
        case "p":
            text = ""
            numID = nil
            level = nil
            style = nil
        case "t": inText = true
        case "tab": text += " "
        case "br", "cr": if attributes["type"] != "page" { text += "\n" }
        case "pStyle": style = value
        case "numId": numID = value
        case "ilvl": level = value.flatMap { Int($0) }
        case "tbl": tableDepth += 1
        case "tr" where tableDepth == 1: row = []
        case "tc" where tableDepth == 1:
            cell = []
            cellMerge = nil
            cellSpan = 1
        case "vMerge" where tableDepth == 1: cellMerge = value ?? "continue"
        case "gridSpan" where tableDepth == 1: cellSpan = value.flatMap { Int($0) } ?? 1
        default: break
        }
    }

    mutating func text(_ string: String) {
        if inText { text += string }
    }

    mutating func end(_ name: String) {
        switch name {
        case "t": inText = false
        case "p": endParagraph()
        case "tc" where tableDepth == 1:
            var content = cell.joined(separator: " ").replacing(scalar: "|", with: "｜")
            let column = row.count
            if cellMerge == "restart" { merged[column] = content }
            else if cellMerge != nil { content = merged[column] ?? content }
            else { merged[column] = nil }
            row += [content] + Array(repeating: "", count: max(0, cellSpan - 1))
        case "tr" where tableDepth == 1:
            if row.contains(where: { !$0.isEmpty }) { lines.append("| " + row.joined(separator: " | ") + " |") }
        case "tbl":
            tableDepth -= 1
            if tableDepth == 0 { merged = [:] }
        default: break
        }
    }

    private mutating func endParagraph() {
        var numbered = (numID: numID, level: level)
        var next = style
        var seen: Set<String> = []
        while numbered.numID == nil || numbered.level == nil, let id = next, seen.insert(id).inserted, let s = styles[id] {
            numbered.numID = numbered.numID ?? s.numID
            numbered.level = numbered.level ?? s.level
            next = s.basedOn
        }
        var line = text
        if let id = numbered.numID, id != "0", let label = numbering.label(numID: id, level: numbered.level ?? 0) {
            line = label + line
        }
        text = ""
        if tableDepth > 0 {
            cell.append(line.replacing(scalar: "\n", with: " "))
        } else if line.contains(where: { !$0.isWhitespace }) {
            lines.append(line)
        }
    }
}
