/// What an undo or redo may reach: every change, or the changes on some ids
/// (plans, measures, tasks) and on everything under them (a measure's tasks,
/// a plan's measures). A screen's scope is what it shows.
public struct UndoScope: Equatable, Sendable {
    /// nil: everything.
    public var ids: Set<String>?

    public static let everything = UndoScope(ids: nil)

    public init(ids: Set<String>?) { self.ids = ids }

    /// Whether a change on `target` is in reach: the target is one of the ids or lies under one
    /// (`P:1.2.3` under `P:1.2` and `P`, never `P:1.20` under `P:1.2`).
    public func contains(_ target: String) -> Bool {
        guard let ids else { return true }
        if ids.contains(target) { return true }
        var index = target.startIndex
        while let cut = target[index...].firstIndex(where: { $0 == ":" || $0 == "." }) {
            if ids.contains(String(target[..<cut])) { return true }
            index = target.index(after: cut)
        }
        return false
    }

    /// Whether any event of `step` is in reach.
    public func contains(_ step: [Event]) -> Bool { step.contains { contains($0.target) } }
}
