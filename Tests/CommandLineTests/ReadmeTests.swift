import Foundation
import Testing

/// README is the officer's page: its set-up commands and its command reference must stay true.
@Suite("README")
struct ReadmeTests {
    static let readme: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test("README opens with the two commands: the dashboard on the samples, then the tests")
    func opensWithTheTwoCommands() throws {
        let block = try #require(Self.readme.components(separatedBy: "```sh\n").dropFirst().first?
            .components(separatedBy: "```").first)
        let commands = block.split(separator: "\n").map { $0.split(separator: "#")[0].trimmingCharacters(in: .whitespaces) }
        #expect(commands == ["swift run duban", "swift test"])
        #expect(Self.readme.components(separatedBy: "```sh\n")[0].split(separator: "\n").count <= 4,
                "the commands come right after the title and one paragraph")
    }

    /// Every `duban SUBCOMMAND … --option` written in README, as (subcommand, options).
    static let references: [(command: String, options: [String])] = {
        var result: [(String, [String])] = []
        for span in readme.components(separatedBy: "`").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
            let words = span.split(separator: " ").map(String.init)
            guard words.count >= 2, words[0] == "duban", words[1].first?.isLetter == true,
                  words[1].allSatisfy({ $0.isASCII }) else { continue }
            let options = words.dropFirst(2).flatMap { word in
                word.split(whereSeparator: { "[]|".contains($0) }).filter { $0.hasPrefix("--") }
                    .map { String($0.prefix { $0 == "-" || $0.isLetter }) }
            }
            result.append((words[1], options))
        }
        return result
    }()

    @Test("every command and option README names is one the binary has")
    func commandReferenceIsTrue() throws {
        #expect(Self.references.count > 20, "README's command reference was found")
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("duban")
        var help: [String: String] = [:]
        for (command, options) in Self.references {
            if help[command] == nil {
                let process = Process()
                process.executableURL = binary
                process.arguments = [command, "--help"]
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                try process.run()
                help[command] = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "duban \(command) --help: \(help[command] ?? "")")
            }
            for option in options {
                #expect(help[command]?.contains(option) == true, "README names duban \(command) \(option)")
            }
        }
    }
}
