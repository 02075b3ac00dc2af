import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The strings that recur in one file, made once each: a unit's name on every
/// measure it takes part in, a deadline's wording, an officer on every mark.
/// Making a string validates its UTF-8 and allocates it; finding it again here
/// is a multiply per eight bytes and a compare, and the copies share one
/// allocation. A slot keeps the last string whose bytes hashed to it (a cache,
/// not a set: a collision only makes a string again). The slots point into the
/// bytes being read, so a table lives no longer than one reading of one file.
final class StringTable {
    private struct Slot {
        var hash: UInt64 = 0
        var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var string = ""
    }

    // Unchecked: a table is one reading's, on one thread.
    @exclusivity(unchecked) private var slots = [Slot](repeating: Slot(), count: 1024)

    /// The string of `bytes` (unescaped contents of the file being read), if they are valid UTF-8.
    func string(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONReader.Unexpected) -> String {
        let hash = Self.hash(bytes)
        let n = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        let slot = slots[n]
        if slot.hash == hash, slot.bytes.count == bytes.count, let known = slot.bytes.baseAddress, let base = bytes.baseAddress,
           memcmp(known, base, bytes.count) == 0 {
            return slot.string
        }
        let made = try JSONReader.validated(bytes)
        slots[n] = Slot(hash: hash, bytes: bytes, string: made)
        return made
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        func mix(_ word: UInt64) { hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD; hash ^= hash >> 32 }
        var i = 0
        while i + 8 <= bytes.count {
            mix(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        while i < bytes.count {
            tail = tail << 8 | UInt64(base[i])
            i += 1
        }
        mix(tail)
        return hash
    }
}
