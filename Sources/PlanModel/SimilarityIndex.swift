import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Text similarity between measures, for "related measures in other plans" and
/// unit suggestions. Each measure (title twice, then text) is a bag of Chinese
/// character unigrams and bigrams (bigrams never span punctuation), weighted by
/// TF-IDF (1 + ln tf) · ln((1 + N) / (1 + df)) + 1) and L2-normalised; the score is
/// the cosine. Built once per workspace; a query walks the inverted index of the
/// measure's terms only.
public struct SimilarityIndex: Sendable {
    /// A measure resembling the query, with its cosine score in 0...1.
    public struct Match: Equatable, Sendable {
        public var measureId: String
        public var score: Double

        public init(measureId: String, score: Double) {
            self.measureId = measureId
            self.score = score
        }
    }

    private let measureIds: [String]
    private let documentByMeasureId: [String: Int32]
    private let planOfDocument: [Int32]
    // Document vectors and postings in compressed-row form: term ids and weights
    // of document d are at documentStart[d]..<documentStart[d + 1].
    private let documentStart: [Int]
    private let documentTerms: [Int32]
    private let documentWeights: [Float]
    private let postingStart: [Int]
    private let postingDocuments: [Int32]
    private let postingWeights: [Float]

    public init(workspace: Workspace) {
        var measureIds: [String] = []
        var planOfDocument: [Int32] = []
        var termIdByKey: [UInt64: Int32] = [:]
        var documentFrequency: [Int32] = []
        var documentStart = [0]
        var documentTerms: [Int32] = []
        var counts: [Float] = []
        var local: [UInt64: Int] = [:]

        for (planIndex, plan) in workspace.plans.enumerated() {
            for measure in plan.measures {
                local.removeAll(keepingCapacity: true)
                SimilarityIndex.countTerms(of: measure.title, weight: 2, into: &local)
                SimilarityIndex.countTerms(of: measure.text, weight: 1, into: &local)
                for (key, count) in local {
                    let term = termIdByKey[key] ?? {
                        let id = Int32(documentFrequency.count)
                        termIdByKey[key] = id
                        documentFrequency.append(0)
                        return id
                    }()
                    documentFrequency[Int(term)] += 1
                    documentTerms.append(term)
                    counts.append(Float(count))
                }
                documentStart.append(documentTerms.count)
                measureIds.append(measure.id)
                planOfDocument.append(Int32(planIndex))
            }
        }

        let total = Float(measureIds.count)
        let idf = documentFrequency.map { log((1 + total) / (1 + Float($0))) + 1 }
        var weights = [Float](repeating: 0, count: documentTerms.count)
        for d in 0..<measureIds.count {
            let range = documentStart[d]..<documentStart[d + 1]
            var norm: Float = 0
            for i in range {
                let w = (1 + log(counts[i])) * idf[Int(documentTerms[i])]
                weights[i] = w
                norm += w * w
            }
            let scale = norm > 0 ? 1 / norm.squareRoot() : 0
            for i in range { weights[i] *= scale }
        }

        // Postings: documents of each term, in document order.
        var postingStart = [Int](repeating: 0, count: documentFrequency.count + 1)
        for (term, df) in documentFrequency.enumerated() { postingStart[term + 1] = postingStart[term] + Int(df) }
        var fill = postingStart
        var postingDocuments = [Int32](repeating: 0, count: documentTerms.count)
        var postingWeights = [Float](repeating: 0, count: documentTerms.count)
        for d in 0..<measureIds.count {
            for i in documentStart[d]..<documentStart[d + 1] {
                let term = Int(documentTerms[i])
                postingDocuments[fill[term]] = Int32(d)
                postingWeights[fill[term]] = weights[i]
                fill[term] += 1
            }
        }

        self.measureIds = measureIds
        self.documentByMeasureId = Dictionary(measureIds.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        self.planOfDocument = planOfDocument
        self.documentStart = documentStart
        self.documentTerms = documentTerms
        self.documentWeights = weights
        self.postingStart = postingStart
        self.postingDocuments = postingDocuments
        self.postingWeights = postingWeights
    }

    /// The measures of other plans most similar to `measureId`, best first,
    /// scoring at least `minimumScore`; `accept` can skip candidates (it is asked
    /// best first, only until `limit` are found). Empty for an unknown id.
    public func matches(for measureId: String, limit: Int, minimumScore: Double = 0.05,
                        accept: (String) -> Bool = { _ in true }) -> [Match] {
        guard limit > 0, let query = documentByMeasureId[measureId].map(Int.init) else { return [] }
        let plan = planOfDocument[query]
        var scores = [Float](repeating: 0, count: measureIds.count)
        var touched: [Int32] = []
        for i in documentStart[query]..<documentStart[query + 1] {
            let term = Int(documentTerms[i])
            let weight = documentWeights[i]
            for p in postingStart[term]..<postingStart[term + 1] {
                let d = Int(postingDocuments[p])
                if scores[d] == 0 { touched.append(Int32(d)) }
                scores[d] += weight * postingWeights[p]
            }
        }
        let threshold = Float(minimumScore)
        var candidates = touched.filter { planOfDocument[Int($0)] != plan && scores[Int($0)] >= threshold }
        candidates.sort { (scores[Int($0)], $1) > (scores[Int($1)], $0) }
        var result: [Match] = []
        for d in candidates {
            let id = measureIds[Int(d)]
            guard accept(id) else { continue }
            result.append(Match(measureId: id, score: Double(min(scores[Int(d)], 1))))
            if result.count == limit { break }
        }
        return result
    }

    // MARK: Terms

    /// Adds the unigrams and bigrams of `text`, `weight` times each.
    static func countTerms(of text: String, weight: Int, into counts: inout [UInt64: Int]) {
        var previous: UInt64?
        for scalar in text.unicodeScalars {
            guard let value = termScalar(scalar) else {
                previous = nil
                continue
            }
            counts[value, default: 0] += weight
            if let previous { counts[1 << 42 | previous << 21 | value, default: 0] += weight }
            previous = value
        }
    }

    /// Han characters, ASCII letters and digits take part, folded as search folds them
    /// (traditional → simplified, full-width → ASCII, lower case); everything else separates.
    private static func termScalar(_ scalar: Unicode.Scalar) -> UInt64? {
        let v = SearchIndex.folded(scalar).value
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x30...0x39, 0x61...0x7A:
            return UInt64(v)
        default:
            return nil
        }
    }
}
