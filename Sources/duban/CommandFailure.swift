import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
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
        if let posix = (error as? POSIXError) ?? ((error as? CocoaError)?.underlying as? POSIXError) {
            return String(cString: strerror(posix.code.rawValue))
        }
        return (error as? CocoaError).map { "file error \($0.code.rawValue)" } ?? String(describing: error)
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
            self.init(description: Output.language(nil).pick(
                "\(target) was changed meanwhile (another terminal or officer); nothing recorded: look again (duban history \(target))",
                "\(target) 已被他人（或另一终端）修改，未记录；请先查看（duban history \(target)）"), exitCode: 1)
        case let .unknownId(id, closest) where Output.language(nil) == .zh:
            self.init(description: "没有编号 \(id)" + (closest.isEmpty ? "" : "；最接近的：\(closest.joined(separator: "、"))"), exitCode: 1)
        case let .unknownPlan(id, closest) where Output.language(nil) == .zh:
            self.init(description: "没有方案 \(id)" + (closest.isEmpty ? "" : "；最接近的：\(closest.joined(separator: "、"))"), exitCode: 1)
        case let .missing(directory) where Output.language(nil) == .zh:
            self.init(description: "\(directory) 没有存储（先 duban import 方案文件，或直接运行 duban 载入示例方案）", exitCode: 1)
        case .badInput: self.init(description: error.description, exitCode: 2)
        default: self.init(description: error.description, exitCode: 1)
        }
    }

    /// Why the change rules refused: 1 when the change is refused as asked, 2 when the request is malformed.
    private static func refusal(_ refusal: ChangeRefusal, command: String) -> CommandFailure {
        switch refusal {
        case let .unknownId(id):
            CommandFailure(description: Output.language(nil).pick("unknown id \(id)", "没有编号 \(id)"), exitCode: 1)
        case let .notAMeasure(id):
            .badInput("\(command) takes a measure id; \(id) is a task")
        case let .openTasks(id, open):
            CommandFailure(description: Output.language(nil).pick(
                "\(id) has \(open.count) open task\(open.count == 1 ? "" : "s") (\(open.joined(separator: ", "))); use --force to mark it done anyway",
                "\(id) 还有 \(open.count) 项任务未完成（\(open.joined(separator: "、"))）；确需标记完成请加 --force"), exitCode: 1)
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
