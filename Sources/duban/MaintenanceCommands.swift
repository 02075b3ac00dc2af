import ArgumentParser
import PlanModel
import PlanStore

/// `duban search TEXT`: the dashboard's `/` search from the command line.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find measures whose title, text or tasks contain the text (ASCII case-insensitive), in all plans.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var filter: PlanFilter
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "The text to look for.") var text: String

    struct Row: Encodable {
        var id: String
        var title: String
        var status: Status
    }

    func validate() throws {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a text to search for") }
    }

    func run() throws {
        let workspace = try options.openStore().load()
        let plans = try filter.plans(in: workspace)
        let index = SearchIndex(plans: workspace.plans)
        let rows = index.matches(of: text).compactMap { i -> Row? in
            let entry = index.entries[i]
            let plan = workspace.plans[entry.plan]
            guard plans?.contains(plan.id) ?? true else { return nil }
            let measure = plan.pillars[entry.pillar].measures[entry.measure]
            return Row(id: measure.id, title: measure.title, status: workspace.status(of: measure))
        }
        if json { return try Output.json(rows) }
        guard !rows.isEmpty else { throw CommandFailure(description: "no measure contains \"\(text)\"", exitCode: 1) }
        Output.print(Output.table(header: ["id", "status", "title"], rows: rows.map { [$0.id, $0.status.rawValue, $0.title] },
                           numericFrom: 3))
    }
}

/// `duban compact`: fold the journal into a new snapshot now (the journal is kept whole).
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Write a new snapshot of the progress so the store opens faster (the journal is kept whole).")

    @OptionGroup var options: StoreOptions

    func run() throws {
        try options.openStore().compact()
    }
}
