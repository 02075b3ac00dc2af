/// What a key does. Key maps bind keys to actions; `apply` performs them.
public enum Action: Equatable, Sendable {
    case moveUp, moveDown, focusLeft, focusRight, open, back, top, bottom, pageUp, pageDown
    case toggleDone, cycleStatus, block, addNote, setDue, undo, redo
    case workload, cycleOrder, assignUnit, removeUnit, acceptSuggestion
    case search, nextMatch, previousMatch, clearSearch, filter, exportLedger
    case cycleTheme, reload, sync, help, quit

    /// Needs no more of the plans than their outline (`Workspace.isSlice`): moving along the plans screen,
    /// help, quitting, the theme, and reading the plans again.
    var needsOnlyOutline: Bool {
        switch self {
        case .moveUp, .moveDown, .top, .bottom, .pageUp, .pageDown, .help, .quit, .cycleTheme, .reload: true
        default: false
        }
    }

    /// Writes or reads the whole store: not while a reload or sync runs (`Job.holdsStore`).
    var needsStore: Bool {
        switch self {
        case .toggleDone, .cycleStatus, .block, .addNote, .setDue, .undo, .redo, .assignUnit, .removeUnit, .acceptSuggestion,
             .reload, .sync: true
        default: false
        }
    }
}
