/// The bytes `JSONWriter` writes into: a growing buffer whose appends are a bounds
/// check and a copy. `[UInt8]`'s appends check uniqueness and go through generic
/// `append(contentsOf:)` on every call, a sixth of a listing's instructions.
/// Owned by one `JSONSink`, which frees it.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var grown = capacity * 2
        while grown < count + extra { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// `bytes` between two double quotes.
    mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count + 2)
        base[count] = 0x22
        if let source = bytes.baseAddress { (base + count + 1).update(from: source, count: bytes.count) }
        base[count + 1 + bytes.count] = 0x22
        count += bytes.count + 2
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Bytes `range` of this buffer appended again at its end.
    mutating func appendCopy(of range: Range<Int>) {
        reserve(range.count)
        (base + count).update(from: base + range.lowerBound, count: range.count)
        count += range.count
    }

    /// Bytes `range` of `other` appended.
    mutating func appendCopy(of range: Range<Int>, from other: ByteBuffer) {
        append(UnsafeBufferPointer(start: other.base + range.lowerBound, count: range.count))
    }

    /// Writes `byte` over the one at `position` (a container's opening bracket).
    func replace(at position: Int, with byte: UInt8) { base[position] = byte }

    /// Drops every byte from `position` on.
    mutating func removeAll(from position: Int) { count = position }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
