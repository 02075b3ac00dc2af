import CustomDump
import Foundation
import Testing
import TerminalKit

/// Whole frames compared with text files in `Frames/` beside this suite, one per
/// screen, overlay and size. `RECORD_SNAPSHOTS=1 swift test` writes the files
/// instead, and fails, so that a recording run never passes for a test run.
enum FrameSnapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Frames")
    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

    /// The frame as stored: the text, one line per terminal row, then under
    /// `-- styles` the style slot of every display column as one character
    /// (`code(of:)`), so that what only colour shows (selection, traffic lights,
    /// search matches) is in the picture too. Trailing blanks are dropped.
    static func text(of canvas: Canvas) -> String {
        let styles = (0..<canvas.size.height).map { row in
            String((0..<canvas.size.width).map { code(of: canvas[$0, row].slot) })
        }
        return (canvas.lines + ["-- styles"] + styles).map(trimmed).joined(separator: "\n") + "\n"
    }

    static func trimmed(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line.removeLast() }
        return String(line)
    }

    /// One character per style slot (the legend is in Tests/README.md); plain text is a blank.
    static func code(of slot: StyleSlot) -> Character {
        switch slot {
        case .text: " "
        case .textMuted: "m"
        case .title: "T"
        case .header: "H"
        case .border: "b"
        case .selection: "S"
        case .selectionInactive: "s"
        case .status: "u"
        case .statusTodo: "o"
        case .statusDoing: "d"
        case .statusDone: "v"
        case .statusBlocked: "x"
        case .statusOverdue: "R"
        case .statusDueSoon: "Y"
        case .statusOnTrack: "G"
        case .gauge: "g"
        case .gaugeFilled: "#"
        case .gaugeEmpty: "="
        case .keyhint: "f"
        case .keyhintKey: "F"
        case .statusline: "l"
        case .prompt: "p"
        case .search: "q"
        case .searchMatch: "M"
        case .message: "e"
        case .messageInfo: "i"
        case .messageError: "E"
        case .overlay: "O"
        case .overlayBorder: "B"
        }
    }

    static func url(_ name: String, _ size: Size) -> URL {
        directory.appendingPathComponent("\(name)-\(size.width)x\(size.height).txt")
    }
}

/// Expects `canvas` to show exactly the stored frame `name` at its size; a
/// difference is reported as a line diff (− stored, + drawn).
func expectFrame(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = FrameSnapshot.url(name, canvas.size)
    let actual = FrameSnapshot.text(of: canvas)
    if FrameSnapshot.recording {
        do {
            try FileManager.default.createDirectory(at: FrameSnapshot.directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.lastPathComponent); run again without RECORD_SNAPSHOTS to check it",
                         sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no frame \(url.lastPathComponent): record it with RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let lines = diff(expected, actual) ?? "(no line differs: line endings?)"
        Issue.record("frame \(url.lastPathComponent) differs (− stored, + drawn):\n\(lines)", sourceLocation: sourceLocation)
    }
}
