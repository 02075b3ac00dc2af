import Foundation
import PlanModel
import PlanStore
import Testing
import TerminalKit
@testable import duban

/// `config.json`: the officer's settings, read by every command and the dashboard.
extension CommandLineTests {
    /// A settings folder holding `json` as `duban/config.json`; returned as XDG_CONFIG_HOME.
    func settings(_ json: String) throws -> String {
        let config = directory.appendingPathComponent("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("duban"), withIntermediateDirectories: true)
        try Data(json.utf8).write(to: config.appendingPathComponent("duban/config.json"))
        return config.path
    }

    func light(_ config: String) throws -> (String, Run) {
        let run = try DubanProcess.run(["list", "--json", "--store", directory.path],
                                       environment: ["XDG_CONFIG_HOME": config, "DUBAN_TODAY": "2026-09-01"])
        let items = try #require(try JSONSerialization.jsonObject(with: run.data) as? [[String: Any]], "\(run.error)")
        return (try #require(items.first { $0["id"] as? String == "jiading-2026:1.2" }?["light"] as? String), run)
    }

    @Test("settings: the officer records under the saved name, the language is the saved one, the yellow gap moves the light")
    func settingsApply() throws {
        try duban("due", "jiading-2026:1.2", "2026-12-31")
        // Two thirds of the year gone, nothing done: yellow by default.
        #expect(try light(settings("{}")).0 == "yellow")
        let config = try settings(#"{"officer": "王科长", "unit": "区发改委", "language": "zh", "yellowGap": 0.9}"#)
        #expect(try light(config).0 == "green")
        let noted = try DubanProcess.run(["note", "jiading-2026:1.2", "已推进", "--store", directory.path],
                                         environment: ["XDG_CONFIG_HOME": config, "DUBAN_USER": ""])
        #expect(noted.status == 0, "\(noted.error)")
        let history = try DubanProcess.run(["history", "jiading-2026:1.2", "--json", "--store", directory.path])
        #expect(history.output.contains(#""officer" : "王科长""#), "\(history.output)")
        let report = try DubanProcess.run(["report", "--store", directory.path, "--plan", "jiading-2026"],
                                          environment: ["XDG_CONFIG_HOME": config, "LANG": "C.UTF-8", "LC_ALL": ""])
        #expect(report.output.contains("序号"), "\(report.output)")
        let frame = try DubanProcess.run(["--render-once", "100x30", "--store", directory.path],
                                         environment: ["XDG_CONFIG_HOME": config, "DUBAN_USER": "", "DUBAN_TODAY": "2026-09-01"])
        #expect(frame.output.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces).hasSuffix("王科长 · 区发改委 · 2026-09-01") == true, "\(frame.output)")
        // The saved unit's home screen, in the saved language.
        #expect(frame.output.contains("区发改委 · 3 项措施") && frame.output.contains("标题 · 紧急程度"), "\(frame.output)")
        // --as and $DUBAN_USER still come first.
        #expect(StoreOptions.officer(explicit: nil, environment: ["DUBAN_USER": "li"], settings: "王科长", login: "root") == "li")
        #expect(StoreOptions.officer(explicit: nil, environment: [:], settings: "王科长", login: "root") == "王科长")
    }

    @Test("a broken settings file is named in one warning and the command goes on with the defaults", arguments: [
        (#"{"yellowGap": 2}"#, "yellowGap must be between 0 and 1"), (#"{"language": "fr"}"#, "language"), ("{", "not a settings file"),
    ])
    func settingsBroken(json: String, problem: String) throws {
        let (light, run) = try light(try settings(json))
        #expect(light == "none")
        #expect(run.status == 0)
        let warning = run.error.split(separator: "\n").filter { $0.contains("config.json") }
        #expect(warning.count == 1 && warning[0].contains(problem) && warning[0].hasSuffix("settings ignored"), "\(run.error)")
    }

    @Test("under LANG=zh_CN.UTF-8 a broken settings file is told in Chinese")
    func settingsBrokenInChinese() throws {
        let run = try DubanProcess.run(["list", "--store", directory.path],
                                       environment: ["XDG_CONFIG_HOME": try settings(#"{"yellowGap": 2}"#), "LANG": "zh_CN.UTF-8", "LC_ALL": ""])
        let warning = run.error.split(separator: "\n").filter { $0.contains("config.json") }
        #expect(warning.count == 1 && warning[0].hasSuffix("yellowGap 须在 0 到 1 之间，而不是 2.0，已忽略设置"), "\(run.error)")
        #expect(run.status == 0)
    }

    @Test("help is in the interface language chosen before parsing: LANG, the settings' language, --lang")
    func helpInChinese() throws {
        let english = try settings("{}"), chinese = try settings(#"{"language": "zh"}"#)
        let byLocale = try DubanProcess.run(["--help"], environment: ["XDG_CONFIG_HOME": english, "LANG": "zh_CN.UTF-8", "LC_ALL": ""])
        #expect(byLocale.output.contains("督办 Duban：在终端里跟踪各区行动方案") && byLocale.output.contains("列出措施，可按方案、板块、单位、状态或逾期筛选。"),
                "\(byLocale.output)")
        let bySettings = try DubanProcess.run(["list", "--help"], environment: ["XDG_CONFIG_HOME": chinese, "LANG": "C.UTF-8", "LC_ALL": ""])
        #expect(bySettings.output.contains("只看已过期限且未完成的措施。") && bySettings.output.contains("存储目录"), "\(bySettings.output)")
        let byOption = try DubanProcess.run(["report", "--lang", "en", "--help"],
                                            environment: ["XDG_CONFIG_HOME": chinese, "LANG": "zh_CN.UTF-8", "LC_ALL": ""])
        #expect(byOption.output.contains("Keep units with nothing open in the per-unit sheet."), "\(byOption.output)")
        // Wrapped by display columns (swift-argument-parser counts characters): within 80 columns.
        for help in [byLocale, bySettings] {
            let wide = help.output.split(separator: "\n").filter { !$0.hasPrefix("USAGE") && DisplayWidth.of($0) > 80 }
            #expect(wide.isEmpty, "\(wide)")
        }
        let plain = try DubanProcess.run(["--help"], environment: ["XDG_CONFIG_HOME": english, "LANG": "C.UTF-8", "LC_ALL": ""])
        #expect(plain.output.contains("List measures, filtered by plan"), "\(plain.output)")
    }

    @Test("remember changes one key and keeps the others; the dashboard starts with the remembered theme")
    func settingsRemember() throws {
        let config = try settings(#"{"officer": "王科长"}"#)
        Settings.remember({ $0.theme = "light" }, environment: ["XDG_CONFIG_HOME": config])
        let saved = try Settings.load(from: URL(fileURLWithPath: config).appendingPathComponent("duban/config.json"))
        #expect(saved == Settings(officer: "王科长", theme: "light"))
        #expect(ThemeCatalog.initialName(option: nil, environment: [:], saved: saved.theme, noColor: false) == "light")
        #expect(ThemeCatalog.initialName(option: "default", environment: [:], saved: saved.theme, noColor: false) == "default")
    }
}

extension CommandLineTests {
    @Test("~ in --store and DUBAN_STORE is the home directory, ~name that account's; elsewhere it stays")
    func tilde() throws {
        let home = Home.directory(environment: ["HOME": "/home/王"])
        #expect(home == "/home/王")
        #expect(Home.expandingTilde(in: "~") == Home.directory())
        #expect(Home.expandingTilde(in: "~/stores/区") == Home.directory() + "/stores/区")
        #expect(Home.expandingTilde(in: "~root/x") == "/root/x")
        #expect(Home.expandingTilde(in: "~no-such-account-duban/x") == "~no-such-account-duban/x")
        #expect(Home.expandingTilde(in: "/a/~/b") == "/a/~/b")
        #expect(StoreOptions.directory(explicit: "~/s", environment: [:], home: "/unused").path == Home.directory() + "/s")
    }

    @Test("event times and --since days are local: the minute and day Calendar gives in TZ, either side of midnight and of a change of summer time")
    func localTimes() throws {
        // 2026-03-08 07:00 UTC is New York's change to summer time; 15:30 UTC is 23:30 in Shanghai.
        let base = Date(timeIntervalSince1970: 1_772_953_200)
        let times = stride(from: -36 * 60, through: 36 * 60, by: 30).map { base.addingTimeInterval(Double($0 * 60)) }
        let journal = try FileHandle(forWritingTo: directory.appendingPathComponent("journal.jsonl"))
        journal.seekToEndOfFile()
        for (n, time) in times.enumerated() {
            let stamp = Event.formatTime(time)
            journal.write(Data(#"{"id":"\#(n)-0000000000000000","kind":"note","officer":"wang","payload":{"text":"t\#(n)"},"target":"jiading-2026:1.1","time":"\#(stamp)"}"#.utf8 + [0x0A]))
        }
        try journal.close()
        for zone in ["Asia/Shanghai", "America/New_York", "Pacific/Kiritimati", "America/St_Johns", "UTC"] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try #require(TimeZone(identifier: zone))
            let local = times.map { calendar.dateComponents([.year, .month, .day, .hour, .minute], from: $0) }
            func text(_ parts: DateComponents) -> String {
                String(format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
            }
            let history = try DubanProcess.run(["history", "jiading-2026:1.1", "--store", directory.path], environment: ["TZ": zone])
            let shown = Dictionary(uniqueKeysWithValues: history.output.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let note = line.split(separator: "note: t").last.flatMap({ Int($0) }) else { return nil }
                return ("t\(note)", String(line.prefix(16)))
            })
            #expect(shown == Dictionary(uniqueKeysWithValues: local.enumerated().map { ("t\($0)", text($1)) }), "\(zone)")
            // From local midnight of the day base falls on: the notes of that day and after.
            let day = String(text(calendar.dateComponents([.year, .month, .day, .hour, .minute], from: base)).prefix(10))
            let since = try DubanProcess.run(["history", "--since", day, "--store", directory.path], environment: ["TZ": zone])
            #expect(since.output.split(separator: "\n").count == local.filter { text($0).prefix(10) >= day }.count, "\(zone)")
        }
    }
}

extension CommandLineTests {
    @Test("a listing's outline read while the arguments are parsed is used only for the same directory and titles, once; the parse's outcome is returned")
    func earlyOutline() throws {
        let normal = try StoreOptions.readOutline(at: directory, measureTitles: true, warn: { _ in }).1
        func parse(_ arguments: [String], environment: [String: String] = [:]) throws -> Int {
            try EarlyOutline.parsing(arguments: ["duban"] + arguments, environment: environment) { 42 }
        }
        #expect(try parse(["list", "--store", "/elsewhere", "--store=\(directory.path)"]) == 42)
        let early = try #require(EarlyOutline.take(directory: directory, measureTitles: true)).get().1
        #expect(early == normal)
        #expect(EarlyOutline.take(directory: directory, measureTitles: true) == nil) // taken once
        _ = try parse(["list", "--store", directory.path])
        #expect(EarlyOutline.take(directory: directory, measureTitles: false) == nil) // plans' read has no titles
        _ = try parse(["plans", "--store", "/elsewhere"])
        #expect(EarlyOutline.take(directory: directory, measureTitles: false) == nil)
        _ = try parse(["plans"], environment: ["DUBAN_STORE": directory.path])
        #expect(try EarlyOutline.take(directory: directory, measureTitles: false)?.get().1.plans.map(\.id) == normal.plans.map(\.id))
        _ = try parse(["done", "--store", directory.path])
        #expect(EarlyOutline.take(directory: directory, measureTitles: false) == nil) // not a listing: nothing read
        // A store that is not there: the early read's error is the command's.
        let missing = directory.appendingPathComponent("missing")
        _ = try parse(["workload", "--store", missing.path])
        #expect(throws: StoreError.self) { try EarlyOutline.take(directory: missing, measureTitles: false)?.get() }
        // A parse that fails fails the same way.
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try EarlyOutline.parsing(arguments: ["duban", "list", "--store", self.directory.path], environment: [:]) { () throws -> Int in throw Refused() }
        }
    }

    @Test("a torn journal line found by a listing's early read is reported once and set aside")
    func earlyOutlineWarning() throws {
        let journal = try FileHandle(forWritingTo: directory.appendingPathComponent("journal.jsonl"))
        journal.seekToEndOfFile()
        journal.write(Data("{\"torn".utf8))
        try journal.close()
        let run = try DubanProcess.run(["workload", "--store", directory.path])
        #expect(run.status == 0)
        #expect(run.error.components(separatedBy: "torn last line").count == 2, "\(run.error)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("journal.jsonl.rejected").path))
    }
}
