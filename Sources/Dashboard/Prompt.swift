/// A line of text being typed in the status line. Editing works on whole
/// characters, so Chinese input and Backspace over it behave.
public struct Prompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case note(target: String)
        case blocked(target: String)
        case due(target: String)
        case search
        case filter
    }

    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    public var label: Label {
        switch kind {
        case .note: .promptNote
        case .blocked: .promptBlocked
        case .due: .promptDue
        case .search: .promptSearch
        case .filter: .promptFilter
        }
    }
}
