/// A fast 64-bit checksum of bytes (four multiply-rotate lanes over 8-byte
/// words). It tells whether the journal prefix a snapshot covers is still the
/// same bytes; it is not a cryptographic hash. Taken in steps, so that a journal's
/// prefix is checked a chunk at a time and the digest of the whole journal goes on
/// from it, without holding or reading those bytes twice.
struct Digest {
    private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
    /// The bytes taken so far: always whole 32-byte blocks.
    private(set) var count = 0

    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var digest = Digest()
        let taken = digest.take(bytes)
        return digest.finished(UnsafeRawBufferPointer(rebasing: bytes[taken...]))
    }

    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* prime
        return (x << 31) | (x >> 33)
    }

    /// Takes the whole 32-byte blocks at the start of `bytes`; returns how many bytes that was.
    mutating func take(_ bytes: UnsafeRawBufferPointer) -> Int {
        var offset = 0
        while offset + 32 <= bytes.count {
            lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = Self.mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = Self.mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = Self.mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        count += offset
        return offset
    }

    /// The digest of the bytes taken followed by `rest` (fewer than 32 bytes), as hex.
    func finished(_ rest: UnsafeRawBufferPointer) -> String {
        var h = Self.mix(Self.mix(Self.mix(Self.mix(UInt64(count + rest.count), lanes.0), lanes.1), lanes.2), lanes.3)
        for byte in rest { h = Self.mix(h, UInt64(byte)) }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
