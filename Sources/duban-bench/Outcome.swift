/// What one side of a benchmark row gave.
enum Outcome {
    /// Median, min and max wall time over the timed runs, and the median peak RSS.
    case measured(median: Double, min: Double, max: Double, peakMiB: Double)
    /// The command does not exist (yet) or failed; the reason is the first line it printed.
    case unavailable(String)
    /// No counterpart on this side.
    case none

    init(runs: [ProcessRun]) {
        let wall = runs.map(\.wallMilliseconds).sorted()
        let peak = runs.map { Double($0.peakKibibytes) / 1024 }.sorted()
        self = .measured(median: Outcome.median(wall), min: wall.first ?? 0, max: wall.last ?? 0,
                         peakMiB: Outcome.median(peak))
    }

    /// For progress lines: "12.3 ms", "n/a" or "—".
    var brief: String {
        switch self {
        case let .measured(median, _, _, _): "\(Report.milliseconds(median)) ms"
        case .unavailable: "n/a"
        case .none: "—"
        }
    }

    var median: Double? {
        if case let .measured(median, _, _, _) = self { median } else { nil }
    }

    private static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
