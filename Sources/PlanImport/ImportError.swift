import PlanModel

/// Why a document could not be imported: names the file and the problem in one line, in either language.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    /// The file (or other source name) the document came from.
    public var source: String
    /// What is wrong, in words an officer can act on.
    public var problem: String
    /// The same in Chinese, for an interface in Chinese.
    public var problemInChinese: String

    public init(source: String, problem: String, chinese: String) {
        self.source = source
        self.problem = problem
        self.problemInChinese = chinese
    }

    public var description: String { description(in: .en) }

    public func description(in language: Language) -> String { "\(source): \(language.pick(problem, problemInChinese))" }
}
