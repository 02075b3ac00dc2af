import Foundation
import PlanImport
import PlanModel

/// The bundled sample plans, read from the source tree.
enum Samples {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/duban/Samples")

    static let names = ["jiading-2026", "jiading-2024", "minhang-2026", "jinshan-2026", "xuhui-2026"]

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent("\(name).txt"))
    }

    static func plan(_ name: String) throws -> Plan {
        try PlanImporter.parse(data(name), source: "\(name).txt")
    }

    static func parse(_ text: String, id: String? = nil) throws -> Plan {
        try PlanImporter.parse(Data(text.utf8), source: "test.txt", id: id)
    }
}
