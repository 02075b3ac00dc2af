import Foundation

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

    /// Whether `id` is `plan:` followed by `place`, read from its bytes without making strings.
    public static func names(_ id: String, plan: String, place: IdPlace) -> Bool {
        var id = id, plan = plan
        return id.withUTF8 { bytes in
            guard let (length, parsed) = parse(bytes), parsed == place, length == plan.utf8.count else { return false }
            return plan.withUTF8 { planBytes in
                guard let a = planBytes.baseAddress, let b = bytes.baseAddress else { return length == 0 }
                return memcmp(a, b, length) == 0
            }
        }
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
