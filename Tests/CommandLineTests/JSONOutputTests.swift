import Foundation
import JSONTree
import Testing

/// Every `--json` output is the bytes `JSONEncoder` writes for it (sorted keys, pretty, slashes
/// unescaped), so scripts written against earlier versions keep reading it: the output is read
/// back as a JSON tree and written again by `JSONEncoder`, and the two must be equal byte for byte.
@Suite("JSON outputs")
struct JSONOutputTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/duban/Samples/jinshan-2026.txt").path

    /// What `JSONEncoder` writes for the value `output` holds, with the options duban's JSON has always had.
    static func reencoded(_ output: Data) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let tree = try JSONDecoder().decode(JSONValue.self, from: output)
        return String(decoding: try encoder.encode(tree), as: UTF8.self) + "\n"
    }

    static func expectEncoderBytes(_ run: DubanProcess.Run, _ command: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(run.status == 0, "\(command): \(run.error)", sourceLocation: sourceLocation)
        #expect(run.output == (try reencoded(run.data)), "\(command)", sourceLocation: sourceLocation)
        #expect(run.output.count > 3, "\(command) printed something", sourceLocation: sourceLocation)
    }

    /// Notes and units with what JSON must escape or keep: quotes, backslashes, slashes, controls, emoji, CJK.
    static let tricky = "进展 \"已会签\" C:\\审批\\ 2026/11/21 </b>\t\u{1}\u{7F}\u{2028} 👍🏽 ＡＩ"

    @Test("list, plans, show, workload, units, history, search, report, parse and import: --json is JSONEncoder's bytes")
    func everyListing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duban-json-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.path
        func duban(_ arguments: String...) throws -> DubanProcess.Run {
            try DubanProcess.run(arguments + ["--store", store, "--as", "王科长"], environment: ["DUBAN_TODAY": "2026-07-01", "LANG": "C"])
        }
        try Self.expectEncoderBytes(try duban("import", Self.sample, "--json"), "import --json")
        for step in [["note", "jinshan-2026:1.1", Self.tricky], ["done", "jinshan-2026:1.2", "--force"],
                     ["block", "jinshan-2026:1.3", "--note", "等待/会签"], ["due", "jinshan-2026:2.1", "2026-08-31"],
                     ["assign", "jinshan-2026:1.1", "区\"新\"单位/一处", "--role", "support"], ["done", "jinshan-2026:1.1.1"]] {
            let run = try DubanProcess.run(step + ["--store", store, "--as", "王科长"], environment: ["DUBAN_TODAY": "2026-07-01"])
            #expect(run.status == 0, "\(step): \(run.error)")
        }
        try Self.expectEncoderBytes(try duban("list", "--json"), "list --json")
        try Self.expectEncoderBytes(try duban("plans", "--json"), "plans --json")
        try Self.expectEncoderBytes(try duban("show", "jinshan-2026:1.1", "--json"), "show --json (measure)")
        try Self.expectEncoderBytes(try duban("show", "jinshan-2026:1.1.1", "--json"), "show --json (task)")
        try Self.expectEncoderBytes(try duban("workload", "--json"), "workload --json")
        try Self.expectEncoderBytes(try duban("workload", "--format", "json"), "workload --format json")
        try Self.expectEncoderBytes(try duban("units", "--json"), "units --json")
        try Self.expectEncoderBytes(try duban("history", "--json"), "history --json")
        try Self.expectEncoderBytes(try duban("search", "营商", "--json"), "search --json")
        try Self.expectEncoderBytes(try duban("report", "--format", "json"), "report --format json")
        try Self.expectEncoderBytes(try DubanProcess.run(["parse", Self.sample, "--json"]), "parse --json")
        #expect(try duban("history", "--json").output.contains(#""text" : "进展 \"已会签\" C:\\审批\\ 2026/11/21 </b>\t\u0001"#))
    }
}
