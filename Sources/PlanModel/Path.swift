/// File paths as text, without swift-corelibs-foundation's `NSString` path methods.
public enum Path {
    /// The directory `path` names a file in: "/a/b" → "/a", "/a" → "/", "a" → "" (as NSString's
    /// `deletingLastPathComponent`).
    public static func parent(of path: String) -> String {
        var rest = Substring(path)
        while rest.count > 1, rest.hasSuffix("/") { rest.removeLast() }
        guard let slash = rest.lastIndex(of: "/") else { return "" }
        var parent = rest[..<slash]
        while parent.hasSuffix("/") { parent.removeLast() }
        return parent.isEmpty ? "/" : String(parent)
    }
}
