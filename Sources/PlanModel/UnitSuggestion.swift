/// A unit proposed for a measure because similar measures of other plans name
/// it. Accepting it assigns `name` in `role` through the change rules
/// (`Workspace.change(assigning:role:to:directory:)`), like any other assignment.
public struct UnitSuggestion: Equatable, Sendable, Encodable {
    /// The name to assign, in the measure's own district (公安金山分局 → 公安嘉定分局).
    public var name: String
    /// The role the unit has in `source`.
    public var role: Role
    /// The most similar measure that names the unit.
    public var source: RelatedMeasure
    /// Sum of the scores of the similar measures that name the unit: ranks the suggestions.
    public var score: Double

    public init(name: String, role: Role, source: RelatedMeasure, score: Double) {
        self.name = name
        self.role = role
        self.source = source
        self.score = score
    }
}
