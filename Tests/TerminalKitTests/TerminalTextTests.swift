import Testing
import TerminalKit

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

    @Test("a multi-line block keeps its line feeds (\\r\\n as one), and still shows a lone \\r")
    func keepingLineFeeds() {
        #expect(TerminalText.sanitized("a\nb\r\nc\rd\u{1B}", keepingLineFeeds: true) == "a\nb\nc↵d␛")
    }
}
