/// Why a document could not be imported: names the file and the problem in one line.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    /// The file (or other source name) the document came from.
    public var source: String
    /// What is wrong, in words an officer can act on.
    public var problem: String

    public init(source: String, problem: String) {
        self.source = source
        self.problem = problem
    }

    public var description: String { "\(source): \(problem)" }
}
