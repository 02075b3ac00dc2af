import ArgumentParser

/// A data set size in measures, written `1k`, `10k`, `100k` or a plain number.
struct Size: ExpressibleByArgument, CustomStringConvertible, Hashable {
    var measures: Int

    init(measures: Int) { self.measures = measures }

    init?(argument: String) {
        let text = argument.lowercased()
        let (digits, factor) = text.hasSuffix("k") ? (text.dropLast(), 1_000)
            : text.hasSuffix("m") ? (text.dropLast(), 1_000_000) : (Substring(text), 1)
        guard let value = Int(digits), value > 0 else { return nil }
        measures = value * factor
    }

    var description: String {
        measures % 1_000_000 == 0 ? "\(measures / 1_000_000)M"
            : measures % 1_000 == 0 ? "\(measures / 1_000)k" : String(measures)
    }

    /// Several sizes, comma-separated: `1k,10k,100k`.
    struct List: ExpressibleByArgument {
        var sizes: [Size]

        init?(argument: String) {
            let parsed = argument.split(separator: ",", omittingEmptySubsequences: false).map { Size(argument: String($0)) }
            guard !parsed.isEmpty, !parsed.contains(where: { $0 == nil }) else { return nil }
            sizes = parsed.compactMap { $0 }
        }

        init(_ sizes: [Size]) { self.sizes = sizes }

        /// As typed on the command line (`1k,10k,100k`), also in `--help`.
        var defaultValueDescription: String { sizes.map(\.description).joined(separator: ",") }
    }
}
