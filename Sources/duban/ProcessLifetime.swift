import FoundationEssentials

/// Values a command keeps until the process ends instead of freeing them:
/// freeing 100,000 measures' strings one by one (1.4 million, when their texts
/// were strings too) took longer than printing them, and the system takes the
/// memory back at exit anyway. A
/// command run inside a test keeps its (small) workspace the same way.
enum ProcessLifetime {
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// glibc grows each worker thread's heap a page at a time: opening 100k measures made
    /// 8,000 `mprotect` calls. Growing it 64 MB at a time (address space only; pages are
    /// still touched as used) took a fifth off the system time of an open (BENCHMARKS.md).
    /// Called before reading a whole store, not in `main`: setting it turns off glibc's
    /// adaptive threshold for mapping large blocks, which keeps the importer's peak memory
    /// at 7.5× a document rather than 10× (ImportMemoryTests).
    static func tuneMemory() {
        #if os(Linux)
        _ = mallopt(-2, 64 << 20) // <malloc.h>'s M_TOP_PAD: Glibc's module map leaves malloc.h out
        #endif
    }

    /// Retains `value` and never releases it.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}

#if os(Linux)
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
