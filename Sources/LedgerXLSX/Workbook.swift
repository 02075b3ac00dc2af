import FoundationEssentials
import Platform

/// An Office Open XML workbook (`.xlsx`) as Excel, WPS and LibreOffice open it:
/// the XML parts written here, the zip container by `ZipArchive`.
public struct Workbook: Equatable, Sendable {
    public var sheets: [Worksheet]
    /// The time stamped on the parts (a fixed one makes the file reproducible).
    public var modified: Date

    public init(sheets: [Worksheet], modified: Date) {
        self.sheets = sheets
        self.modified = modified
    }

    /// The `.xlsx` file's bytes.
    public func data() -> Data {
        Data(ZipArchive.archive(parts.map { (name: $0.0, bytes: $0.1) }, modified: modified))
    }

    /// Path in the package → content (UTF-8).
    var parts: [(String, [UInt8])] {
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        let officeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        var types = head + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        var workbook = head + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(officeRelationship)\"><sheets>"
        var workbookRelationships = head + "<Relationships xmlns=\"\(relationships)\">"
        var result: [(String, [UInt8])] = []
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            types += "<Override PartName=\"/xl/worksheets/sheet\(number).xml\" ContentType=\"\(sheetType)\"/>"
            var name: [UInt8] = []
            Worksheet.appendEscaped(sheet.name, to: &name)
            workbook += "<sheet name=\"\(String(decoding: name, as: UTF8.self))\" sheetId=\"\(number)\" r:id=\"rId\(number)\"/>"
            workbookRelationships += "<Relationship Id=\"rId\(number)\" Type=\"\(officeRelationship)/worksheet\" "
                + "Target=\"worksheets/sheet\(number).xml\"/>"
            result.append(("xl/worksheets/sheet\(number).xml", sheet.xml))
        }
        workbookRelationships += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(officeRelationship)/styles\" "
            + "Target=\"styles.xml\"/></Relationships>"
        let packageRelationships = head + "<Relationships xmlns=\"\(relationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(officeRelationship)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
        let texts = [("[Content_Types].xml", types + "</Types>"), ("_rels/.rels", packageRelationships),
                     ("xl/workbook.xml", workbook + "</sheets></workbook>"),
                     ("xl/_rels/workbook.xml.rels", workbookRelationships), ("xl/styles.xml", Workbook.stylesXML)]
        return texts.map { ($0.0, Array($0.1.utf8)) } + result
    }

    /// Fonts, fills and the cell formats `Worksheet.Style` numbers, in that order.
    static let stylesXML: String = {
        func fill(_ rgb: String) -> String {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(rgb)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        func format(font: Int = 0, fill: Int = 0, numberFormat: Int = 0, alignment: String = "<alignment vertical=\"top\"/>") -> String {
            "<xf numFmtId=\"\(numberFormat)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"0\" xfId=\"0\""
                + " applyFont=\"1\" applyFill=\"1\" applyNumberFormat=\"1\" applyAlignment=\"1\">\(alignment)</xf>"
        }
        let centred = "<alignment horizontal=\"center\" vertical=\"top\"/>"
        let formats = [
            format(),                                                                       // plain
            format(font: 1, fill: 5, alignment: "<alignment vertical=\"center\" wrapText=\"1\"/>"), // header
            format(alignment: "<alignment vertical=\"top\" wrapText=\"1\"/>"),             // wrapped
            format(fill: 2, alignment: centred), format(fill: 3, alignment: centred),        // red, yellow
            format(fill: 4, alignment: centred),                                            // green
            format(font: 2, alignment: "<alignment vertical=\"center\"/>"),                 // title
            format(numberFormat: 9),                                                        // percent (0%)
        ]
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"宋体\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"14\"/><name val=\"宋体\"/></font></fonts>"
            + "<fills count=\"6\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + fill("FFFF0000") + fill("FFFFC000") + fill("FF00B050") + fill("FFD9D9D9") + "</fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(formats.count)\">" + formats.joined() + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }()
}
