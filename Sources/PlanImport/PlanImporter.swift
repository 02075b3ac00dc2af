import Foundation
import PlanModel

/// Turns a plan document (plain text or markdown, as officers receive it) into a `Plan`.
public enum PlanImporter {
    /// Parses one plan document. `source` names the file in errors. `id` overrides the derived plan id.
    public static func parse(_ data: Data, source: String, id: String? = nil) throws(ImportError) -> Plan {
        let text = try TextDecoding.decode(data, source: source)
        let paragraphs = TextNormalizer.paragraphs(in: text)
        guard !paragraphs.isEmpty else { throw ImportError(source: source, problem: "file is empty") }
        // A wrapped document (PDF text) is rejoined whole, its title and notice too; one paragraph a line
        // only has its page gaps rejoined, in the body.
        let joiner = LineJoiner(paragraphs[...])
        let lines = joiner.wrapWidth == nil ? LineJoiner.attachingBareMarkers(paragraphs) : joiner.join(paragraphs[...])
        guard let start = StructureRecognizer.bodyStart(in: lines) else {
            throw ImportError(source: source, problem: "no numbered pillars or measures found (一、 / （一） / 1. …)")
        }
        let body = joiner.wrapWidth == nil ? joiner.join(lines[start...]) : Array(lines[start...])
        let end = StructureRecognizer.bodyEnd(in: body)
        let metadata = PlanMetadata(preamble: Array(lines[..<start]), closing: Array(body[end...]))
        let planID = id ?? metadata.planID
        let recognizer = StructureRecognizer(planID: planID, planYear: metadata.year)
        let pillars = recognizer.pillars(from: body[..<end])
        guard pillars.contains(where: { !$0.measures.isEmpty }) else {
            throw ImportError(source: source, problem: "no measures found under the numbered headings")
        }
        let fallbackTitle = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        return Plan(id: planID, title: metadata.title ?? fallbackTitle, district: metadata.district?.name,
                    year: metadata.year, docNumber: metadata.docNumber, date: metadata.date, pillars: pillars)
    }
}
