import FoundationEssentials
import PlanModel

/// Turns a plan document (plain text or markdown, as officers receive it) into a `Plan`.
public enum PlanImporter {
    /// Parses one plan document. `source` names the file in errors. `id` overrides the derived plan id.
    /// A document with bytes that could not be decoded is refused unless `keepingDamage` (`--force`): its
    /// measures would differ silently from the document's.
    public static func parse(_ data: Data, source: String, id: String? = nil, keepingDamage: Bool = false) throws(ImportError) -> Plan {
        let (lines, joiner) = try lines(of: data, source: source, keepingDamage: keepingDamage)
        guard let start = StructureRecognizer.bodyStart(in: lines) else {
            throw ImportError(source: source, problem: "no numbered pillars or measures found (一、 / （一） / 1. …)", chinese: "没有找到带编号的板块或措施（一、 / （一） / 1. …）")
        }
        let body = joiner.wrapWidth == nil ? joiner.join(lines[start...]) : Array(lines[start...])
        let end = StructureRecognizer.bodyEnd(in: body)
        let metadata = PlanMetadata(preamble: Array(lines[..<start]), closing: Array(body[end...]))
        let planID = id ?? metadata.planID
        let recognizer = StructureRecognizer(planID: planID, planYear: metadata.year)
        let pillars = completingShortNames(recognizer.pillars(from: body[..<end]), level: metadata.level)
        guard pillars.contains(where: { !$0.measures.isEmpty }) else {
            throw ImportError(source: source, problem: "no measures found under the numbered headings", chinese: "编号标题下没有找到措施")
        }
        // The file's name without its directory and extension.
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let fallbackTitle = name.lastIndex(of: ".").flatMap { $0 > name.startIndex ? String(name[..<$0]) : nil } ?? name
        return Plan(id: planID, title: metadata.title ?? fallbackTitle, district: metadata.district?.name,
                    year: metadata.year, docNumber: metadata.docNumber, date: metadata.date, pillars: pillars)
    }

    /// The document's lines, normalised, and rejoined where a wrapped document (PDF text) was cut: such a
    /// document is rejoined whole, its title and notice too; one paragraph a line has only its page gaps
    /// rejoined, in the body, by `parse`. A function of its own so that the decoded text and the unjoined
    /// lines are let go before the plan is built (a wrapped document's were twice its size, held to the end).
    static func lines(of data: Data, source: String, keepingDamage: Bool) throws(ImportError) -> (lines: [Paragraph], joiner: LineJoiner) {
        let (text, damaged) = try TextDecoding.decode(data, source: source)
        if damaged > 0, !keepingDamage {
            throw ImportError(source: source, problem: "\(damaged) character\(damaged == 1 ? "" : "s") could not be decoded (read as �): "
                              + "the file is damaged; repair it, or use --force to import it so",
                              chinese: "有 \(damaged) 个字符无法解码（显示为 �）：文件已损坏；请修复，或加 --force 照此导入")
        }
        let paragraphs = TextNormalizer.paragraphs(in: text)
        guard !paragraphs.isEmpty else { throw ImportError(source: source, problem: "file is empty", chinese: "文件是空的") }
        let joiner = LineJoiner(paragraphs[...])
        return (joiner.wrapWidth == nil ? LineJoiner.attachingBareMarkers(paragraphs) : joiner.join(paragraphs[...]), joiner)
    }

    /// "规划资源局" beside "区规划资源局", or "经委" where the alias table knows "区经委": the plan's level
    /// (区, 市, 县, 省) completes a short name when the full one is in the plan or in the alias table.
    static func completingShortNames(_ pillars: [Pillar], level: Character?) -> [Pillar] {
        guard let level else { return pillars }
        let names = Set(pillars.lazy.flatMap(\.measures).flatMap(\.units).map(\.name))
        var full: [String: String] = [:]
        for name in names where name.first != level && !name.hasPrefix("各") {
            let candidate = "\(level)\(name)"
            if names.contains(candidate) || UnitDirectory.builtInSpellings.contains(candidate) { full[name] = candidate }
        }
        guard !full.isEmpty else { return pillars }
        return pillars.map { pillar in
            var pillar = pillar
            pillar.measures = pillar.measures.map { measure in
                var measure = measure
                var seen: Set<String> = []
                measure.units = measure.units.map { UnitRef(name: full[$0.name] ?? $0.name, role: $0.role) }.filter { seen.insert($0.name).inserted }
                return measure
            }
            return pillar
        }
    }
}
