import PlanModel

/// The similarity index of the loaded plans: built in the background on first use
/// (seconds at 100,000 measures, milliseconds on the samples) and dropped when the
/// plans are read again. A class so the runner's effects can share it; main thread only.
final class SimilarityCache {
    private(set) var index: SimilarityIndex?
    /// Counts the times the plans were read again: an index built from older plans is dropped.
    private(set) var generation = 0
    var isBuilding = false
    /// The measure whose suggestions wait for the index: the latest asked for.
    var waiting: String?

    func invalidate() {
        index = nil
        generation += 1
    }

    /// Keeps an index built from the plans of `generation`; false when they were read again meanwhile.
    func keep(_ built: SimilarityIndex, generation: Int) -> Bool {
        isBuilding = false
        guard generation == self.generation else { return false }
        index = built
        return true
    }
}
