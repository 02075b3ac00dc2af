import PlanModel

/// What the executable found for a measure with its similarity index: related
/// measures of other plans and units suggested from them.
public struct MeasureSuggestions: Equatable, Sendable {
    public var measure: String
    public var related: [RelatedMeasure]
    public var units: [UnitSuggestion]

    public init(measure: String, related: [RelatedMeasure], units: [UnitSuggestion]) {
        self.measure = measure
        self.related = related
        self.units = units
    }
}
