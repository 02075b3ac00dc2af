import PlanModel
import TerminalKit

/// Everything the dashboard shows, as one value. Changed only by `apply`, which
/// is pure: the clock ("today") and the terminal size come in as values, and
/// everything that touches the world goes out as `Effect`s.
public struct AppState: Equatable, Sendable {
    public private(set) var workspace: Workspace
    /// Built in the background when the first search starts, not at start: at 100,000 measures it reads
    /// every measure's text (a second). Nil until it arrives, and again after the plans are read again.
    public internal(set) var searchIndex: SearchIndex?
    /// Counts the times the plans were read again (reload, sync): a search index built from older plans is dropped.
    public private(set) var generation = 0
    /// Every unit's measures, for the unit home and a unit's list: built when one is first opened,
    /// not at start (about 0.1 s at 100,000 measures); nil again after a measure's units change.
    public private(set) var unitIndex: UnitIndex?
    public var today: Day {
        didSet {
            guard today != oldValue else { return }
            summarizeAll()
            refreshWorkload()  // the lights of a unit's list
        }
    }
    public var language: Language
    /// Seconds east of UTC of the officer's zone, for showing event times.
    public var utcOffset = 0
    /// Who is recording, and their unit if set: shown in the title bar.
    public var officer = ""
    public var unit: String?
    /// The store may not be written here (a read-only mount, someone else's files): said in the title bar.
    public var readOnly = false
    public internal(set) var size: Size

    public internal(set) var screen: Screen = .plans
    public internal(set) var focus: Focus = .measures
    /// The plans list (its row is also the open plan), the open plan's pillars,
    /// and the selected pillar's measures that pass the filter.
    public internal(set) var planCursor = ListCursor()
    public internal(set) var pillarCursor = ListCursor()
    public internal(set) var measureCursor = ListCursor()
    /// The measure screen: the `ChecklistRow` under the cursor (its position in
    /// `checklist`; the whole checklist is in the document, which scrolls by
    /// `measureScroll`, its first line shown).
    public internal(set) var checklistCursor = ListCursor()
    public internal(set) var measureScroll = 0

    public internal(set) var showsHelp = false
    /// The first row of the help overlay shown (it scrolls when the keys do not fit).
    public internal(set) var helpOffset = 0
    public internal(set) var prompt: Prompt?
    public internal(set) var search = SearchState()
    public internal(set) var filter = MeasureFilter()
    /// The order of the plan screen's measure list (`o`).
    public internal(set) var planOrder: MeasureOrder = .document
    public internal(set) var message: Message?
    /// Set after Space/`s` was refused on a measure with open tasks: the same key
    /// pressed next marks it done with force.
    public internal(set) var pendingForce: PendingForce?
    /// The store events about the open measure, oldest first, from the executable.
    public internal(set) var history: [Event] = []
    /// The steps `u` undid this session, oldest first, each as it was recorded: what `U` can redo.
    public internal(set) var redoable: [[Event]] = []
    /// The step `U` asked to record again, until the store answers.
    public internal(set) var redoing: [Event]?
    /// The unit alias tables (built-in plus the store's), for the workload and `a`.
    public private(set) var directory: UnitDirectory
    public internal(set) var workload: WorkloadState?
    public internal(set) var picker: UnitPicker?
    public internal(set) var suggestions: MeasureSuggestions?
    /// The background work running now, named in the title bar.
    public internal(set) var jobs: Set<Job> = []
    /// Keys pressed while only the plans' outline is read (`Job.load`) that need the whole plans,
    /// and every key after them: handled in order once the plans come.
    public internal(set) var waitingKeys: [Key] = []
    /// The screen the measure screen goes back to (the plan or a unit's measures).
    public internal(set) var measureOrigin: Screen = .plan
    /// The measures left by opening a related measure, latest last: Esc goes back to them first.
    public internal(set) var measureTrail: [MeasureVisit] = []
    public internal(set) var themeNames: [String]
    public internal(set) var themeName: String
    /// One per plan, for the plans screen.
    public private(set) var planSummaries: [PlanSummary] = []

    public init(workspace: Workspace, today: Day, language: Language, size: Size,
                themeNames: [String] = ["default"], themeName: String = "default", directory: UnitDirectory = UnitDirectory()) {
        self.workspace = workspace
        self.directory = directory
        self.today = today
        self.language = language
        self.size = size
        self.themeNames = themeNames
        self.themeName = themeName
        summarizeAll()
        normalize()
    }

    private mutating func summarizeAll() {
        let workspace = workspace, today = today
        planSummaries = workspace.plans.concurrentMap { PlanSummary($0, in: workspace, today: today) }
    }

    public var layout: Layout { Layout(size: size) }

    // MARK: What is selected

    public var currentPlan: Plan? { workspace.plans.indices.contains(planCursor.row) ? workspace.plans[planCursor.row] : nil }

