import Testing
@testable import TerminalKit

@Suite("Terminal text: control characters from plans and notes never reach the terminal")
struct TerminalTextTests {
    @Test("ESC and other C0 shown as control pictures, DEL as ␡, C1 as U+FFFD, a tab as a space, line breaks as ↵, bidi overrides and isolates removed; CJK stays",
          arguments: [
              ("已召开推进会", "已召开推进会"),
              ("a\tb\nc", "a b↵c"),
              ("\u{1B}]0;pwned\u{07}标题", "␛]0;pwned␇标题"),
              ("\u{1B}[2J", "␛[2J"),
              ("x\u{9B}31m\u{7F}", "x\u{FFFD}31m␡"),
              ("\r覆盖", "↵覆盖"),
              ("a\r\nb\u{2028}c\u{85}d", "a↵b↵c↵d"),
              ("abc\u{202E}fed\u{2066}x\u{2069}", "abcfedx"),
              ("\u{0}\u{1F}", "␀␟"),
          ])
    func sanitized(text: String, expected: String) {
        #expect(TerminalText.sanitized(text) == expected)
    }

    /// Pieces around every unsafe scalar: each one, its neighbours in UTF-8 (U+2027 and U+202F beside
    /// U+2028…U+202E, U+2065 and U+206A beside the isolates, U+00A0 after the C1 controls), CJK, curly quotes
    /// (also led by 0xE2), emoji and ASCII.
    static let pieces: [String] = ["政务", "“一网通办”", "a", "abcdefgh", "\n", "\r\n", "\t", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}",
                                   "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}",
                                   "\u{2069}", "\u{206A}", "\u{1B}", "\u{0}", "\u{1F}", "👍🏽", "—", "…"]

    @Test("the byte scan finds an unsafe scalar exactly where the scalar scan does, at every offset, line feeds kept or not")
    func byteScanAgreesWithScalars() {
        var seed: UInt64 = 15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33) % bound
        }
        for _ in 0..<4_000 {
            let text = (0..<next(12)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            for keeping in [false, true] {
                let scalars = text.unicodeScalars.contains { TerminalText.isUnsafe($0) && !(keeping && $0 == "\n") }
                var copy = text
                let bytes = copy.withUTF8 { TerminalText.hasUnsafe($0, keepingLineFeeds: keeping) }
                #expect(bytes == scalars, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test("a multi-line block keeps its line feeds (\\r\\n as one), and still shows a lone \\r")
    func keepingLineFeeds() {
        #expect(TerminalText.sanitized("a\nb\r\nc\rd\u{1B}", keepingLineFeeds: true) == "a\nb\nc↵d␛")
    }
}
