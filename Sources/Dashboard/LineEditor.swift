import TerminalKit

/// One line of text being typed, with a cursor: every prompt and the unit picker
/// edit through it. It works on whole characters, so Chinese input, the arrows
/// and Backspace over it behave; widths are display columns (CJK = 2).
public struct LineEditor: Equatable, Sendable {
    public private(set) var text: String
    /// The cursor, in characters from the start (0 … `text.count`).
    public private(set) var cursor: Int

    /// `text` with the cursor after it, where typing goes on.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key: typing inserts at the cursor, ←/→/Home/End move it,
    /// Backspace and Del delete before and under it, Ctrl-U deletes everything
    /// before it. False for any other key, which the caller handles.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case let .character(c): insert(c)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: index(cursor))
        case .control("u"):
            text.removeSubrange(text.startIndex..<index(cursor))
            cursor = 0
        default: return false
        }
        return true
    }

    private mutating func insert(_ character: Character) {
        text.insert(character, at: index(cursor))
        cursor += 1
    }

    private func index(_ offset: Int) -> String.Index { text.index(text.startIndex, offsetBy: offset) }

    static let cursorBar = "▏"

    /// The text with the cursor bar, fitted to `width` display columns: when it
    /// does not fit, the part around the cursor shows, so typing stays in view.
    public func shown(width: Int) -> String {
        let before = text.prefix(cursor)
        let after = text.dropFirst(cursor)
        let room = max(0, width - DisplayWidth.of(LineEditor.cursorBar))
        var head = Substring(before)
        while DisplayWidth.of(head) > room, !head.isEmpty { head.removeFirst() }
        var tail = ""
        var used = DisplayWidth.of(head)
        for character in after {
            let w = DisplayWidth.of(character)
            guard used + w <= room else { break }
            tail.append(character)
            used += w
        }
        return head + LineEditor.cursorBar + tail
    }
}