    public var currentPillar: Pillar? {
        guard let plan = currentPlan, plan.pillars.indices.contains(pillarCursor.row) else { return nil }
        return plan.pillars[pillarCursor.row]
    }

    /// Indexes of the current pillar's measures that pass the filter.
    public var listedMeasures: [Int] { listedMeasures(of: pillarCursor.row) }

    public func listedMeasures(of pillar: Int) -> [Int] {
        guard let plan = currentPlan, plan.pillars.indices.contains(pillar) else { return [] }
        let measures = plan.pillars[pillar].measures
        let ordered = planOrder.sorted(measures, in: workspace, today: today, utcOffset: utcOffset)
        if filter.isEmpty { return ordered }
        return ordered.filter { filter.admits(measures[$0], in: workspace, today: today) }
    }

    /// The measure under the cursor on the plan screen, or the open one.
    public var selectedMeasure: Measure? {
        guard let pillar = currentPillar else { return nil }
        let listed = listedMeasures
        guard listed.indices.contains(measureCursor.row) else { return nil }
        return pillar.measures[listed[measureCursor.row]]
    }

    /// The id a change key acts on: the selected measure on the plan screen, the
    /// selected checklist row (measure or task) on the measure screen.
    public var changeTarget: String? {
        switch screen {
        case .plans, .workload: return nil
        case .plan: return focus == .measures ? selectedMeasure?.id : nil
        case .unitMeasures: return drilledMeasure?.id
        case .measure:
            guard let measure = selectedMeasure else { return nil }
            switch checklistRow {
            case .measure: return measure.id
            case let .task(i): return measure.tasks.indices.contains(i) ? measure.tasks[i].id : nil
            case .suggestion, .related, .note, nil: return nil
            }
        }
    }

    /// The measure `a`, `A` and `y` act on.
    public var unitTarget: Measure? {
        switch screen {
        case .plans, .workload: return nil
        case .plan: return focus == .measures ? selectedMeasure : nil
        case .measure: return selectedMeasure
        case .unitMeasures: return drilledMeasure
        }
    }

    /// The measure under the cursor of a unit's measure list.
    public var drilledMeasure: Measure? {
        guard let workload, workload.unit != nil, workload.measures.indices.contains(workload.measureCursor.row) else { return nil }
        return workspace.measure(workload.measures[workload.measureCursor.row])
    }

    /// The suggestions and related measures found for the measure on screen, if they are for it.
    var currentSuggestions: MeasureSuggestions? {
        guard screen == .measure, let measure = selectedMeasure, let suggestions, suggestions.measure == measure.id else { return nil }
        return suggestions
    }

    /// The measure screen's cursor rows for the measure on screen.
    public var checklist: Checklist {
        Checklist(tasks: selectedMeasure?.tasks.count ?? 0, suggestions: shownSuggestions.count,
                  related: currentSuggestions?.related.count ?? 0,
                  notes: screen == .measure ? selectedMeasure.map { workspace.notes(of: $0).count } ?? 0 : 0)
    }

    /// The row under the measure screen's cursor.
    public var checklistRow: ChecklistRow? { checklist.row(at: checklistCursor.row) }

    /// The related measure under the measure screen's cursor.
    public var selectedRelated: RelatedMeasure? {
        guard case let .related(i) = checklistRow, let related = currentSuggestions?.related, related.indices.contains(i) else { return nil }
        return related[i]
    }

    /// The unit suggestions the measure screen offers: only for a measure whose
    /// document names no units or that has none left.
    public var shownSuggestions: [UnitSuggestion] {
        guard let suggestions = currentSuggestions, let measure = selectedMeasure,
              measure.units.isEmpty || workspace.units(of: measure).isEmpty else { return [] }
        return suggestions.units
    }

    /// The plans read again (`r`, a sync): both indexes are dropped, not compared. Comparing the
    /// plans would read every text of both workspaces from their files, seconds at 100,000 measures.
    mutating func replaceWorkspace(_ new: Workspace) {
        searchIndex = nil
        generation += 1
        workspace = new
        unitIndex = nil
        summarizeAll()
    }

    /// The unit index, built now if no unit's list has needed it since the plans or units changed.
    mutating func preparedUnitIndex() -> UnitIndex {
        if let unitIndex { return unitIndex }
        let built = UnitIndex(workspace: workspace, directory: directory)
        unitIndex = built
        return built
    }

    mutating func record(_ event: Event) {
        let measure = workspace.measure(event.target)
        let unitsBefore = measure.map(workspace.units(of:))
        workspace.apply(event)
        if let measure, workspace.units(of: measure) != unitsBefore { unitIndex = nil }
        if let plan = workspace.location(of: event.target)?.plan {
            planSummaries[plan] = PlanSummary(workspace.plans[plan], in: workspace, today: today)
        }
    }
}
