/// The text of a measure or a task (`Measure.text`, `PlanTask.text`): a string,
/// or a place in a file that the store read the plan from, read when the text is
/// asked for. Listings need ids, titles, units and status only; building every
/// text of 100,000 measures as a `String` was a quarter of a store's open and
/// ~150 MB (docs/performance.md), so the store leaves texts where they are.
public struct DeferredText: Sendable {
    /// Where deferred texts are read from (the store's plan file). Reading is
    /// the source's business; `PlanModel` does no I/O itself.
    public protocol Source: AnyObject, Sendable {
        /// Calls `body` with the UTF-8 of the text at `place`, which the source handed out.
        func withUTF8<R>(at place: Place, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
    }

    /// A text's bytes in its source, as the source wrote it down.
    public struct Place: Equatable, Sendable {
        public var offset: UInt32
        public var count: UInt32
        /// Whether the bytes hold escapes (JSON's `\n`, `\"`, …) to undo on reading.
        public var escaped: Bool

        public init(offset: UInt32, count: UInt32, escaped: Bool) {
            self.offset = offset
            self.count = count
            self.escaped = escaped
        }
    }

    private enum Storage: Sendable {
        case string(String)
        case deferred(any Source, Place)
    }

    private var storage: Storage

    public init(_ string: String) { storage = .string(string) }

    public init(source: any Source, place: Place) { storage = .deferred(source, place) }

    /// The text, read from its source if it is deferred.
    public var string: String {
        switch storage {
        case .string(let string): string
        case .deferred(let source, let place): source.withUTF8(at: place) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Calls `body` with the text's UTF-8; a deferred text's bytes are not made into a
    /// string first (a search reads every text of every plan). Bytes from a source are
    /// as stored there, not checked to be valid UTF-8.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .string(var string): string.withUTF8(body)
        case .deferred(let source, let place): source.withUTF8(at: place, body)
        }
    }
}

extension DeferredText: Equatable {
    /// The same place of the same source is the same text without reading it.
    public static func == (a: DeferredText, b: DeferredText) -> Bool {
        if case .deferred(let s, let p) = a.storage, case .deferred(let t, let q) = b.storage, s === t, p == q { return true }
        return a.string == b.string
    }
}
