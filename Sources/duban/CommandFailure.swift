import ArgumentParser
import PlanStore

/// A one-line failure with the exit status the CLI promises:
/// 1 not found or refused (and store or disk problems), 2 bad input.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32

    static func badInput(_ message: String) -> CommandFailure { CommandFailure(description: message, exitCode: 2) }

    init(description: String, exitCode: Int32) {
        self.description = description
        self.exitCode = exitCode
    }

    init(_ error: StoreError) {
        switch error {
        case .badInput: self.init(description: error.description, exitCode: 2)
        default: self.init(description: error.description, exitCode: 1)
        }
    }
}
