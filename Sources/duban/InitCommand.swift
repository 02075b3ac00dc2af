import ArgumentParser
import FoundationEssentials
import PlanStore

/// `duban init [--samples]`: a new store, empty or with the bundled sample plans.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: Output.help("Create an empty store (with --samples: holding the bundled sample plans); an existing store is left as it is (exit 1).",
                              "新建空存储（加 --samples：含自带示例方案）；已有存储则不作改动（退出码 1）。"))

    @OptionGroup var options: StoreOptions
    @Flag(help: ArgumentHelp(Output.help("Import the bundled sample plans into the new store.", "把自带示例方案导入新存储。"))) var samples = false
    @Flag(help: ArgumentHelp(Output.help("Create the store even in a directory that holds other files.", "即使目录中已有其他文件也新建存储。"))) var force = false

    func run() throws {
        let directory = options.directory
        let language = Output.language(nil)
        // Never adopted or changed: an officer's progress is in there.
        if JSONPlanStore.exists(at: directory) {
            throw CommandFailure(description: language.pick(
                "a store already exists at \(directory.path); left as it is (duban plans lists its plans)",
                "\(directory.path) 已有存储，未作改动（duban plans 列出其中的方案）"), exitCode: 1)
        }
        do {
            if samples {
                let count = try SamplePlans.bootstrap(directory, intoNonEmpty: force)
                Output.print(language.pick(
                    "new store at \(directory.path) with \(count) sample plans (duban remove PLAN removes one)",
                    "已新建存储 \(directory.path)，含示例方案 \(count) 个（删除：duban remove 方案编号）"))
            } else {
                _ = try JSONPlanStore.create(at: directory, now: Date(), intoNonEmpty: force, warn: Output.warn)
                Output.print(language.pick(
                    "new empty store at \(directory.path) (duban import FILE adds a plan)",
                    "已新建空存储 \(directory.path)（导入方案：duban import 文件）"))
            }
        } catch StoreError.notEmpty(let path) {
            throw CommandFailure(description: language.pick(
                "\(path) is not empty and holds no store (store.json); give --force to make a store there anyway",
                "\(path) 不是空目录，也没有存储（store.json）；确需在此新建请加 --force"), exitCode: 1)
        }
    }
}
