import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Unit names compared and hashed by their UTF-8 bytes: the workload tally and the dashboard's unit index
/// look up tens of thousands of names, and `String`'s `==` and `Hasher` may normalise non-ASCII text first.
extension String {
    /// The same bytes (not merely canonically equivalent text).
    public func hasSameBytes(as other: String) -> Bool {
        var a = self, b = other
        guard a.utf8.count == b.utf8.count else { return false }
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return true } // both empty
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    /// FNV-1a of the bytes, continuing from `seed`.
    public func fnv1a(seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var text = self
        return text.withUTF8 { bytes in
            bytes.reduce(seed) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
    }
}
