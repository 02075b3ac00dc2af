/// The 督办 traffic light of a measure (see `Schedule`): red = overdue or
/// blocked, yellow = behind its 序时进度 or due soon, green = on track or done,
/// none = no end date to measure against.
public enum Light: String, Codable, CaseIterable, Sendable {
    case red, yellow, green, none

    /// 红 / red, as the ledger's 灯 column writes it.
    public func word(in language: Language) -> String {
        switch self {
        case .red: language.pick("red", "红")
        case .yellow: language.pick("yellow", "黄")
        case .green: language.pick("green", "绿")
        case .none: language.pick("none", "无")
        }
    }
}

extension Status {
    /// 待办 / todo: how the ledger and the dashboard name a status.
    public func word(in language: Language) -> String {
        switch self {
        case .todo: language.pick("todo", "待办")
        case .doing: language.pick("doing", "进行中")
        case .done: language.pick("done", "已完成")
        case .blocked: language.pick("blocked", "受阻")
        }
    }
}

extension Role {
    /// The role as officers say it: 牵头, 配合, 责任.
    public func word(in language: Language) -> String {
        switch self {
        case .lead: language.pick("lead", "牵头")
        case .support: language.pick("support", "配合")
        case .responsible: language.pick("responsible", "责任")
        }
    }
}
