import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import PlanModel
import PlanStore
import TerminalKit

/// `duban remove PLAN`: takes a plan out of the store; what was recorded on it stays in the journal.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: Output.help("Remove a plan from the store (its recorded progress stays in the journal); asks first on a terminal, else needs --yes.",
                              "从存储中删除方案（已记录的进展仍留在日志中）；在终端上先询问，否则须加 --yes。"))

    @OptionGroup var options: StoreOptions
    @Flag(name: [.customShort("y"), .long], help: ArgumentHelp(Output.help("Remove without asking (required when standard input is not a terminal).", "不经询问直接删除（标准输入不是终端时必须加）。")))
    var yes = false
    @Argument(help: ArgumentHelp(Output.help("The plan's id, e.g. jinshan-2026 (duban plans lists them).", "方案编号，如 jinshan-2026（duban plans 列出全部）。"), valueName: "plan")) var plan: String

    func run() throws {
        let store = try options.openStore()
        let ids = try store.planIds()
        guard ids.contains(plan) else {
            throw CommandFailure(StoreError.unknownPlan(plan, closest: IdSuggestions.closest(to: plan, among: ids)))
        }
        let language = Output.language(nil)
        let id = TerminalText.sanitized(plan)
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure.badInput(language.pick(
                    "remove asks for confirmation on a terminal; give --yes to remove \(id) without asking",
                    "remove 需在终端上确认；不经确认删除 \(id) 请加 --yes"))
            }
            guard try confirm(id: id, store: store, language: language) else {
                throw CommandFailure(description: language.pick("nothing removed", "未删除"), exitCode: 1)
            }
        }
        try store.removePlan(plan)
        Output.print(language.pick(
            "removed \(id); what was recorded on it stays in the journal (duban plans lists those ids as orphaned)",
            "已删除方案 \(id)；其进展记录仍在日志中（duban plans 列为已不在方案中的编号）"))
    }

    /// Asks on the terminal (stderr, so stdout stays the command's output); yes is `y`, `yes` or `是`.
    private func confirm(id: String, store: JSONPlanStore, language: Language) throws -> Bool {
        let workspace = try StoreOptions.load(store)
        let title = workspace.plan(plan).map { TerminalText.sanitized($0.title) } ?? ""
        let measures = workspace.plan(plan)?.measures.count ?? 0
        Output.standardError(language.pick(
            "Remove plan \(id) (\(title), \(measures) measures) from \(TerminalText.sanitized(options.directory.path))? "
                + "Its recorded progress stays in the journal. [y/N] ",
            "从 \(TerminalText.sanitized(options.directory.path)) 删除方案 \(id)（\(title)，\(measures) 项措施）？"
                + "其进展记录仍保留在日志中。[y/N] "))
        let answer = (readLine() ?? "").trimmingWhitespace().lowercased()
        return ["y", "yes", "是"].contains(answer)
    }
}
