/// A line of text being typed in the status line, edited by a `LineEditor`.
public struct Prompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case note(target: String)
        /// A new text for the note that event `note` added on `target`.
        case editNote(target: String, note: String)
        case blocked(target: String)
        case due(target: String)
        case search
        case filter
        /// The file the ledger of `scope` is written to.
        case export(LedgerScope)
    }

    public var kind: Kind
    public var editor: LineEditor

    /// A prompt holding `text`, the cursor after it.
    public init(kind: Kind, text: String = "") {
        self.kind = kind
        editor = LineEditor(text)
    }

    public var text: String { editor.text }

    /// The measure or task the prompt changes, if it changes one.
    public var target: String? {
        switch kind {
        case let .note(target), let .editNote(target, _), let .blocked(target), let .due(target): target
        case .search, .filter, .export: nil
        }
    }

    public var label: Label {
        switch kind {
        case .note, .editNote: .promptNote
        case .blocked: .promptBlocked
        case .due: .promptDue
        case .search: .promptSearch
        case .filter: .promptFilter
        case .export: .promptExport
        }
    }
}
