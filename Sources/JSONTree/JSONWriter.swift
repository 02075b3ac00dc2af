import Dispatch
import FoundationEssentials
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes any `Encodable` as the bytes `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes` (plus `.prettyPrinted` for `.pretty`): every `--json`
/// output and every store file. `JSONEncoder` first builds a tree of every value
/// (a dictionary per object) and then writes it; this writer streams each value into
/// one byte buffer as it is encoded, and sorts an object's entries only when its keys
/// did not come in order, by moving their bytes. `JSONWriterTests` compare the two on
/// generated values.
///
/// Where it differs: keys that Swift's `String` counts equal but whose bytes differ
/// (canonically equivalent, `é` and `e\u{301}`) are two entries here and one in
/// `JSONEncoder` (a Swift dictionary cannot hold both, so only hand-made coding keys can);
/// `Data`, `URL` and `Decimal` are written as they encode themselves, not as `JSONEncoder`
/// special-cases them (no output of duban holds one).
public struct JSONWriter: Sendable {
    public enum Layout: Sendable {
        /// No whitespace.
        case compact
        /// `JSONEncoder`'s `.prettyPrinted`: two spaces per level, `"key" : value`, `{\n\n}` when empty.
        case pretty
    }

    public var layout: Layout
    /// How a `Date` is written: the string this returns; nil writes what `Date` encodes
    /// itself as (seconds since 2001), as `JSONEncoder`'s default strategy does.
    public var dates: (@Sendable (Date) -> String)?

    public init(layout: Layout = .compact, dates: (@Sendable (Date) -> String)? = nil) {
        self.layout = layout
        self.dates = dates
    }

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = try finished(value)
        return withExtendedLifetime(sink) { sink.bytes.array }
    }

    /// The sink holding `value`'s bytes (freed with it: keep it alive while they are read).
    func finished<T: Encodable>(_ value: T) throws -> JSONSink {
        let sink = JSONSink(pretty: layout == .pretty, dates: dates)
        try sink.topLevel(value)
        return sink
    }
}

extension JSONWriter {
    /// Fewer elements than this per worker are not worth a thread.
    static let elementsPerWorker = 256
    /// Elements a worker writes before the listing's next piece goes out (`write(elements:workers:to:)`).
    public static let elementsPerRun = 2_048

    /// The same bytes as `encode(elements)`, written by up to `workers` threads, each a run of the
    /// elements (a listing of 100,000 rows is mostly the writing).
    public func encode<E: Encodable & Sendable>(elements: [E], workers: Int, runLength: Int = elementsPerRun) throws -> [UInt8] {
        var joined: [UInt8] = []
        try write(elements: elements, workers: workers, runLength: runLength) { joined.append(contentsOf: $0) }
        return joined
    }

    /// `encode(elements:workers:)`'s bytes handed to `output` piece by piece, straight from the
    /// writers' buffers. The elements are written in rounds: each of up to `workers` threads writes
    /// a run of up to `runLength` elements into a buffer of its own, the runs go out in order, and
    /// the buffers are reused by the next round, so a listing is never held whole (at 100,000 rows,
    /// the page faults of buffers that held it whole were a third of `list --json`'s time). Each run
    /// is written as an array of its own; the runs' elements go out between one pair of brackets.
    public func write<E: Encodable & Sendable>(elements: [E], workers: Int, runLength: Int = elementsPerRun,
                                               to output: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try write(elements: elements, workers: workers, runLength: runLength, to: output) { sink, run in try sink.topLevel(Array(run)) }
    }

    /// The same for `JSONObject`s, each run's written through their fields where they lie: copying the
    /// run into an array of its own retained (and then released) every row's strings and arrays.
    public func write<E: JSONObject & Sendable>(elements: [E], workers: Int, runLength: Int = elementsPerRun,
                                                to output: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try write(elements: elements, workers: workers, runLength: runLength, to: output) { sink, run in try sink.topLevel(objects: run) }
    }

