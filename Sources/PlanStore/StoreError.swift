import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import PlanModel

/// Why a store operation failed. Each case reads as one line naming the file
/// or id and the problem.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No store at the directory.
    case missing(directory: String)
    /// The id names no measure or task; `closest` are existing ids that look alike.
    case unknownId(String, closest: [String])
    /// No plan has this id; `closest` are existing plan ids that look alike.
    case unknownPlan(String, closest: [String])
    /// The file was written by a newer duban; it is read by no one here and never rewritten.
    case newerSchema(file: String, schema: Int)
    /// The file is not what the store wrote; `offset` is the byte where reading failed.
    case corrupt(file: String, offset: Int, reason: String)
    /// A system call failed; nothing was acknowledged.
    case io(file: String, operation: String, code: Int32)
    /// The change rules refuse the change as asked (e.g. done with open tasks without force).
    case refused(ChangeRefusal)
    /// The change was decided on a state of `target` that has changed since (another terminal or officer).
    case changedMeanwhile(target: String)
    /// The request itself is malformed (a bad id, a bad plan).
    case badInput(String)
    /// A store path holds a symlink, directory or device: never followed or written through.
    case notAFile(file: String, kind: String)
    /// A store path is a symlink or something else where a directory belongs (`plans/`, `index/`).
    case notADirectory(file: String, kind: String)
    /// The store directory is writable by anyone, or belongs to no one of the user's.
    case unsafeDirectory(String)
    /// A store was to be created in a directory that holds other files and no store.
    case notEmpty(directory: String)

    public var description: String {
        switch self {
        case let .missing(directory):
            "no store at \(directory)"
        case let .unknownId(id, closest):
            closest.isEmpty ? "unknown id \(id)" : "unknown id \(id); closest: \(closest.joined(separator: ", "))"
        case let .unknownPlan(id, closest):
            closest.isEmpty ? "no plan \(id)" : "no plan \(id); closest: \(closest.joined(separator: ", "))"
        case let .newerSchema(file, schema):
            "\(file) has schema \(schema), newer than this duban reads (\(Schema.current)); upgrade duban (the file is left as it is)"
        case let .corrupt(file, offset, reason):
            "\(file): unreadable at byte \(offset): \(reason)"
        case let .io(file, operation, code):
            "\(file): \(operation) failed: \(String(cString: strerror(code)))"
        case let .refused(refusal):
            // Worded for people by the command line and the dashboard.
            "refused: \(refusal)"
        case let .changedMeanwhile(target):
            "\(target) changed since the change was decided"
        case let .badInput(reason):
            reason
        case let .notAFile(file, kind):
            "\(file) is \(kind), not a file; the store never follows or writes through one (remove it)"
        case let .notADirectory(file, kind):
            "\(file) is \(kind), not a directory; the store never follows or writes through one (remove it)"
        case let .notEmpty(directory):
            "\(directory) is not empty and holds no store (store.json); give --init to make a store there anyway"
        case let .unsafeDirectory(path):
            "\(path): a store directory you may write must belong to you or a group of yours, and none may be "
                + "writable by everyone (chmod o-w); refusing to use it"
        }
    }
}
