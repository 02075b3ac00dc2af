import ArgumentParser

/// The synthetic data a benchmark command runs on, shared by `run` and `model`.
struct DataOptions: ParsableArguments {
    @Option(help: "Sizes in measures, comma-separated.")
    var sizes = Size.List([Size(measures: 1_000), Size(measures: 10_000), Size(measures: 100_000)])

    @Option(help: "Timed runs per step or command (after the warm-up).")
    var runs = 5

    @Option(help: "Seed of the synthetic data.")
    var seed: UInt64 = 2026

    @Option(help: "Events in the history per measure.")
    var eventsPerMeasure = 2

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be ≥ 1") }
    }
}
