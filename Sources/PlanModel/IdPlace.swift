import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The place a measure or task id names in its plan: `PLAN:2.3` is the third measure of
/// the plan's second pillar, `PLAN:2.3.1` that measure's first task, counted from 1 and
/// written without leading zeros. Every imported plan's ids have this form
/// (`ImportReport.validate`), so an id is found by reading its place from it.
public struct IdPlace: Equatable, Sendable {
    public var pillar: Int
    public var measure: Int
    /// Set when the id names a task.
    public var task: Int?

    public init(pillar: Int, measure: Int, task: Int? = nil) {
        self.pillar = pillar
        self.measure = measure
        self.task = task
    }

    /// The id of this place in the plan `plan`.
    public func id(inPlan plan: String) -> String {
        plan + ":" + ([pillar, measure] + (task.map { [$0] } ?? [])).map(String.init).joined(separator: ".")
    }

    /// The place `id` names and its plan's id (before the `:`); nil when it has not the form.
    public static func parse(_ id: String) -> (plan: String, place: IdPlace)? {
        var id = id
        return id.withUTF8 { bytes in
            parse(bytes).map { (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<$0.planLength]), as: UTF8.self), $0.place) }
        }
    }

    /// Whether `id` is `plan:` followed by `place`: its bytes compared with the place's digits as they come,
    /// without making strings (an import checks every id of its plans so).
    public static func names(_ id: String, plan: String, place: IdPlace) -> Bool {
        guard place.pillar > 0, place.measure > 0, (place.task ?? 1) > 0 else { return false }
        var id = id, plan = plan
        return id.withUTF8 { bytes in
            plan.withUTF8 { planBytes in
                var n = planBytes.count
                guard bytes.count > n, let a = bytes.baseAddress, n == 0 || planBytes.baseAddress.map({ memcmp(a, $0, n) == 0 }) == true,
                      take(place.pillar, after: UInt8(ascii: ":"), in: bytes, at: &n),
                      take(place.measure, after: UInt8(ascii: "."), in: bytes, at: &n) else { return false }
                if let task = place.task, !take(task, after: UInt8(ascii: "."), in: bytes, at: &n) { return false }
                return n == bytes.count
            }
        }
    }

    /// Whether `separator` and the digits of `ordinal` come at `n` in `bytes`; `n` is moved past them.
    private static func take(_ ordinal: Int, after separator: UInt8, in bytes: UnsafeBufferPointer<UInt8>, at n: inout Int) -> Bool {
        guard n < bytes.count, bytes[n] == separator else { return false }
        n += 1
        var unit = 1
        while unit * 10 <= ordinal { unit *= 10 }
        while unit > 0 {
            guard n < bytes.count, bytes[n] == UInt8(ascii: "0") + UInt8(truncatingIfNeeded: ordinal / unit % 10) else { return false }
            n += 1
            unit /= 10
        }
        return true
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (planLength: Int, place: IdPlace)? {
        guard let base = bytes.baseAddress else { return nil }
        let end = bytes.count
        var colon = 0
        while colon < end, base[colon] != UInt8(ascii: ":") { colon += 1 }
        var ordinals = (0, 0, 0), count = 0, n = colon + 1
        while n < end {
            // An ordinal: 1 to 9 digits, the first not 0, then a dot or the end.
            let start = n
            var value = 0
            while n < end, n - start < 9 {
                let digit = base[n] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                value = value * 10 + Int(digit)
                n += 1
            }
            guard n > start, base[start] != UInt8(ascii: "0") else { return nil }
            switch count {
            case 0: ordinals.0 = value
            case 1: ordinals.1 = value
            case 2: ordinals.2 = value
            default: return nil
            }
            count += 1
            if n < end {
                guard base[n] == UInt8(ascii: "."), n + 1 < end else { return nil }
                n += 1
            }
        }
        guard count >= 2 else { return nil }
        return (colon, IdPlace(pillar: ordinals.0, measure: ordinals.1, task: count == 3 ? ordinals.2 : nil))
    }
}
