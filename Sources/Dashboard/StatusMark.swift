import PlanModel
import TerminalKit

/// How a status looks: always a glyph (and a word where there is room), never
/// colour alone.
public enum StatusMark {
    public static func glyph(_ status: Status) -> String {
        switch status {
        case .todo: "○"
        case .doing: "◐"
        case .done: "✓"
        case .blocked: "✗"
        }
    }

    public static func slot(_ status: Status) -> StyleSlot {
        switch status {
        case .todo: .statusTodo
        case .doing: .statusDoing
        case .done: .statusDone
        case .blocked: .statusBlocked
        }
    }
}

/// The traffic light of a due date: red overdue, yellow due within 14 days,
/// green later or done. Overdue also shows "!" so it reads without colour.
public enum DueLight: Equatable, Sendable {
    case overdue, dueSoon, onTrack, done

    public static let soonDays = 14

    public init?(_ measure: Measure, in workspace: Workspace, today: Day) {
        guard let due = workspace.dueDate(of: measure) else { return nil }
        if workspace.status(of: measure) == .done { self = .done }
        else if due < today { self = .overdue }
        else if today.days(until: due) <= DueLight.soonDays { self = .dueSoon }
        else { self = .onTrack }
    }

    public var glyph: String { self == .overdue ? "!" : "●" }

    public var slot: StyleSlot {
        switch self {
        case .overdue: .statusOverdue
        case .dueSoon: .statusDueSoon
        case .onTrack: .statusOnTrack
        case .done: .statusDone
        }
    }

    public var label: Label {
        switch self {
        case .overdue: .overdue
        case .dueSoon: .dueSoon
        case .onTrack: .onTrack
        case .done: .done
        }
    }
}
