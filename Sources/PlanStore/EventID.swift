import FoundationEssentials
import PlanModel

/// Event ids unique across machines and sortable by time:
/// `20261121T093000.125Z-<16 hex>` (UTC to the millisecond, then 64 random bits),
/// so two officers' journals can be merged by a plain union of lines.
public enum EventID {
    public static func make(time: Date, using random: inout some RandomNumberGenerator) -> String {
        let stamp = Event.formatTime(time).filter { $0 != "-" && $0 != ":" }
        let bits = String(random.next(), radix: 16)
        return stamp + "-" + String(repeating: "0", count: 16 - bits.count) + bits
    }

    public static func make(time: Date) -> String {
        var random = SystemRandomNumberGenerator()
        return make(time: time, using: &random)
    }
}
