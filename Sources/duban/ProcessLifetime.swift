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

    /// Retains `value` and never releases it.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
