import ArgumentParser
import Foundation
import PlanModel
import PlanStore

/// A one-line failure with the exit status the CLI promises:
/// 1 not found or refused (and store or disk problems), 2 bad input.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32

    static func badInput(_ message: String) -> CommandFailure { CommandFailure(description: message, exitCode: 2) }

    /// Why a file could not be written, as the system says it ("Permission denied").
    static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(code))) }
        return (error as NSError).localizedDescription
    }

    init(description: String, exitCode: Int32) {
        self.description = description
        self.exitCode = exitCode
    }

    /// The store's error worded for the command line; `command` names the
    /// command in messages that need it (e.g. "due takes a measure id").
    init(_ error: StoreError, command: String = "duban") {
        switch error {
        case let .refused(refusal):
            self = Self.refusal(refusal, command: command)
        case let .changedMeanwhile(target):
            self.init(description: "\(target) was changed meanwhile (another terminal or officer); "
                      + "nothing recorded: look again (duban history \(target))", exitCode: 1)
        case .badInput: self.init(description: error.description, exitCode: 2)
        default: self.init(description: error.description, exitCode: 1)
        }
    }

    /// Why the change rules refused: 1 when the change is refused as asked, 2 when the request is malformed.
    private static func refusal(_ refusal: ChangeRefusal, command: String) -> CommandFailure {
        switch refusal {
        case let .unknownId(id):
            CommandFailure(description: "unknown id \(id)", exitCode: 1)
        case let .notAMeasure(id):
            .badInput("\(command) takes a measure id; \(id) is a task")
        case let .openTasks(id, open):
            CommandFailure(description: "\(id) has \(open.count) open task\(open.count == 1 ? "" : "s") (\(open.joined(separator: ", "))); "
                           + "use --force to mark it done anyway", exitCode: 1)
        case let .emptyNote(id):
            .badInput("the note for \(id) is empty")
        case let .noNote(note, id):
            CommandFailure(description: "no note \(note) on \(id) (duban show \(id) --json lists its notes' ids)", exitCode: 1)
        case .emptyUnitName:
            .badInput("the unit name is empty")
        case let .compositeUnitName(unit):
            .badInput("\(unit) names several units (it contains 、 , ， ; or ；); assign them one at a time")
        case let .notAssigned(unit, id, assigned):
            CommandFailure(description: "\(unit) is not assigned to \(id) (assigned: "
                           + "\(assigned.isEmpty ? "none" : assigned.joined(separator: ", ")))", exitCode: 1)
        }
    }
}