    private func write<E: Encodable & Sendable>(elements: [E], workers: Int, runLength: Int,
                                                to output: (UnsafeBufferPointer<UInt8>) throws -> Void,
                                                run: @escaping @Sendable (JSONSink, ArraySlice<E>) throws -> Void) throws {
        let runs = min(workers, elements.count / Self.elementsPerWorker)
        guard runs > 1 else {
            let sink = try finished(elements)
            return try withExtendedLifetime(sink) { try output(UnsafeBufferPointer(start: sink.bytes.base, count: sink.bytes.count)) }
        }
        let perRun = max(1, min(runLength, (elements.count + runs - 1) / runs))
        let sinks = (0..<runs).map { _ in JSONSink(pretty: layout == .pretty, dates: dates) }
        // A run is `[` elements `]`, pretty `[` elements `\n]`: what lies between goes out.
        let closing = layout == .pretty ? 2 : 1
        try withExtendedLifetime(sinks) {
            var position = 0
            while position < elements.count {
                let start = position
                let bounds = (0...runs).map { min(elements.count, start + $0 * perRun) }
                try fill(sinks, writing: elements, in: bounds, run)
                for n in 0..<runs where bounds[n] < bounds[n + 1] {
                    let opening = bounds[n] == 0 ? 0 : 1
                    if bounds[n] > 0 { try [UInt8(ascii: ",")].withUnsafeBufferPointer(output) }
                    let part = sinks[n]
                    try output(UnsafeBufferPointer(start: part.bytes.base + opening, count: part.bytes.count - opening - closing))
                }
                position = bounds[runs]
            }
        }
        try (layout == .pretty ? [0x0A, 0x5D] : [0x5D] as [UInt8]).withUnsafeBufferPointer(output)
    }

    /// Each element on a line of its own, ended by a line feed (JSON Lines), written by up to
    /// `workers` threads, each a run of the elements into one buffer (a writer per line cost
    /// more to set up than the line itself: a plan's index has a line per measure).
    public func encode<E: Encodable & Sendable>(lines elements: [E], workers: Int) throws -> [UInt8] {
        let runs = max(1, min(workers, elements.count / Self.elementsPerWorker))
        let written = try sinks(writing: elements, in: runs) { sink, run in
            for element in run {
                try sink.topLevel(element)
                sink.bytes.append(0x0A)
            }
        }
        return withExtendedLifetime(written) {
            var joined: [UInt8] = []
            joined.reserveCapacity(written.reduce(0) { $0 + $1.bytes.count })
            for part in written { joined.append(contentsOf: UnsafeBufferPointer(start: part.bytes.base, count: part.bytes.count)) }
            return joined
        }
    }

    /// `elements` cut into `runs` runs of about one length, each written by `write` into a sink of its own
    /// on a thread of its own; the sinks in the runs' order.
    private func sinks<E: Sendable>(writing elements: [E], in runs: Int,
                                    _ write: @Sendable (JSONSink, ArraySlice<E>) throws -> Void) throws -> [JSONSink] {
        let sinks = (0..<runs).map { _ in JSONSink(pretty: layout == .pretty, dates: dates) }
        try fill(sinks, writing: elements, in: (0...runs).map { elements.count * $0 / runs }, write)
        return sinks
    }

    /// `elements[bounds[n]..<bounds[n + 1]]` written by `write` into `sinks[n]`, emptied first, each on a thread
    /// of its own (a run without elements is left empty).
    private func fill<E: Sendable>(_ sinks: [JSONSink], writing elements: [E], in bounds: [Int],
                                   _ write: @Sendable (JSONSink, ArraySlice<E>) throws -> Void) throws {
        let shared = Shared(sinks)
        let failures = Failures(count: sinks.count)
        DispatchQueue.concurrentPerform(iterations: sinks.count) { n in
            let sink = shared.sinks[n]
            sink.reset()
            guard bounds[n] < bounds[n + 1] else { return }
            do { try write(sink, elements[bounds[n]..<bounds[n + 1]]) } catch { failures.set(n, error) }
        }
        try failures.throwFirst()
    }

    /// The sinks handed to the workers: each touches only its own.
    private struct Shared: @unchecked Sendable {
        let sinks: [JSONSink]
        init(_ sinks: [JSONSink]) { self.sinks = sinks }
    }

    /// The runs' errors, one slot per run, filled by the workers; the first run's is thrown.
    private final class Failures: @unchecked Sendable {
        private let slots: Mutex<[(any Error)?]>

        init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

