/// Why a theme file could not be used: which file, which key, what is wrong.
public struct ThemeProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// Dotted path of the bad key, e.g. `slots.status.done.fg`; nil for the whole file.
    public var key: String?
    public var reason: String

    public init(file: String, key: String? = nil, reason: String) {
        self.file = file
        self.key = key
        self.reason = reason
    }

    public var description: String {
        key.map { "\(file): \($0): \(reason)" } ?? "\(file): \(reason)"
    }
}
