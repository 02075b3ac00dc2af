/// A named semantic style. Widgets draw with slots, never with colours; the active
/// theme resolves each slot, falling back along its dotted name
/// (`status.overdue` → `status` → `text`).
public enum StyleSlot: String, CaseIterable, Sendable, Hashable {
    case text
    case textMuted = "text.muted"
    case title
    case header
    case border
    case selection
    case selectionInactive = "selection.inactive"
    case status
    case statusTodo = "status.todo"
    case statusDoing = "status.doing"
    case statusDone = "status.done"
    case statusBlocked = "status.blocked"
    case statusOverdue = "status.overdue"
    case statusDueSoon = "status.dueSoon"
    case statusOnTrack = "status.onTrack"
    case gauge
    case gaugeFilled = "gauge.filled"
    case gaugeEmpty = "gauge.empty"
    case keyhint
    case keyhintKey = "keyhint.key"
    case statusline
    case prompt
    case search
    case searchMatch = "search.match"
    case message
    case messageInfo = "message.info"
    case messageError = "message.error"
    case overlay
    case overlayBorder = "overlay.border"

    /// The slot this one falls back to: drop the last dotted component; every
    /// top-level slot falls back to `text`, which falls back to nothing.
    public var parent: StyleSlot? {
        if self == .text { return nil }
        guard let dot = rawValue.lastIndex(of: ".") else { return .text }
        return StyleSlot(rawValue: String(rawValue[..<dot])) ?? .text
    }

    /// What the slot is for, for `Themes/README.md` and the lint test.
    public var purpose: String {
        switch self {
        case .text: "ordinary text; the root every slot falls back to"
        case .textMuted: "secondary text: ids, counts, units, hints"
        case .title: "the title bar at the top"
        case .header: "column headers of lists"
        case .border: "pane separators and box lines"
        case .selection: "the selected row in the focused list"
        case .selectionInactive: "the selected row in a list without focus"
        case .status: "status marks in general"
        case .statusTodo: "status mark: todo ○"
        case .statusDoing: "status mark: doing ◐"
        case .statusDone: "status mark: done ✓; due date of a finished measure"
        case .statusBlocked: "status mark: blocked ✗"
        case .statusOverdue: "traffic light red: due date passed, not done"
        case .statusDueSoon: "traffic light yellow: due within 14 days"
        case .statusOnTrack: "traffic light green: due later"
        case .gauge: "progress bars in general"
        case .gaugeFilled: "the done part of a progress bar"
        case .gaugeEmpty: "the remaining part of a progress bar"
        case .keyhint: "the key-hint footer"
        case .keyhintKey: "key names in the footer and the help overlay"
        case .statusline: "the status line above the footer"
        case .prompt: "a text prompt being edited (note, due date, search, filter)"
        case .search: "search information in the status line"
        case .searchMatch: "text that matches the search"
        case .message: "messages in the status line"
        case .messageInfo: "confirmations (recorded, undone, reloaded)"
        case .messageError: "errors (broken theme file, store failure)"
        case .overlay: "the help overlay's text"
        case .overlayBorder: "the help overlay's box"
        }
    }
}
