import Foundation
import PlanStore
import Testing

/// `duban init [--samples]` and `duban remove PLAN`, end to end on temporary stores.
@Suite("Init and remove")
struct InitRemoveTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("duban-init-\(UUID().uuidString)")
    var store: String { scratch.appendingPathComponent("store").path }
    static let zh = ["LANG": "zh_CN.UTF-8", "LC_ALL": ""]
    static let en = ["LANG": "C.UTF-8", "LC_ALL": ""]

    /// Standard input from /dev/null: not a terminal, whatever the test runner's is.
    static let noTerminal = ["/bin/sh", "-c", "exec \"$0\" \"$@\" < /dev/null"]

    /// Runs duban on a terminal (`script` gives it a pseudo-terminal) and types `answer` and Enter.
    static func onTerminal(answering answer: String) -> [String] {
        ["/bin/sh", "-c", "printf '\(answer)\\n' | script -qec \"$0 $*\" /dev/null"]
    }

    func duban(_ arguments: [String], environment: [String: String] = en, wrapper: [String] = noTerminal) throws -> DubanProcess.Run {
        try DubanProcess.run(arguments + ["--store", store], environment: environment, wrapper: wrapper)
    }

    /// Every file of the store with its bytes.
    func files() -> [String: Data] {
        var result: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: store) ?? [] {
            if let data = FileManager.default.contents(atPath: store + "/" + path) { result[path] = data }
        }
        return result
    }

    @Test("init creates an empty store that opens with no plans; zh says so in Chinese")
    func initEmpty() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let created = try duban(["init"])
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output == "new empty store at \(store) (duban import FILE adds a plan)\n")
        #expect(JSONPlanStore.exists(at: URL(fileURLWithPath: store)))
        #expect(try duban(["plans"]).output == "no plans in \(store)\n")
        try FileManager.default.removeItem(atPath: store)
        #expect(try duban(["init"], environment: Self.zh).output == "已新建空存储 \(store)（导入方案：duban import 文件）\n")
    }

    @Test("init --samples imports the five bundled sample plans and says how to remove one")
    func initSamples() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let created = try duban(["init", "--samples"])
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output == "new store at \(store) with 5 sample plans (duban remove PLAN removes one)\n")
        let plans = try duban(["plans"]).output
        #expect(plans.rows.split(separator: "\n").map { $0.split(separator: " ")[0] }
                == ["jiading-2024", "jiading-2026", "jinshan-2026", "minhang-2026", "xuhui-2026"])
    }

    @Test("init finds the store as every command does: $DUBAN_STORE, else $XDG_DATA_HOME/duban, else $HOME/.local/share/duban")
    func initStorePath() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fromVariable = try DubanProcess.run(["init"], environment: Self.en.merging(["DUBAN_STORE": store]) { $1 },
                                                wrapper: Self.noTerminal)
        #expect(fromVariable.status == 0 && JSONPlanStore.exists(at: URL(fileURLWithPath: store)), "\(fromVariable.error)")
        let data = scratch.appendingPathComponent("data").path
        let fromDefault = try DubanProcess.run(["init"], environment: Self.en.merging(["DUBAN_STORE": "", "XDG_DATA_HOME": data]) { $1 },
                                               wrapper: Self.noTerminal)
        #expect(fromDefault.status == 0, "\(fromDefault.error)")
        #expect(JSONPlanStore.exists(at: URL(fileURLWithPath: data + "/duban")))
        // $HOME as it is set, not the account's home directory.
        let home = scratch.appendingPathComponent("home").path
        let fromHome = try DubanProcess.run(["init"], environment: Self.en.merging(["DUBAN_STORE": "", "XDG_DATA_HOME": "", "HOME": home]) { $1 },
                                            wrapper: Self.noTerminal)
        #expect(fromHome.status == 0, "\(fromHome.error)")
        #expect(fromHome.output == "new empty store at \(home)/.local/share/duban (duban import FILE adds a plan)\n")
    }

    @Test("init on an existing store leaves every byte of it and exits 1 with one line; zh in Chinese")
    func initExisting() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try duban(["init", "--samples"])
        _ = try duban(["done", "jinshan-2026:1.1", "--force", "--as", "wang"])
        let before = files()
        let again = try duban(["init", "--samples"])
        #expect(again.status == 1)
        #expect(again.output.isEmpty)
        #expect(again.error == "duban: a store already exists at \(store); left as it is (duban plans lists its plans)\n")
        #expect(files() == before)
        let zh = try duban(["init"], environment: Self.zh)
        #expect(zh.status == 1 && zh.error == "duban: \(store) 已有存储，未作改动（duban plans 列出其中的方案）\n")
        #expect(files() == before)
    }

    @Test("init refuses a directory holding other files unless --force")
    func initNonEmpty() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: store + "/notes.txt"))
        let refused = try duban(["init"])
        #expect(refused.status == 1)
        #expect(refused.error == "duban: \(store) is not empty and holds no store (store.json); give --force to make a store there anyway\n")
        #expect(!JSONPlanStore.exists(at: URL(fileURLWithPath: store)))
        #expect(try duban(["init", "--force"]).status == 0)
        #expect(JSONPlanStore.exists(at: URL(fileURLWithPath: store)))
    }

    @Test("remove --yes takes out the plan file and its index; its events stay in the journal, listed as orphaned")
    func removeWithYes() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try duban(["init", "--samples"])
        #expect(try duban(["done", "jinshan-2026:1.1", "--force", "--as", "wang"]).status == 0)
        let journal = try Data(contentsOf: URL(fileURLWithPath: store + "/journal.jsonl"))
        let removed = try duban(["remove", "jinshan-2026", "--yes"])
        #expect(removed.status == 0, "\(removed.error)")
        #expect(removed.output == "removed jinshan-2026; what was recorded on it stays in the journal (duban plans lists those ids as orphaned)\n")
        #expect(!FileManager.default.fileExists(atPath: store + "/plans/jinshan-2026.json"))
        #expect(!FileManager.default.fileExists(atPath: store + "/index/jinshan-2026.jsonl"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store + "/journal.jsonl")) == journal)
        let plans = try duban(["plans"]).output
        #expect(!plans.contains("jinshan-2026 "))
        #expect(plans.hasSuffix("orphaned (history kept, no longer in a plan): jinshan-2026:1.1\n"))
        let listing = try JSONSerialization.jsonObject(with: try duban(["plans", "--json"]).data) as? [String: Any]
        #expect(listing?["orphaned"] as? [String] == ["jinshan-2026:1.1"])
        #expect(try duban(["list", "--plan", "jinshan-2026"]).status == 1)
        let zh = try duban(["remove", "xuhui-2026", "-y"], environment: Self.zh)
        #expect(zh.output == "已删除方案 xuhui-2026；其进展记录仍在日志中（duban plans 列为已不在方案中的编号）\n")
    }

    @Test("remove without --yes when standard input is not a terminal removes nothing and exits 2")
    func removeNeedsYes() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try duban(["init", "--samples"])
        let before = files()
        let refused = try duban(["remove", "jinshan-2026"])
        #expect(refused.status == 2)
        #expect(refused.error == "duban: remove asks for confirmation on a terminal; give --yes to remove jinshan-2026 without asking\n")
        let zh = try duban(["remove", "jinshan-2026"], environment: Self.zh)
        #expect(zh.status == 2 && zh.error == "duban: remove 需在终端上确认；不经确认删除 jinshan-2026 请加 --yes\n")
        #expect(files() == before)
    }

    @Test("remove of an unknown plan is one line naming the closest plan ids, exit 1, nothing removed")
    func removeUnknown() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try duban(["init", "--samples"])
        let before = files()
        let unknown = try duban(["remove", "jiading-2025", "--yes"])
        #expect(unknown.status == 1)
        #expect(unknown.error == "duban: no plan jiading-2025; closest: jiading-2024, jiading-2026\n")
        let zh = try duban(["remove", "jinshan", "--yes"], environment: Self.zh)
        #expect(zh.status == 1 && zh.error == "duban: 没有方案 jinshan；最接近的：jinshan-2026\n")
        #expect(files() == before)
        let noStore = try DubanProcess.run(["remove", "jinshan-2026", "--yes", "--store", scratch.appendingPathComponent("none").path],
                                           environment: Self.en, wrapper: Self.noTerminal)
        #expect(noStore.status == 1 && noStore.error.hasPrefix("duban: no store at "))
    }

    @Test("remove on a terminal asks first: n keeps the plan (exit 1), y removes it")
    func removeAsks() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try duban(["init", "--samples"])
        let plan = store + "/plans/minhang-2026.json"
        let declined = try duban(["remove", "minhang-2026"], wrapper: Self.onTerminal(answering: "n"))
        #expect(declined.status == 1)
        #expect(declined.output.contains("Remove plan minhang-2026 (闵行区加快打造国际一流营商环境行动方案（2026年）, 19 measures) from \(store)? "
                                         + "Its recorded progress stays in the journal. [y/N] "), "\(declined.output)")
        #expect(declined.output.contains("duban: nothing removed"))
        #expect(FileManager.default.fileExists(atPath: plan))
        let confirmed = try duban(["remove", "minhang-2026"], environment: Self.zh, wrapper: Self.onTerminal(answering: "是"))
        #expect(confirmed.status == 0, "\(confirmed.output)")
        #expect(confirmed.output.contains("删除方案 minhang-2026（闵行区加快打造国际一流营商环境行动方案（2026年），19 项措施）？"), "\(confirmed.output)")
        #expect(confirmed.output.contains("已删除方案 minhang-2026"))
        #expect(!FileManager.default.fileExists(atPath: plan))
    }
}
