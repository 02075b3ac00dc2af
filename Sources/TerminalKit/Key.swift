/// One input from the terminal, decoded by the backend.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
    /// The terminal changed size; the new size comes with it.
    case resize(Size)
    case mouse(MouseEvent)

    /// How the key is written in the footer and the help overlay.
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case let .character(c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .tab: "Tab"
        case let .control(c): "Ctrl-\(c.uppercased())"
        case let .resize(size): "resize \(size)"
        case .mouse: "mouse"
        }
    }
}

/// A mouse report: where, and what happened.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var column: Int
    public var row: Int

    public init(kind: Kind, column: Int, row: Int) {
        self.kind = kind
        self.column = column
        self.row = row
    }
}
