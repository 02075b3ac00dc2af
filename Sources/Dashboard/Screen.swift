/// Which screen is showing; the overlay and prompt sit on top of any of them.
public enum Screen: Equatable, Sendable {
    case plans, plan, measure
    /// Per unit, its measures by status; then one unit's measures.
    case workload, unitMeasures
}

/// Which list of the plan screen has the keyboard.
public enum Focus: Equatable, Sendable {
    case pillars, measures
}
