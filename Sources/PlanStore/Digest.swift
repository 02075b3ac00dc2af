/// A fast 64-bit checksum of bytes (four multiply-rotate lanes over 8-byte
/// words). It tells whether the journal prefix a snapshot covers is still the
/// same bytes; it is not a cryptographic hash.
enum Digest {
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
        func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
            let x = (h ^ word) &* prime
            return (x << 31) | (x >> 33)
        }
        var offset = 0
        let count = bytes.count
        while offset + 32 <= count {
            lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var h = mix(mix(mix(mix(UInt64(count), lanes.0), lanes.1), lanes.2), lanes.3)
        while offset < count {
            h = mix(h, UInt64(bytes[offset]))
            offset += 1
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
