import PlanModel

/// What the `e` key puts in a ledger: what the screen shows.
public struct LedgerScope: Equatable, Sendable {
    /// Nil: every plan.
    public var plans: Set<String>?
    /// The unit whose measures these are (the unit screen).
    public var unit: String?
    /// Only these measures (a filtered plan, a unit's list); nil: all of the plans'.
    public var measures: Set<String>?

    public init(plans: Set<String>? = nil, unit: String? = nil, measures: Set<String>? = nil) {
        self.plans = plans
        self.unit = unit
        self.measures = measures
    }
}

/// `e`: the ledger of what is on screen as an Excel workbook, saved where the prompt says.
extension AppState {
    /// The scope of the screen showing, nil where there is no ledger to make.
    var ledgerScope: LedgerScope? {
        switch screen {
        case .plan:
            guard let plan = currentPlan else { return nil }
            let measures = filter.isEmpty ? nil
                : Set(plan.measures.filter { filter.admits($0, in: workspace, today: today) }.map(\.id))
            return LedgerScope(plans: [plan.id], measures: measures)
        case .workload:
            return workload.map { LedgerScope(plans: $0.plan.map { [$0] }) }
        case .unitMeasures:
            guard let workload, let unit = workload.unit else { return nil }
            return LedgerScope(plans: workload.plan.map { [$0] }, unit: unit.unit.name, measures: Set(workload.measures))
        case .plans, .measure:
            return nil
        }
    }

    /// `台账-jinshan-2026-2026-12-02.xlsx`: the plan or the unit, and the day.
    func ledgerFileName(_ scope: LedgerScope) -> String {
        let subject = scope.unit ?? scope.plans.flatMap { $0.count == 1 ? $0.first : nil }
        let parts = [language.pick("ledger", "台账"), subject.map(Self.fileNamePart), today.description].compactMap { $0 }
        return parts.joined(separator: "-") + ".xlsx"
    }

    /// A unit or plan name safe in a file name: no path separators, no control characters.
    private static func fileNamePart(_ name: String) -> String {
        String(name.unicodeScalars.map { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F ? "_" : Character($0) })
    }

    mutating func startExport() {
        guard let scope = ledgerScope else { return }
        prompt = Prompt(kind: .export(scope), text: ledgerFileName(scope))
    }
}
