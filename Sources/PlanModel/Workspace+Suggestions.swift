import FoundationEssentials

extension Workspace {
    /// Measures of other plans that resemble `measure`, best first.
    public func relatedMeasures(to measure: Measure, index: SimilarityIndex, limit: Int = 5,
                                minimumScore: Double = 0.2) -> [RelatedMeasure] {
        index.matches(for: measure.id, limit: limit, minimumScore: minimumScore).compactMap(related)
    }

    /// Units for `measure` taken from the most similar measures of other plans
    /// that name units (at most `sources` of them), best first; units the measure
    /// already has are left out.
    public func suggestedUnits(for measure: Measure, index: SimilarityIndex, directory: UnitDirectory,
                               limit: Int = 8, sources: Int = 3, minimumScore: Double = 0.2) -> [UnitSuggestion] {
        guard let here = location(of: measure.id) else { return [] }
        let target = plans[here.plan]
        let assigned = Set(units(of: measure).flatMap { UnitDirectory.names(in: $0.name) }.map(directory.canonicalName))
        let matches = index.matches(for: measure.id, limit: sources, minimumScore: minimumScore) { id in
            self.measure(id).map { !units(of: $0).isEmpty } ?? false
        }
        var suggestions: [UnitSuggestion] = []
        var positionByCanonical: [String: Int] = [:]
        for match in matches {
            guard let similar = self.measure(match.measureId), let source = related(match),
                  let sourcePlan = location(of: match.measureId).map({ plans[$0.plan] }) else { continue }
            for ref in units(of: similar) {
                for original in UnitDirectory.names(in: ref.name) {
                    let name = Workspace.localized(original, from: sourcePlan, to: target)
                    let canonical = directory.canonicalName(name)
                    guard !assigned.contains(canonical) else { continue }
                    if let position = positionByCanonical[canonical] {
                        suggestions[position].score += match.score
                    } else {
                        positionByCanonical[canonical] = suggestions.count
                        suggestions.append(UnitSuggestion(name: name, role: ref.role, source: source, score: match.score))
                    }
                }
            }
        }
        // Stable: equal scores keep the best source's document order.
        let ranked = suggestions.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
        return ranked.prefix(limit).map(\.element)
    }

    private func related(_ match: SimilarityIndex.Match) -> RelatedMeasure? {
        guard let location = location(of: match.measureId) else { return nil }
        let plan = plans[location.plan]
        let measure = plan.pillars[location.pillar].measures[location.measure]
        return RelatedMeasure(measureId: measure.id, planId: plan.id, title: measure.title,
                              status: status(of: measure), score: match.score)
    }

    /// A district-specific name moved to the target district (公安金山分局 in a
    /// 嘉定区 plan becomes 公安嘉定分局); other names are unchanged.
    static func localized(_ name: String, from source: Plan, to target: Plan) -> String {
        func stem(_ plan: Plan) -> String? {
            guard let district = plan.district, !district.isEmpty else { return nil }
            let stem = district.hasSuffix("区") ? String(district.dropLast()) : district
            return stem.isEmpty ? nil : stem
        }
        guard let from = stem(source), let to = stem(target), from != to, name.contains(from) else { return name }
        return name.replacing(from, with: to)
    }
}
