/// A mark done that waits for the officer to confirm forcing it over open tasks.
public struct PendingForce: Equatable, Sendable {
    /// The measure to mark.
    public var target: String
    /// The action whose repeat confirms (Space's toggle or `s`'s cycle).
    public var action: Action
}
