import Testing
import TerminalKit
@testable import Dashboard

@Suite("LineEditor")
struct LineEditorTests {
    func editing(_ text: String = "", _ keys: Key...) -> LineEditor {
        var editor = LineEditor(text)
        for key in keys {
            let handled = editor.handle(key)
            #expect(handled)
        }
        return editor
    }

    func typing(_ text: String) -> [Key] { text.map { .character($0) } }

    @Test("typing inserts at the cursor, which starts after the text and moves with ←/→/Home/End")
    func cursor() {
        var editor = LineEditor("会签")
        #expect(editor.cursor == 2)
        for key in typing("等待") { _ = editor.handle(key) }
        #expect(editor.text == "会签等待" && editor.cursor == 4)
        _ = editor.handle(.home)
        _ = editor.handle(.character("已"))
        #expect(editor.text == "已会签等待" && editor.cursor == 1)
        _ = editor.handle(.right); _ = editor.handle(.right)
        _ = editor.handle(.character("x"))
        #expect(editor.text == "已会签x等待" && editor.cursor == 4)
        _ = editor.handle(.end); _ = editor.handle(.right)
        #expect(editor.cursor == 6)
        _ = editor.handle(.home); _ = editor.handle(.left)
        #expect(editor.cursor == 0)
    }

    @Test("Backspace deletes before the cursor, Del under it, each a whole character; at the ends they do nothing")
    func deleting() {
        var editor = editing("区发改委", .left, .left, .backspace)
        #expect(editor.text == "区改委" && editor.cursor == 1)
        _ = editor.handle(.delete)
        #expect(editor.text == "区委" && editor.cursor == 1)
        _ = editor.handle(.end); _ = editor.handle(.delete)
        #expect(editor.text == "区委")
        _ = editor.handle(.home); _ = editor.handle(.backspace)
        #expect(editor.text == "区委" && editor.cursor == 0)
        // A letter with a combining accent is one character.
        editor = editing("cafe\u{301}", .backspace)
        #expect(editor.text == "caf")
    }

    @Test("Ctrl-U deletes everything before the cursor")
    func controlU() {
        #expect(editing("2026-06-30", .control("u")).text == "")
        let editor = editing("2026-06-30", .left, .left, .control("u"))
        #expect(editor.text == "30" && editor.cursor == 0)
    }

    @Test("other keys are left to the caller")
    func otherKeys() {
        var editor = LineEditor("abc")
        for key: Key in [.enter, .escape, .tab, .up, .down, .pageDown, .control("c")] {
            let handled = editor.handle(key)
            #expect(!handled)
        }
        #expect(editor == LineEditor("abc"))
    }

    @Test("shown in a width: the cursor bar where the cursor is; long text shows the part around the cursor, by display columns")
    func shown() {
        #expect(LineEditor("会签").shown(width: 10) == "会签▏")
        #expect(editing("会签", .left).shown(width: 10) == "会▏签")
        // 区发展和改革委员会 is 18 columns: with the cursor at the end, its end shows.
        let long = LineEditor("区发展和改革委员会")
        #expect(long.shown(width: 9) == "革委员会▏" && DisplayWidth.of(long.shown(width: 9)) == 9)
        // At the start, its start shows, cut to the width.
        let home = editing("区发展和改革委员会", .home)
        #expect(home.shown(width: 9) == "▏区发展和")
        #expect(DisplayWidth.of(editing("ab区发展", .left).shown(width: 6)) <= 6)
    }
}
