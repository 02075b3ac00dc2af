/// Two officers' changes to the same field of one measure or task, each decided
/// on the same state without seeing the other (they meet when stores are synced):
/// A marks done while B marks blocked. Both stay in the journal; the later in
/// fold order stands. It is settled once anyone records a new change to that field.
public struct Conflict: Equatable, Sendable {
    public var target: String
    /// The change that no longer shows.
    public var overridden: Event
    /// The change that stands (the later one).
    public var standing: Event
    /// Whether a later change to the same field settled it.
    public var isSettled: Bool

    /// The conflicts among `events`, which must be in fold order (`inFoldOrder()`).
    public static func find(in events: [Event]) -> [Conflict] {
        var latest: [String: Event] = [:]
        var found: [(key: String, conflict: Conflict)] = []
        for event in events {
            guard let setting = event.change.setting else { continue }
            let key = event.target + "\u{0}" + setting.field
            if let prior = latest[key], prior.officer != event.officer, let before = prior.change.setting,
               setting.previous == before.previous, setting.value != before.value {
                found.append((key, Conflict(target: event.target, overridden: prior, standing: event, isSettled: false)))
            }
            latest[key] = event
        }
        return found.map { key, conflict in
            var conflict = conflict
            conflict.isSettled = latest[key]?.id != conflict.standing.id
            return conflict
        }
    }
}

extension Change {
    /// The field a change sets, the value it sets and the one it replaced, as
    /// comparable text; nil for a note (notes add up, they never conflict).
    var setting: (field: String, value: String?, previous: String?)? {
        switch self {
        case let .status(status, previous, _): ("status", status?.rawValue, previous?.rawValue)
        case let .due(day, previous): ("due", day?.description, previous?.description)
        case let .assign(unit, role, previous): ("unit " + unit, role.rawValue, previous?.rawValue)
        case let .unassign(unit, previous): ("unit " + unit, nil, previous.rawValue)
        case .note: nil
        case let .editNote(note, text, previous): ("note " + note, text, previous)
        case let .undo(_, inverse): inverse?.setting
        }
    }
}

extension Conflict {
    /// One line for the officer: `jinshan-2026:1.2 status: 张三 done, 李四 blocked; 李四's stands`.
    public func line(in language: Language) -> String {
        let (field, first) = overridden.change.shown(in: language)
        let (_, second) = standing.change.shown(in: language)
        let sides = "\(overridden.officer) \(first)\(language.pick(", ", "，"))\(standing.officer) \(second)"
        return language.pick("\(target) \(field): \(sides); \(standing.officer)'s stands",
                             "\(target) \(field)：\(sides)；以 \(standing.officer) 的为准")
    }
}

extension Change {
    /// The field and the value it sets, in words.
    func shown(in language: Language) -> (field: String, value: String) {
        let none = language.pick("none", "无")
        switch self {
        case let .status(status, _, _):
            return (language.pick("status", "状态"), status?.word(in: language) ?? language.pick("not marked", "未标记"))
        case let .due(day, _):
            return (language.pick("due", "截止日期"), day?.description ?? none)
        case let .assign(unit, role, _):
            return (language.pick("unit ", "单位 ") + unit, role.rawValue)
        case let .unassign(unit, _):
            return (language.pick("unit ", "单位 ") + unit, language.pick("removed", "移除"))
        case let .note(text), let .editNote(_, text, _):
            return (language.pick("note", "备注"), text)
        case let .undo(_, inverse):
            let shown: (field: String, value: String) = inverse?.shown(in: language)
                ?? (language.pick("note", "备注"), language.pick("withdrawn", "撤回"))
            return (shown.field, shown.value + language.pick(" (undo)", "（撤销）"))
        }
    }
}
