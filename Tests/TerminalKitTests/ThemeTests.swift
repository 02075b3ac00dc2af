import Foundation
import Testing
@testable import TerminalKit

@Suite("Themes")
final class ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes").path

    static var themeFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: themesDirectory)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Directories made by this test, removed when it ends (a suite instance lives for one test).
    private var made: [String] = []
    deinit { for dir in made { try? FileManager.default.removeItem(atPath: dir) } }

    func temporaryDirectory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duban-themes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        made.append(dir)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        return dir
    }

    @Test("the four required themes ship in Themes/")
    func required() {
        #expect(Set(["default.json", "light.json", "high-contrast.json", "monochrome.json"]).isSubset(of: Set(Self.themeFiles)))
    }

    @Test("lint: every theme file parses, resolves, and uses only known slots and colours", arguments: themeFiles)
    func lint(file: String) throws {
        let loader = ThemeLoader(directories: [Self.themesDirectory])
        let name = String(file.dropLast(5))
        let theme = try loader.theme(named: name)
        #expect(theme.name == name)
        #expect(loader.load(name).problem == nil)
    }

    @Test("Themes/README.md documents every slot")
    func documented() throws {
        let readme = try String(contentsOfFile: Self.themesDirectory + "/README.md", encoding: .utf8)
        for slot in StyleSlot.allCases { #expect(readme.contains("`\(slot.rawValue)`"), "\(slot.rawValue) undocumented") }
    }

    @Test("the compiled-in themes are the files default.json and monochrome.json")
    func builtinMatchesFiles() throws {
        let loader = ThemeLoader(directories: [Self.themesDirectory])
        #expect(try loader.theme(named: "default") == Theme.builtin)
        #expect(try loader.theme(named: "monochrome") == Theme.monochrome)
    }

    @Test("a slot falls back field by field along its dotted name to text")
    func fallback() throws {
        let dir = try temporaryDirectory(["t.json": """
            {"palette": {"red": "#ff0000"},
             "slots": {"text": {"fg": "white", "bg": "black"}, "status": {"bold": true}, "status.overdue": {"fg": "red"}}}
            """])
        let theme = try ThemeLoader(directories: [dir]).theme(named: "t")
        #expect(theme.style(.statusOverdue) == Style(foreground: .rgb(255, 0, 0), background: .indexed(0), bold: true))
        #expect(theme.style(.statusDone) == Style(foreground: .indexed(7), background: .indexed(0), bold: true))
        #expect(theme.style(.title) == Style(foreground: .indexed(7), background: .indexed(0)))
    }

    @Test("inherits takes the parent's palette and slots, overriding only what it names")
    func inherits() throws {
        let dir = try temporaryDirectory([
            "base.json": #"{"palette": {"accent": "blue"}, "slots": {"title": {"fg": "accent", "bold": true}}}"#,
            "child.json": #"{"inherits": "base", "palette": {"accent": "green"}, "slots": {"title": {"underline": true}}}"#,
        ])
        let theme = try ThemeLoader(directories: [dir]).theme(named: "child")
        #expect(theme.style(.title) == Style(foreground: .indexed(2), bold: true, underline: true))
    }

    @Test("a broken theme names the file and the bad key, and the default is used instead", arguments: [
        (#"{"slots": {"status.done": {"fg": "gren"}}}"#, "slots.status.done.fg", "unknown colour 'gren'"),
        (#"{"slots": {"status.don": {"fg": "green"}}}"#, "slots.status.don", "unknown slot"),
        (#"{"slots": {"title": {"bold": "yes"}}}"#, "slots.title.bold", "must be true or false"),
        (##"{"palette": {"x": "#12"}}"##, "palette.x", "not a colour (#rrggbb, 0-255, an ANSI name or default)"),
        (#"{"colours": {}}"#, "colours", "unknown key"),
        (#"{"inherits": "broken"}"#, "inherits", nil),
        ("{ not json", nil, "not valid JSON"),
    ] as [(String, String?, String?)])
    func broken(text: String, key: String?, reason: String?) throws {
        let dir = try temporaryDirectory(["broken.json": text])
        let result = ThemeLoader(directories: [dir]).load("broken")
        #expect(result.theme == Theme.builtin)
        let problem = try #require(result.problem)
        #expect(problem.file == dir + "/broken.json")
        #expect(problem.key == key)
        if let reason { #expect(problem.reason == reason) }
    }

    @Test("a user theme directory listed first overrides a bundled theme of the same name")
    func userOverrides() throws {
        let user = try temporaryDirectory(["light.json": #"{"name": "light", "slots": {"title": {"fg": "red"}}}"#])
        let theme = try ThemeLoader(directories: [user, Self.themesDirectory]).theme(named: "light")
        #expect(theme.style(.title).foreground == .indexed(1))
        #expect(ThemeLoader(directories: [user, Self.themesDirectory]).names().first == "default")
    }

    @Test("colours map to the nearest of 256 and of 8", arguments: [
        ("#ff0000", 196, 1), ("#5faf5f", 71, 2), ("#d0d0d0", 252, 7), ("bright-red", 9, 1), ("#000000", 16, 0), ("21", 21, 4),
    ])
    func colours(text: String, index256: Int, index8: Int) throws {
        let colour = try #require(Color(text))
        #expect(colour.index256 == index256)
        #expect(colour.index8 == index8)
    }
}
