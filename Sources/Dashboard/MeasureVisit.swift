/// A measure the measure screen was showing, and where its cursor and scroll were,
/// to come back to after a related measure.
public struct MeasureVisit: Equatable, Sendable {
    public var measure: String
    public var checklistCursor: ListCursor
    public var scroll: Int
    /// Its suggestions and related measures, so the cursor can return to a related row.
    public var suggestions: MeasureSuggestions?
}
