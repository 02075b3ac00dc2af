import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import PlanModel

/// Which measures the plan screen lists: by status, overdue, and unit name.
public struct MeasureFilter: Equatable, Sendable {
    public var statuses: Set<Status> = []
    public var overdueOnly = false
    /// Part of a unit's name, e.g. `发改委`.
    public var unit: String?

    public init(statuses: Set<Status> = [], overdueOnly: Bool = false, unit: String? = nil) {
        self.statuses = statuses
        self.overdueOnly = overdueOnly
        self.unit = unit
    }

    public var isEmpty: Bool { statuses.isEmpty && !overdueOnly && unit == nil }

    /// Parses the filter prompt: status words and `overdue` in either language;
    /// any other word is a unit name (the words joined).
    public init(parsing text: String) {
        var unitWords: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "，" || $0 == "　" }) {
            let w = String(word).lowercased()
            if let status = Status.allCases.first(where: { w == $0.rawValue || w == Label.of($0).text(.zh) }) {
                statuses.insert(status)
            } else if w == "overdue" || w == Label.overdue.text(.zh) {
                overdueOnly = true
            } else {
                unitWords.append(String(word))
            }
        }
        unit = unitWords.isEmpty ? nil : unitWords.joined(separator: " ")
    }

    public func admits(_ measure: Measure, in workspace: Workspace, today: Day) -> Bool {
        admits(status: workspace.status(of: measure), isOverdue: workspace.isOverdue(measure, today: today),
               units: workspace.units(of: measure))
    }

    /// The same, of values found beforehand (`UnitMember`); `isOverdue` and `units` are asked only if needed.
    func admits(status: Status, isOverdue: @autoclosure () -> Bool, units: @autoclosure () -> [UnitRef]) -> Bool {
        if !statuses.isEmpty, !statuses.contains(status) { return false }
        if overdueOnly, !isOverdue() { return false }
        if let unit, !units().contains(where: { MeasureFilter.contains($0.name, unit) }) { return false }
        return true
    }

    /// Whether `text` holds `part`, byte for byte: Foundation's `contains` costs microseconds a
    /// call, and a filter asks it of every unit of every measure listed.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard let h = haystack.baseAddress, let n = needle.baseAddress else { return needle.isEmpty }
                guard needle.count <= haystack.count else { return false }
                for start in 0...(haystack.count - needle.count) where h[start] == n[0] && memcmp(h + start, n, needle.count) == 0 {
                    return true
                }
                return false
            }
        }
    }

    /// How the filter reads in the status line.
    public func summary(_ language: Language) -> String {
        var words = Status.allCases.filter(statuses.contains).map { Label.of($0).text(language) }
        if overdueOnly { words.append(Label.overdue.text(language)) }
        if let unit { words.append(unit) }
        return words.joined(separator: " ")
    }
}
