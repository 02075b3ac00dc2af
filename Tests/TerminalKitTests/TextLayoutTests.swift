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
          arguments: [5, 8, 11, 20, 21, 22, 23])
    func wrapping(width: Int) {
        // Half-width punctuation too: some plans are typed with ASCII commas between Chinese clauses.
        let text = "巩固拓展“高效办成一件事”成果，深化“开店一件事”集成服务。Promote AI services version 2.0 across districts。"
            + "强化海外风险预警与合规指导,探索建立区域重点产业海外知识产权风险研判与应对机制(试行);完善诉求解决机制."
        let lines = TextLayout.wrap(text, width: width)
        for line in lines {
            #expect(DisplayWidth.of(line) <= width, "\(line)")
            #expect(line.first.map { !"，。、）”’》」』,.;:!?)".contains($0) } ?? true, "\(line)")
            #expect(line.last.map { !"（《「『“‘(".contains($0) } ?? true, "\(line)")
        }
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }

    @Test("a closing quote never starts a line, an opening one never ends one: the character before moves down with it")
    func quotes() {
        #expect(TextLayout.wrap("推行一企一专员”全程帮办", width: 14) == ["推行一企一专", "员”全程帮办"])
        #expect(TextLayout.wrap("推行企业服务“一企一专员”", width: 14) == ["推行企业服务", "“一企一专员”"])
        // The comma fits; the break before the next character must not carry it down.
        #expect(TextLayout.wrap("合规指导,探索", width: 9) == ["合规指导,", "探索"])
        #expect(TextLayout.wrap("集成服务。”全程", width: 9) == ["集成服", "务。”全程"])
    }

    @Test("units wrap between names only: no name is split, the separator stays at the line's end")
    func unitNames() {
        let lines = TextLayout.wrap(words: ["区绿化市容局", "区数据局（责任）", "区发改委"], separator: "、", lead: "责任单位: ", width: 28)
        #expect(lines == ["责任单位: 区绿化市容局、", "区数据局（责任）、区发改委"])
    }

    @Test("Latin words move to the next line whole")
    func words() {
        #expect(TextLayout.wrap("alpha beta gamma", width: 11) == ["alpha beta", "gamma"])
        #expect(TextLayout.wrap("第一行\n第二行", width: 20) == ["第一行", "第二行"])
    }
}
