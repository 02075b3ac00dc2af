import ArgumentParser
import DocumentReaders
import FoundationEssentials
import PlanImport
import PlanModel
import PlanStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Output.help("Import plan documents into the store (a newer version of a plan keeps its progress).", "把方案文件导入存储（方案的新版本保留已有进度）。"))

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Output.help("Override the plan id (only with one file).", "指定方案编号（仅限一个文件）。"), valueName: "id")) var id: String?
    @Flag(help: ArgumentHelp(Output.help("Print JSON.", "输出 JSON。"))) var json = false
    @Flag(name: .customLong("init"), help: ArgumentHelp(Output.help("Create the store even in a directory that holds other files.", "即使目录中已有其他文件也创建存储。")))
    var initialize = false
    @Option(help: ArgumentHelp(Output.help("Refuse documents larger than this many megabytes (checked before reading).", "拒绝超过此大小（MB）的文件（读取前检查）。"), valueName: "MB"))
    var maxSize = PlanDocument.defaultMaxSize
    @Flag(help: ArgumentHelp(Output.help("Import a document even though some of its bytes could not be decoded (they read as �).", "即使部分字节无法解码（显示为 �）也导入文件。"))) var force = false
    @Argument(help: ArgumentHelp(Output.help("Plan documents (text, markdown, .docx or .pdf), or plans as JSON (`duban parse --json`).", "方案文件（文本、markdown、.docx 或 .pdf），或 JSON 格式的方案（`duban parse --json`）。"), valueName: "file")) var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError(Output.help("give at least one file to import", "请给出至少一个要导入的文件")) }
        if id != nil, files.count > 1 {
            throw ValidationError(Output.help("--id applies to one file, not \(files.count)", "--id 只适用于一个文件，而不是 \(files.count) 个"))
        }
    }

    func run() throws {
        // Parse every file (side by side) before touching the store, so a bad file imports nothing; the first
        // bad one in the order given is the one named.
        let (id, maxSize, force) = (id, maxSize, force)
        let plans = try files.concurrentMap { path in
            Result { try PlanDocument.read(path: path, id: id, maxSize: maxSize, keepingDamage: force) }
        }.map { try $0.get() }
        // Freed string by string, the plans of 10,000 measures took a seventh of an import, on one processor.
        defer { ProcessLifetime.keep(plans) }
        try ImportReport.validate(plans)
        let store = try JSONPlanStore.create(at: options.directory, now: Date(), intoNonEmpty: initialize, warn: Output.warn)
        let reports = try store.importPlans(plans)
        if json { return try Output.json(reports) }
        for report in reports { Output.print(Self.describe(report)) }
    }

    static func describe(_ report: ImportReport, in language: Language = Output.language(nil)) -> String {
        var line = language.pick("\(report.plan): \(report.isNew ? "imported" : "re-imported") \(report.measures) measures",
                                 "\(report.plan)：\(report.isNew ? "已导入" : "已重新导入") \(report.measures) 项措施")
        if !report.isNew {
            line += language.pick("; \(report.added.count) added, \(report.changed.count) changed, \(report.vanished.count) vanished",
                                  "；新增 \(report.added.count)，修改 \(report.changed.count)，删去 \(report.vanished.count)")
        }
        let lists = [(language.pick("added", "新增"), report.added), (language.pick("changed", "修改"), report.changed),
                     (language.pick("vanished", "删去"), report.vanished),
                     (language.pick("orphaned (history kept)", "已不在方案中（保留记录）"), report.orphaned)]
        for (label, ids) in lists where !report.isNew && !ids.isEmpty {
            line += "\n  \(label)\(language.pick(": ", "：")) " + ids.joined(separator: language.pick(", ", "、"))
        }
        return line
    }
}

/// Reading a plan document from disk, shared by `parse`, `import` and the sample bootstrap.
enum PlanDocument {
    /// Megabytes: a plan of a thousand measures is well under 1 MB; a document past this is not a plan.
    static let defaultMaxSize = 20

    static func read(path: String, id: String? = nil, maxSize: Int = defaultMaxSize, keepingDamage: Bool = false) throws -> Plan {
        // The size is checked before reading, so a huge file costs nothing.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxSize * 1_048_576 {
            let megabytes = (size + 1_048_575) / 1_048_576
            throw CommandFailure.badInput(Output.language(nil).pick(
                "\(path): \(megabytes) MB is larger than the \(maxSize) MB limit for a plan document (--max-size)",
                "\(path)：\(megabytes) MB，超过方案文件的上限 \(maxSize) MB（--max-size）"))
        }
        let content: DocumentReader.Content
        do {
            content = try DocumentReader.read(path: path)
        } catch {
            throw CommandFailure.badInput(error.description(in: Output.language(nil)))
        }
        do {
            switch content {
            case let .bytes(data):
                if data.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: "{") {
                    return try decodePlanJSON(data, path: path, id: id)
                }
                return try PlanImporter.parse(data, source: path, id: id, keepingDamage: keepingDamage)
            case let .text(text):
                return try PlanImporter.parse(Data(text.utf8), source: path, id: id)
            }
        } catch let error as ImportError {
            throw CommandFailure.badInput(error.description(in: Output.language(nil)))
        }
    }

    /// A plan already in the plan JSON schema (`duban parse --json`, or a store's plan file).
    private static func decodePlanJSON(_ data: Data, path: String, id: String?) throws -> Plan {
        var plan: Plan
        do {
            plan = try Plan.fastDecoded(from: data) ?? JSONDecoder().decode(Plan.self, from: data)
        } catch {
            throw CommandFailure.badInput(Output.language(nil).pick("\(path): not a plan in the plan JSON schema (\(describe(error)))",
                                                                    "\(path)：不是方案 JSON 格式的方案（\(describe(error))）"))
        }
        if let id { plan = plan.withId(id) }
        return plan
    }

    /// A decoding error in a few words: where in the JSON, and what.
    private static func describe(_ error: any Error) -> String {
        let context: DecodingError.Context? = switch error as? DecodingError {
        case let .keyNotFound(key, context): DecodingError.Context(codingPath: context.codingPath + [key], debugDescription: "missing")
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context): context
        default: nil
        }
        guard let context else { return "\(error)" }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return (path.isEmpty ? "" : path + ": ") + context.debugDescription
    }
}
