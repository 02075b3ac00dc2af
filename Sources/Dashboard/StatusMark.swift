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

/// How a 序时进度 light looks (`Schedule` decides it): red "!" (overdue or
/// blocked), yellow and green "●", in the light's colour; the words beside it
/// ("逾期 11 天", "剩 5 天") carry what colour alone would.
public enum LightMark {
    public static func glyph(_ light: Light) -> String { light == .red ? "!" : light == .none ? "" : "●" }

    public static func slot(_ light: Light) -> StyleSlot {
        switch light {
        case .red: .statusOverdue
        case .yellow: .statusDueSoon
        case .green: .statusOnTrack
        case .none: .textMuted
        }
    }
}
