import Testing
@testable import TerminalKit

@Suite("Truncation, padding and wrapping in display columns")
struct TextLayoutTests {
    @Test("a cut ends in … on a column boundary, and a wide character that does not fit leaves one space",
          arguments: 1...14)
    func truncation(width: Int) {
        let text = "整理需求文档，并确认 AI 方案"
        let cut = TextLayout.truncate(text, toWidth: width)
        #expect(DisplayWidth.of(cut) <= width)
        #expect(DisplayWidth.of(cut) >= width - 1)
        #expect(cut.last == "…")
        #expect(text.hasPrefix(String(cut.dropLast())))
        #expect(DisplayWidth.of(TextLayout.fit(text, toWidth: width)) == width)
    }

    @Test("text that fits is left alone")
    func fits() {
        #expect(TextLayout.truncate("中文ab", toWidth: 6) == "中文ab")
        #expect(TextLayout.fit("中文", toWidth: 6, alignment: .trailing) == "  中文")
        #expect(TextLayout.truncate("中文abc", toWidth: 6) == "中文a…")
        #expect(TextLayout.truncate("中文abc", toWidth: 4) == "中…")
    }

    @Test("wrapped lines never exceed the width, keep every character, and never start with closing punctuation",
          arguments: [5, 8, 11, 20])
    func wrapping(width: Int) {
        let text = "巩固拓展“高效办成一件事”成果，深化“开店一件事”集成服务。Promote AI services version 2.0 across districts。"
        let lines = TextLayout.wrap(text, width: width)
        for line in lines {
            #expect(DisplayWidth.of(line) <= width, "\(line)")
            #expect(line.first.map { !"，。、）”".contains($0) } ?? true, "\(line)")
        }
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }

    @Test("Latin words move to the next line whole")
    func words() {
        #expect(TextLayout.wrap("alpha beta gamma", width: 11) == ["alpha beta", "gamma"])
        #expect(TextLayout.wrap("第一行\n第二行", width: 20) == ["第一行", "第二行"])
    }
}