        func set(_ n: Int, _ error: any Error) { slots.withLock { $0[n] = error } }

        func throwFirst() throws {
            if let error = slots.withLock({ $0.lazy.compactMap { $0 }.first }) { throw error }
        }
    }
}

/// The buffer and the containers still open, innermost last. A container writes each
/// entry as `,` + `"key":value` (with a line break and indent when pretty); closing it
/// turns the first `,` into `{` or `[`, so entries written in order are never moved.
final class JSONSink {
    // Unchecked: the sink is one encoding's, on one thread, and the dynamic checks of a
    // class's stored properties cost a fifth of a listing's instructions.
    @exclusivity(unchecked) var bytes = ByteBuffer(capacity: 4096)
    let pretty: Bool
    let dates: (@Sendable (Date) -> String)?

    struct Frame {
        var id: Int
        var isObject: Bool
        var start: Int
        var depth: Int
        var count = 0
        /// The first of this object's entries in `entries`.
        var firstEntry: Int
        /// Keys so far strictly ascending: nothing to move at the close.
        var inOrder = true
    }

    /// An entry's key is kept as written: a literal's bytes are compared where they lie, with no string
    /// made or retained per entry (a listing's rows write a dozen each).
    struct Entry {
        var key: JSONKey
        var start: Int
    }

    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var entries: [Entry] = []
    @exclusivity(unchecked) private var nextID = 0
    /// Where a value promised by `superEncoder` goes, if it is never written (then `{}`, as `JSONEncoder` writes).
    @exclusivity(unchecked) private var promised: (position: Int, depth: Int)?
    /// One encoder per depth, reused: a value's encoder lives only while it encodes.
    @exclusivity(unchecked) private var encoders: [JSONStreamEncoder] = []
    /// The keys of the last object that needed sorting and the order they go in: rows of one
    /// type repeat them, so the sort is done once per type of row rather than once per row.
    @exclusivity(unchecked) private var lastKeys: [JSONKey] = []
    /// A literal key at a depth, and what `beginEntry(_:literal:)` made for it: its opening bytes
    /// (in `openingBytes`): a row type has a dozen keys, so 256 slots hold every listing's. Made at the first
    /// literal key: a sink writing one small value (an event, an index line) never pays for them.
    struct Opening: Equatable {
        var key: UnsafeRawPointer
        var depth: Int
    }
    @exclusivity(unchecked) private var openings: [(opening: Opening, bytes: Range<Int>)?] = []
    @exclusivity(unchecked) private var openingBytes = ByteBuffer(capacity: 256)
    @exclusivity(unchecked) private var lastOrder: [Int] = []

    init(pretty: Bool, dates: (@Sendable (Date) -> String)?) {
        self.pretty = pretty
        self.dates = dates
    }

    deinit {
        bytes.free()
        openingBytes.free()
    }

    /// Empty again for the next value, its buffer and its cache of keys kept.
    func reset() {
        bytes.removeAll(from: 0)
        frames.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        promised = nil
    }

    /// Writes `value` as a JSON text of its own after what the sink holds; a top-level value that
    /// writes nothing is refused, as `JSONEncoder` refuses it.
    func topLevel<T: Encodable>(_ value: T) throws {
        let start = bytes.count
        try self.value(value, depth: 0, parent: nil, key: nil)
        closeAll()
        guard bytes.count > start else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
    }

    /// A top-level array of `objects`, each written through its fields, as `JSONFields` writes an array of them:
    /// the bytes `topLevel(Array(objects))` writes.
    func topLevel<T: JSONObject>(objects: ArraySlice<T>) throws {
        let root = encoder(depth: 0, parent: nil, key: nil)
        let elements = root.openArray()
        for n in objects.indices {
            beginElement(elements)
            var object = JSONFields(stream: encoder(depth: 1, parent: root, key: JSONIndexKey(intValue: n - objects.startIndex)))
            try objects[n].fields(into: &object)
        }
        closeAll()
    }

    // MARK: Containers

    /// A container handle: its place on the stack and its id (the place may be reused once it closes).
    struct Handle {
        var index: Int
        var id: Int
    }

