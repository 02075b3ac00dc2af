import PlanModel
import Testing

@Suite("File paths as text")
struct PathTests {
    @Test("the directory a path names a file in, as NSString's deletingLastPathComponent gave it", arguments: [
        ("/a/b/c", "/a/b"), ("/a/b/", "/a"), ("/a", "/"), ("/", "/"), ("a/b", "a"), ("a", ""), ("", ""),
        ("a//b", "a"), ("//a", "/"), ("/存储/journal.jsonl", "/存储"),
    ])
    func parent(path: String, expected: String) {
        #expect(Path.parent(of: path) == expected)
    }
}
