import Foundation
import Testing

/// `duban undo --id` and withdrawn notes, on the suite's temporary store.
extension CommandLineTests {
    @Test("undo --id undoes the officer's latest step on that measure (with its tasks) or task; a block with its note is one step")
    func undoOnOneId() throws {
        try duban("block", "jiading-2026:1.1.1", "--note", "等待会签")
        try duban("due", "jiading-2026:2.1", "2026-12-31")
        try duban("done", "jiading-2026:1.2", officer: "li")
        let undo = try duban("undo", "--id", "jiading-2026:1.1")
        #expect(undo.status == 0, "\(undo.error)")
        #expect(undo.output.split(separator: "\n").map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
                == ["jiading-2026:1.1.1", "jiading-2026:1.1.1"], "\(undo.output)")
        #expect(undo.output.contains(": note withdrawn") && undo.output.contains(": unmarked (was blocked)"))
        let shown = try duban("show", "jiading-2026:1.1").output
        #expect(!shown.contains("[jiading-2026:1.1.1]: 等待会签"), "\(shown)")
        #expect(try duban("show", "jiading-2026:2.1").output.contains("due: 2026-12-31"))
        let nothing = try duban("undo", "--id", "jiading-2026:1.1")
        #expect(nothing.status == 1 && nothing.error == "duban: nothing of wang's to undo on jiading-2026:1.1\n")
        // Another officer's change on the id is not this officer's to undo.
        #expect(try duban("undo", "--id", "jiading-2026:1.2").status == 1)
        let unknown = try duban("undo", "--id", "jiading-2026:1.3")
        #expect(unknown.status == 1 && unknown.error.hasPrefix("duban: unknown id jiading-2026:1.3; closest: "), "\(unknown.error)")
        #expect(try duban("undo", "--id", "jiading-2026:2.1").output.contains("due cleared (was 2026-12-31)"))
    }

    @Test("an undone note leaves show's notes and the report's progress; history keeps it, marked withdrawn")
    func withdrawnNote() throws {
        try duban("note", "jiading-2026:1.2", "已召开推进会")
        #expect(try duban("report", "--lang", "zh").output.contains("已召开推进会"))
        #expect(try duban("undo").status == 0)
        let shown = try duban("show", "jiading-2026:1.2").output
        #expect(!shown.contains("notes:"), "\(shown)")
        #expect(shown.contains("note: 已召开推进会 (withdrawn)"), "\(shown)")
        #expect(try duban("history", "jiading-2026:1.2").output.contains("note: 已召开推进会 (withdrawn)"))
        #expect(!(try duban("report", "--lang", "zh").output.contains("已召开推进会")))
    }
}

extension CommandLineTests {
    @Test("note --edit replaces a note's text in place as a new event; history keeps both texts; undo puts the old one back")
    func editNote() throws {
        try duban("note", "jiading-2026:1.2", "已召开推进会")
        try duban("note", "jiading-2026:1.2", "第二条")
        let json = try duban("show", "jiading-2026:1.2", "--json").output
        let item = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let id = try #require((item["notes"] as? [[String: Any]])?.first?["id"] as? String)
        let edit = try duban("note", "jiading-2026:1.2", "已召开推进会，形成纪要", "--edit", id, officer: "li")
        #expect(edit.status == 0 && edit.output.contains("edited: 已召开推进会，形成纪要 (was 已召开推进会)"), "\(edit.output)\(edit.error)")
        var shown = try duban("show", "jiading-2026:1.2").output
        let notes = shown.split(separator: "\n").filter { $0.contains("wang: ") }
        #expect(notes.count == 2 && notes[0].hasSuffix("wang: 已召开推进会，形成纪要") && notes[1].hasSuffix("wang: 第二条"), "\(shown)")
        let history = try duban("history", "jiading-2026:1.2").output
        #expect(history.contains("note: 已召开推进会\n") && history.contains("edited: 已召开推进会，形成纪要 (was 已召开推进会)"), "\(history)")
        #expect(try duban("note", "jiading-2026:1.2", "已召开推进会，形成纪要", "--edit", id).output == "jiading-2026:1.2: unchanged\n")
        let unknown = try duban("note", "jiading-2026:1.2", "x", "--edit", "nope")
        #expect(unknown.status == 1 && unknown.error.hasPrefix("duban: no note nope on jiading-2026:1.2"), "\(unknown.error)")
        #expect(try duban("undo", officer: "li").status == 0)
        shown = try duban("show", "jiading-2026:1.2").output
        #expect(shown.contains("wang: 已召开推进会\n") && !shown.contains("形成纪要\n"), "\(shown)")
    }
}
