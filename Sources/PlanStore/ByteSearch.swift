import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
/// Substring search in raw bytes (Boyer–Moore–Horspool), for filtering
/// journal and index lines before decoding them. Glibc's `memmem` is not
/// visible to Swift without `_GNU_SOURCE`.
struct ByteSearch {
    let needle: [UInt8]
    private var skip = [Int](repeating: 0, count: 256)

    init(_ needle: [UInt8]) {
        self.needle = needle
        for n in 0..<256 { skip[n] = needle.count }
        for (i, byte) in needle.enumerated().dropLast() { skip[Int(byte)] = needle.count - 1 - i }
    }

    /// The offset of the first occurrence in `bytes[start..<end]`, or nil.
    func firstOffset(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        let count = needle.count
        guard count > 0, end - start >= count else { return nil }
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            let last = pattern[count - 1]
            var position = start
            while position <= end - count {
                let byte = bytes[position + count - 1]
                if byte == last {
                    var i = count - 2
                    while i >= 0 && bytes[position + i] == pattern[i] { i -= 1 }
                    if i < 0 { return position }
                }
                position += skip[Int(byte)]
            }
            return nil
        }
    }

    /// The offset just after the last newline before `offset`, or 0.
    static func lineStart(in bytes: UnsafeRawBufferPointer, before offset: Int) -> Int {
        var position = offset
        while position > 0 {
            if bytes[position - 1] == 0x0A { return position }
            position -= 1
        }
        return 0
    }

    /// The offset of the first newline at or after `offset`, or `end`.
    static func lineEnd(in bytes: UnsafeRawBufferPointer, from offset: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress, offset < end,
              let newline = memchr(base + offset, 0x0A, end - offset) else { return end }
        return base.distance(to: UnsafeRawPointer(newline))
    }
}
