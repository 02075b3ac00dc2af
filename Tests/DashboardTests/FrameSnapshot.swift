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

    /// The frame as stored: one line per terminal row, trailing blanks dropped.
    static func text(of canvas: Canvas) -> String {
        canvas.lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n") + "\n"
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
