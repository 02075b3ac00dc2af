/// A measure of another plan that resembles the one in view (the same reform
/// in another district), with where it stands.
public struct RelatedMeasure: Equatable, Sendable, Encodable {
    public var measureId: String
    public var planId: String
    public var title: String
    public var status: Status
    /// Cosine similarity in 0...1.
    public var score: Double

    public init(measureId: String, planId: String, title: String, status: Status, score: Double) {
        self.measureId = measureId
        self.planId = planId
        self.title = title
        self.status = status
        self.score = score
    }
}
