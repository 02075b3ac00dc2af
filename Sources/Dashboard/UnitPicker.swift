import PlanModel

/// The `a`/`A` overlay: a list of unit names filtered by what is typed. For `a`
/// a typed name that is not in the list can be created; Tab toggles the role.
public struct UnitPicker: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case assign, remove }

    public var kind: Kind
    /// The measure the unit is assigned to or removed from.
    public var target: String
    /// Every name offered, before filtering.
    public var names: [String]
    /// What is typed, which filters the names.
    public var editor = LineEditor()
    /// The cursor over `options`.
    public var cursor = ListCursor()
    public var role: Role

    public init(kind: Kind, target: String, names: [String], role: Role = .lead) {
        self.kind = kind
        self.target = target
        self.names = names
        self.role = role
    }

    /// The names that contain what is typed (or one of whose aliases does).
    public func matches(directory: UnitDirectory) -> [String] {
        let typed = editor.text.trimmingCharacters(in: " ")
        guard !typed.isEmpty else { return names }
        return names.filter { name in name.contains(typed) || directory.aliases(of: name).contains { $0.contains(typed) } }
    }

    /// The typed name when `a` would create it: not empty and no offered name is that unit.
    public func newName(directory: UnitDirectory) -> String? {
        let typed = editor.text.trimmingCharacters(in: " ")
        guard kind == .assign, !typed.isEmpty, !names.contains(where: { directory.isSameUnit($0, typed) }) else { return nil }
        return typed
    }

    /// The rows shown: the matches, then the new name if any.
    public func options(directory: UnitDirectory) -> [String] {
        matches(directory: directory) + (newName(directory: directory).map { [$0] } ?? [])
    }
}
