import TerminalKit

/// One key binding: the keys, what the help and footer call it, what it does.
public struct Binding: Sendable {
    public var keys: [Key]
    public var label: Label
    public var action: Action
    /// Shown in the one-line footer (the help overlay shows every binding).
    public var inFooter: Bool

    public init(_ keys: [Key], _ label: Label, _ action: Action, footer: Bool = false) {
        self.keys = keys
        self.label = label
        self.action = action
        self.inFooter = footer
    }

    /// The keys as written in the footer and the help: `Enter/→/l`.
    public var keyNames: String { keys.map(\.name).joined(separator: "/") }
}

/// The key maps as data: one table per screen. The same tables drive dispatch,
/// the footer and the `?` overlay, so they cannot disagree.
public enum KeyMap {
    static func c(_ character: Character) -> Key { .character(character) }

    static let movement: [Binding] = [
        Binding([.up, c("k")], .moveUp, .moveUp),
        Binding([.down, c("j")], .moveDown, .moveDown),
        Binding([c("g"), .home], .top, .top),
        Binding([c("G"), .end], .bottom, .bottom),
        Binding([.pageUp], .pageUp, .pageUp),
        Binding([.pageDown], .pageDown, .pageDown),
    ]

    /// While a search has matches, `n`/`N` step through them and Esc ends the search.
    static let searching: [Binding] = [
        Binding([c("n")], .nextMatch, .nextMatch, footer: true),
        Binding([c("N")], .previousMatch, .previousMatch, footer: true),
        Binding([.escape], .clearSearch, .clearSearch, footer: true),
    ]

    static let changes: [Binding] = [
        Binding([c(" ")], .toggleDone, .toggleDone, footer: true),
        Binding([c("s")], .cycleStatus, .cycleStatus, footer: true),
        Binding([c("b")], .block, .block),
        Binding([c("n")], .addNote, .addNote, footer: true),
        Binding([c("d")], .setDue, .setDue),
    ]

    static let units: [Binding] = [
        Binding([c("a")], .assignUnit, .assignUnit),
        Binding([c("A")], .removeUnit, .removeUnit),
    ]

    static let workload = Binding([c("w")], .openWorkload, .workload, footer: true)

    static let export = Binding([c("e")], .exportLedger, .exportLedger)

    /// `o`: the next order of a measure list.
    static let sort = Binding([c("o")], .cycleOrder, .cycleOrder)

    static let common: [Binding] = [
        Binding([c("u")], .undo, .undo),
        Binding([c("U"), .control("r")], .redo, .redo),
        Binding([c("/")], .search, .search, footer: true),
        Binding([c("t")], .cycleTheme, .cycleTheme),
        Binding([c("r")], .reload, .reload),
        Binding([c("S")], .sync, .sync, footer: true),
        Binding([c("?")], .help, .help, footer: true),
        Binding([c("q")], .quit, .quit, footer: true),
    ]

    public static func bindings(for screen: Screen, searching isSearching: Bool) -> [Binding] {
        let search = isSearching ? searching : []
        switch screen {
        case .plans:
            return search + [Binding([.enter, .right, c("l")], .open, .open, footer: true)] + movement
                + [Binding([c("f")], .filter, .filter), workload] + common
        case .plan:
            return search + [
                Binding([.enter], .open, .open, footer: true),
                Binding([.escape, .backspace], .back, .back, footer: true),
                Binding([.left, c("h")], .focusLeft, .focusLeft),
                Binding([.right, c("l")], .focusRight, .focusRight),
            ] + movement + changes + units + [Binding([c("f")], .filter, .filter, footer: true), sort, workload, export] + common
        case .measure:
            return search + [
                Binding([.escape, .backspace, .left, c("h")], .back, .back, footer: true),
                Binding([.enter], .openRelated, .open),
            ] + movement + changes + units + [Binding([c("y")], .acceptSuggestion, .acceptSuggestion)] + common
        case .workload:
            return search + [
                Binding([.enter, .right, c("l")], .open, .open, footer: true),
                Binding([.escape, .backspace, .left, c("h")], .back, .back, footer: true),
                Binding([c("o")], .cycleOrder, .cycleOrder, footer: true),
            ] + movement + [export] + common
        case .unitMeasures:
            return search + [
                Binding([.enter, .right, c("l")], .open, .open, footer: true),
                Binding([.escape, .backspace, .left, c("h")], .back, .back, footer: true),
            ] + movement + changes + units + [Binding([c("f")], .filter, .filter, footer: true), sort, export] + common
        }
    }

    /// The keys of the unit picker overlay, for its footer (it reads typing itself).
    static func picker(_ kind: UnitPicker.Kind) -> [(key: Key, label: Label)] {
        (kind == .assign ? [(Key.tab, Label.toggleRole)] : []) + [(.enter, .confirm), (.escape, .cancel)]
    }

    /// The action bound to `key`, the first binding winning.
    public static func action(for key: Key, screen: Screen, searching: Bool) -> Action? {
        bindings(for: screen, searching: searching).first { $0.keys.contains(key) }?.action
    }
}
