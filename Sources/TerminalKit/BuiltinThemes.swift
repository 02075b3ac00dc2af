import FoundationEssentials

/// The themes compiled into the binary, so the app runs without a Themes folder.
/// Kept identical to `Themes/default.json` and `Themes/monochrome.json` (a test checks).
enum BuiltinThemes {
    static let names = ["default", "monochrome"]

    static func file(named name: String) -> ThemeFile? {
        let text: String
        switch name {
        case "default": text = defaultJSON
        case "monochrome": text = monochromeJSON
        default: return nil
        }
        return try? ThemeFile(data: Data(text.utf8), file: "(built-in \(name))")
    }

    static func theme(named name: String) -> Theme? {
        try? file(named: name)?.resolve(name: name)
    }

    static let defaultJSON = #"""
{
  "name": "default",
  "description": "Dark background, the default.",
  "palette": {
    "fg": "#d0d0d0",
    "muted": "#8a8a8a",
    "accent": "#5fafd7",
    "line": "#4e4e4e",
    "panel": "#262626",
    "selected": "#3a4a6a",
    "green": "#5faf5f",
    "yellow": "#d7af00",
    "red": "#ff5f5f",
    "blue": "#5f87d7"
  },
  "slots": {
    "text": { "fg": "fg", "bg": "default" },
    "text.muted": { "fg": "muted" },
    "title": { "fg": "accent", "bold": true },
    "header": { "fg": "muted", "bold": true },
    "border": { "fg": "line" },
    "selection": { "bg": "selected", "bold": true },
    "selection.inactive": { "bg": "panel", "bold": false },
    "status.todo": { "fg": "muted" },
    "status.doing": { "fg": "blue" },
    "status.done": { "fg": "green" },
    "status.blocked": { "fg": "red", "bold": true },
    "status.overdue": { "fg": "red", "bold": true },
    "status.dueSoon": { "fg": "yellow" },
    "status.onTrack": { "fg": "green" },
    "gauge.filled": { "fg": "green" },
    "gauge.empty": { "fg": "line" },
    "keyhint": { "fg": "muted" },
    "keyhint.key": { "fg": "accent", "bold": true },
    "statusline": { "bg": "panel" },
    "prompt": { "fg": "#ffffff", "bg": "#3a3a3a" },
    "search": { "fg": "yellow" },
    "search.match": { "fg": "#000000", "bg": "yellow" },
    "message.info": { "fg": "green", "bg": "panel" },
    "message.error": { "fg": "red", "bg": "panel", "bold": true },
    "overlay": { "bg": "#1c1c1c" },
    "overlay.border": { "fg": "accent" }
  }
}
"""#

    static let monochromeJSON = #"""
{
  "name": "monochrome",
  "description": "No colours at all, only bold, underline, dim and reverse: used when NO_COLOR is set.",
  "slots": {
    "text.muted": { "dim": true },
    "title": { "bold": true },
    "header": { "bold": true, "underline": true },
    "selection": { "reverse": true },
    "selection.inactive": { "underline": true },
    "status.blocked": { "bold": true },
    "status.overdue": { "bold": true, "underline": true },
    "status.dueSoon": { "bold": true },
    "gauge.empty": { "dim": true },
    "keyhint": { "dim": true },
    "keyhint.key": { "bold": true, "dim": false },
    "statusline": { "reverse": true },
    "prompt": { "underline": true },
    "search.match": { "reverse": true, "underline": true },
    "message.error": { "bold": true, "reverse": true }
  }
}
"""#
}
