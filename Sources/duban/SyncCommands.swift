import ArgumentParser
import FoundationEssentials
import PlanModel
import PlanStore
import StoreSync

/// `duban sync [--remote URL]`: share the store with other officers through git.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: Output.help("Share progress with other officers through a git remote: commit, fetch, merge, push.", "通过 git 远程仓库与其他督办人员共享进度：提交、获取、合并、推送。"),
        discussion: """
            The first time, give --remote (a bare git repository, e.g. on a shared drive); it is remembered. \
            An empty store joins the remote's; an empty remote is started from this store. \
            Prints one line (events received and sent, plans changed, conflicts) and each new conflict.
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp(Output.help("The shared repository's URL or path (remembered for later syncs).", "共享仓库的 URL 或路径（会记住，供以后同步）。"), valueName: "url"))
    var remote: String?
    @Option(help: ArgumentHelp(Output.help("zh or en (default: from the settings, else LC_ALL/LANG).", "zh 或 en（默认：取设置，否则取 LC_ALL/LANG）。"))) var lang: Language?

    func run() throws {
        let summary = try Self.sync(options: options, remote: remote)
        let language = Output.language(lang)
        Output.print(summary.line(in: language))
        for note in summary.notes { Output.print(note) }
        for conflict in summary.conflicts { Output.print(language.pick("conflict: ", "冲突：") + conflict.line(in: language)) }
    }

    /// The sync the command and the dashboard run; git's and the remote's failures exit 1.
    static func sync(options: StoreOptions, remote: String?) throws -> SyncSummary {
        // A new officer joins with a store that does not exist yet.
        let store = remote != nil && !JSONPlanStore.exists(at: options.directory)
            ? try JSONPlanStore.create(at: options.directory, now: Date(), warn: Output.warn) : try options.openStore()
        do {
            return try StoreSync(store: store, officer: options.officerName).sync(remote: remote)
        } catch let error as StoreError {
            throw error
        } catch {
            throw CommandFailure(description: "sync: \(error)", exitCode: 1)
        }
    }
}

/// `duban conflicts`: the conflicts syncs brought that no later change has settled.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: Output.help("List conflicting changes from different officers not yet settled by a later change.", "列出不同人员之间尚未被后续修改解决的冲突修改。"))

    @OptionGroup var options: StoreOptions
    @Flag(help: ArgumentHelp(Output.help("Print JSON.", "输出 JSON。"))) var json = false
    @Option(help: ArgumentHelp(Output.help("zh or en (default: from the settings, else LC_ALL/LANG).", "zh 或 en（默认：取设置，否则取 LC_ALL/LANG）。"))) var lang: Language?

    struct Row: Encodable {
        var target: String
        var overridden: Event
        var standing: Event
    }

    func run() throws {
        let conflicts = try StoreSync.conflicts(in: try options.openStore())
        if json { return try Output.json(conflicts.map { Row(target: $0.target, overridden: $0.overridden, standing: $0.standing) }) }
        let language = Output.language(lang)
        guard !conflicts.isEmpty else { return Output.print(language.pick("no conflicts", "没有冲突")) }
        for conflict in conflicts { Output.print(conflict.line(in: language)) }
    }
}