    func open(object: Bool, depth: Int) -> Handle {
        // The container is the promised value.
        if promised?.position == bytes.count { promised = nil }
        nextID += 1
        frames.append(Frame(id: nextID, isObject: object, start: bytes.count, depth: depth, firstEntry: entries.count))
        return Handle(index: frames.count - 1, id: nextID)
    }

    func isOpen(_ handle: Handle) -> Bool {
        handle.index < frames.count && frames[handle.index].id == handle.id
    }

    /// Makes `handle` the innermost container again, closing those opened inside it (their encoders are done).
    func resume(_ handle: Handle) {
        precondition(isOpen(handle), "a JSON container was written to after the value holding it was finished")
        while frames.count > handle.index + 1 { closeInnermost() }
        fulfilPromise()
    }

    func beginEntry(_ handle: Handle, key: String) {
        resume(handle)
        let start = bytes.count
        separator(depth: frames[handle.index].depth + 1)
        string(key)
        if pretty { bytes.append(" : ") } else { bytes.append(0x3A) }
        entered(handle, key: .text(key), at: start)
    }

    /// A key that is a literal (`JSONFields`'): what comes before its value (separator, indent, the
    /// quoted key and colon) is the same in every row, so it is made once per key and depth and copied.
    func beginEntry(_ handle: Handle, literal key: StaticString) {
        guard key.hasPointerRepresentation else { return beginEntry(handle, key: key.description) }
        resume(handle)
        if openings.isEmpty { openings = Array(repeating: nil, count: 256) }
        let start = bytes.count
        let opening = Opening(key: UnsafeRawPointer(key.utf8Start), depth: frames[handle.index].depth + 1)
        // Open addressing from a multiplicative hash of the address (a key's depths probe on from one slot);
        // a full table only stops caching.
        var slot = Int(truncatingIfNeeded: (UInt(bitPattern: Int(bitPattern: opening.key)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        for _ in openings.indices {
            guard let made = openings[slot] else { break }
            if made.opening == opening {
                bytes.appendCopy(of: made.bytes, from: openingBytes)
                return entered(handle, key: .literal(key), at: start)
            }
            slot = (slot + 1) & (openings.count - 1)
        }
        separator(depth: opening.depth)
        string(key.description)
        if pretty { bytes.append(" : ") } else { bytes.append(0x3A) }
        let stored = openingBytes.count
        openingBytes.append(UnsafeBufferPointer(start: bytes.base + start, count: bytes.count - start))
        if openings[slot] == nil { openings[slot] = (opening, stored..<openingBytes.count) }
        entered(handle, key: .literal(key), at: start)
    }

    private func entered(_ handle: Handle, key: JSONKey, at start: Int) {
        let frame = frames[handle.index]
        if frame.inOrder, entries.count > frame.firstEntry, !Self.precedes(entries[entries.count - 1].key, key) {
            frames[handle.index].inOrder = false
        }
        frames[handle.index].count += 1
        entries.append(Entry(key: key, start: start))
    }

    func beginElement(_ handle: Handle) {
        resume(handle)
        separator(depth: frames[handle.index].depth + 1)
        frames[handle.index].count += 1
    }

    func promise(depth: Int) { promised = (bytes.count, depth) }

    private func fulfilPromise() {
        guard let (position, depth) = promised else { return }
        promised = nil
        if bytes.count == position { empty(object: true, depth: depth) }
    }

    private func separator(depth: Int) {
        bytes.append(0x2C)
        if pretty { newline(depth: depth) }
    }

    private static let newlineAndSpaces: StaticString = "\n                                                                "

    private func newline(depth: Int) {
        let most = Self.newlineAndSpaces.utf8CodeUnitCount - 1
        var indent = 2 * depth
        bytes.append(UnsafeBufferPointer(start: Self.newlineAndSpaces.utf8Start, count: 1 + min(indent, most)))
        indent -= most
        while indent > 0 {
            bytes.append(UnsafeBufferPointer(start: Self.newlineAndSpaces.utf8Start + 1, count: min(indent, most)))
            indent -= most
        }
    }

    private func empty(object: Bool, depth: Int) {
        bytes.append(object ? 0x7B : 0x5B)
        if pretty {
            bytes.append(0x0A)
            newline(depth: depth)
        }
        bytes.append(object ? 0x7D : 0x5D)
    }

    func closeAll() {
        while !frames.isEmpty { closeInnermost() }
        fulfilPromise()
    }

    private func closeInnermost() {
        fulfilPromise()
        let frame = frames.removeLast()
        guard frame.count > 0 else { return empty(object: frame.isObject, depth: frame.depth) }
        if frame.isObject {
            if !frame.inOrder { sortEntries(of: frame) }
            entries.removeSubrange(frame.firstEntry...)
        }
        bytes.replace(at: frame.start, with: frame.isObject ? 0x7B : 0x5B)
        if pretty { newline(depth: frame.depth) }
        bytes.append(frame.isObject ? 0x7D : 0x5D)
    }

    /// Rewrites the frame's entries in key order; of entries with one key, the last written stays (as in `JSONEncoder`).
    private func sortEntries(of frame: Frame) {
        let first = frame.firstEntry, count = entries.count - first
        // Rows of one type repeat their keys: their order is worked out once (a dictionary's keys are not worth comparing).
        let repeated = count <= 64 && lastKeys.count == count
            && (0..<count).allSatisfy { Self.compare(entries[first + $0].key, lastKeys[$0]) == 0 }
        if !repeated {
            var order = Array(0..<count)
            entries.withUnsafeBufferPointer { all in
                let written = UnsafeBufferPointer(rebasing: all[first...])
                order.sort { a, b in
                    let byKey = Self.compare(written[a].key, written[b].key)
                    return byKey != 0 ? byKey < 0 : a < b
                }
                lastOrder = order.indices.filter { n in
                    n + 1 == order.count || Self.compare(written[order[n]].key, written[order[n + 1]].key) != 0
                }.map { order[$0] }
                lastKeys = count <= 64 ? written.map(\.key) : []
            }
        }
        let end = bytes.count
        // Entries already in place stay (a plan file's `schema`, written after its pillars, moves only the keys
        // after it); the others are copied past the end in order, then moved back.
        var kept = 0
        while kept < lastOrder.count, lastOrder[kept] == kept { kept += 1 }
        let from = entries[first + kept].start  // an object sorted is out of order: some entry moves
        for n in lastOrder[kept...] {
            let start = entries[first + n].start
            let next = first + n + 1 < entries.count ? entries[first + n + 1].start : end
            bytes.appendCopy(of: start..<next)
        }
        let sorted = bytes.count - end
        (bytes.base + from).update(from: bytes.base + end, count: sorted)
        bytes.removeAll(from: from + sorted)
    }

    /// Key order: UTF-8 bytes, as `JSONEncoder` sorts keys.
    static func precedes(_ a: JSONKey, _ b: JSONKey) -> Bool { compare(a, b) < 0 }

    /// Negative, zero or positive as `a`'s UTF-8 bytes sort before, equal or after `b`'s.
    static func compare(_ a: JSONKey, _ b: JSONKey) -> Int {
        a.withUTF8 { x in b.withUTF8 { y in
            let common = min(x.count, y.count)
            if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                let order = memcmp(p, q, common)
                if order != 0 { return Int(order) }
            }
            return x.count - y.count
        } }
    }

    // MARK: Values

    /// `value` at `depth`, as the value of `key` in the container of `parent` (both nil at the top: they make the coding path).
    func value<T: Encodable>(_ value: T, depth: Int, parent: JSONStreamEncoder?, key: (any CodingKey)?) throws {
        // The common leaves written at once, without an encoder (metatypes compare in two instructions).
        if T.self == String.self { return string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return integer(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self { return bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Double.self { return try float(unsafeBitCast(value, to: Double.self), path: parent?.codingPath ?? []) }
        if T.self == String?.self { return unsafeBitCast(value, to: String?.self).map(string) ?? null() }
        if T.self == Int?.self { return unsafeBitCast(value, to: Int?.self).map(integer) ?? null() }
        if T.self == Double?.self {
            guard let number = unsafeBitCast(value, to: Double?.self) else { return null() }
            return try float(number, path: parent?.codingPath ?? [])
        }
        if T.self == Date.self, let dates { return string(dates(unsafeBitCast(value, to: Date.self))) }
        let start = bytes.count, open = frames.count
        try value.encode(to: encoder(depth: depth, parent: parent, key: key))
        // A value that wrote nothing is `{}`, as `JSONEncoder` writes it (at the top, an error).
        if bytes.count == start, frames.count == open, depth > 0 { empty(object: true, depth: depth) }
    }

    /// The encoder of a value at `depth` (one per depth, reused), ready for the value `key` names in `parent`.
    func encoder(depth: Int, parent: JSONStreamEncoder?, key: (any CodingKey)?) -> JSONStreamEncoder {
        if encoders.count <= depth {
            encoders += (encoders.count...depth).map { JSONStreamEncoder(sink: self, depth: $0) }
        }
        let encoder = encoders[depth]
        encoder.start(parent: parent, key: key)
        return encoder
    }

    func null() { bytes.append("null") }

    func bool(_ value: Bool) {
        if value { bytes.append("true") } else { bytes.append("false") }
    }

    func integer<T: BinaryInteger>(_ value: T) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = UInt64(value.magnitude)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written from the end
        withUnsafeMutableBytes(of: &digits) { buffer in
            var n = buffer.count
            repeat {
                n -= 1
                buffer[n] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[n...]))
        }
    }

    /// As `JSONEncoder`: the shortest text that reads back the same, without a trailing `.0`.
    func float<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T, path: @autoclosure () -> [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: path(), debugDescription: "Unable to encode \(T.self).\(value) directly in JSON."))
        }
        var text = value.description
        text.withUTF8 { utf8 in
            // A whole number without its ".0", as JSONEncoder writes it (cut from the bytes, not the string).
            let whole = utf8.count > 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            bytes.append(UnsafeBufferPointer(rebasing: utf8[..<(whole ? utf8.count - 2 : utf8.count)]))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Whether any of the eight bytes is a control character, `"` or `\` (exact: no byte is missed).
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return (word &- ones &* 0x20) & ~word & highs != 0 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// Whether any byte of `utf8` is one a JSON string escapes.
    private static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return false }
        var n = 0
        // Sixteen bytes at a time (one vector compare), then eight: most of a plan is long Chinese texts.
        let spaces = SIMD16<UInt8>(repeating: 0x20), quotes = SIMD16<UInt8>(repeating: 0x22)
        let backslashes = SIMD16<UInt8>(repeating: 0x5C)
        while n + 16 <= utf8.count {
            let v = base.loadUnaligned(fromByteOffset: n, as: SIMD16<UInt8>.self)
            if any(v .< spaces .| v .== quotes .| v .== backslashes) { return true }
            n += 16
        }
        while n + 8 <= utf8.count {
            if mayNeedEscape(base.loadUnaligned(fromByteOffset: n, as: UInt64.self)) { return true }
            n += 8
        }
        while n < utf8.count {
            let byte = utf8[n]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            n += 1
        }
        return false
    }

    /// A JSON string escaped as `JSONEncoder` escapes it: `"`, `\`, the named controls, other controls as `\u00XX`.
    func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // Most strings (every key, all of a Chinese text) need no escape: one copy between the quotes.
            guard Self.needsEscape(utf8) else { return bytes.appendQuoted(utf8) }
            bytes.append(0x22)
            guard let base = UnsafeRawPointer(utf8.baseAddress) else { return }
            var run = 0  // start of the bytes not yet copied
            var n = 0
            while n < utf8.count {
                // Eight bytes at a time past those that need no escape (all of a Chinese text).
                if n + 8 <= utf8.count, !Self.mayNeedEscape(base.loadUnaligned(fromByteOffset: n, as: UInt64.self)) {
                    n += 8
                    continue
                }
                let byte = utf8[n]
                n += 1
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(UnsafeBufferPointer(rebasing: utf8[run..<(n - 1)]))
                run = n
                switch byte {
                case 0x22: bytes.append("\\\"")
                case 0x5C: bytes.append("\\\\")
                case 0x08: bytes.append("\\b")
                case 0x0C: bytes.append("\\f")
                case 0x0A: bytes.append("\\n")
                case 0x0D: bytes.append("\\r")
                case 0x09: bytes.append("\\t")
                default:
                    bytes.append("\\u00")
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0xF)])
                }
            }
            bytes.append(UnsafeBufferPointer(rebasing: utf8[run...]))
            bytes.append(0x22)
        }
    }
}
