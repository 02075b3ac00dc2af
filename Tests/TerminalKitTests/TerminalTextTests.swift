import Testing
import TerminalKit

@Suite("Terminal text: control characters from plans and notes never reach the terminal")
struct TerminalTextTests {
    @Test("escape sequences, C1 controls, DEL and bidi overrides become U+FFFD; CJK, tab and line feed stay",
          arguments: [
              ("已召开推进会", "已召开推进会"),
              ("a\tb\nc", "a\tb\nc"),
              ("\u{1B}]0;pwned\u{07}标题", "\u{FFFD}]0;pwned\u{FFFD}标题"),
              ("\u{1B}[2J", "\u{FFFD}[2J"),
              ("x\u{9B}31m\u{7F}", "x\u{FFFD}31m\u{FFFD}"),
              ("\r覆盖", "\u{FFFD}覆盖"),
              ("abc\u{202E}fed", "abc\u{FFFD}fed"),
          ])
    func sanitized(text: String, expected: String) {
        #expect(TerminalText.sanitized(text) == expected)
    }
}
