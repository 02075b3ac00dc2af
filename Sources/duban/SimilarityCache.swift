import PlanModel

/// The similarity index of the loaded plans, built on first use (seconds at
/// 100,000 measures, milliseconds on the samples) and dropped when the plans
/// are read again. A class so the runner's effects can share it.
final class SimilarityCache {
    private var index: SimilarityIndex?

    func index(for workspace: Workspace) -> SimilarityIndex {
        if let index { return index }
        let built = SimilarityIndex(workspace: workspace)
        index = built
        return built
    }

    func invalidate() { index = nil }
}
