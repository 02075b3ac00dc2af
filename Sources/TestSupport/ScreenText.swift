import TerminalKit

/// Reading a rendered screen the way a person checks it: by display column.
public enum ScreenText {
    /// The display column where `text` starts in `line`, or nil.
    public static func column(of text: String, in line: String) -> Int? {
        guard let range = line.range(of: text) else { return nil }
        return DisplayWidth.of(line[..<range.lowerBound])
    }

    /// The display column just after the last non-space character of `line`.
    public static func rightEdge(of line: String) -> Int {
        DisplayWidth.of(line.trimmingTrailingSpaces())
    }

    /// Keys for typing `text` into a prompt.
    public static func keys(typing text: String) -> [Key] { text.map { .character($0) } }
}

