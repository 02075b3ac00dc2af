import FoundationEssentials
import JSONTree

extension Report {
    /// Pretty, key-sorted JSON of the whole ledger (days as `YYYY-MM-DD`), as every `--json` output.
    var json: String {
        // Encoding plain strings, numbers and days cannot fail.
        guard let bytes = try? JSONWriter(layout: .pretty).encode(self) else { return "{}" }
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }
}
