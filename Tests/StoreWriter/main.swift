// A child process for PlanStore's crash and concurrency tests:
//     duban-store-writer STORE OFFICER FIRST COUNT
// marks measures `w-2026:1.FIRST` … `w-2026:1.(FIRST+COUNT-1)` done one by one, as
// `duban done` does, and prints each event id once the store has acknowledged it.
import Foundation
import PlanStore

let arguments = CommandLine.arguments
guard arguments.count == 5, let first = Int(arguments[3]), let count = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: duban-store-writer STORE OFFICER FIRST COUNT\n".utf8))
    exit(2)
}
do {
    let store = try JSONPlanStore.open(at: URL(fileURLWithPath: arguments[1])) { message in
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
    for n in first..<(first + count) {
        let id = "w-2026:1.\(n)"
        let factory = EventFactory(officer: arguments[2], time: Date())
        guard let event = try factory.status(.done, of: id, in: try store.workspace(for: [id])) else { continue }
        try store.record([event])
        FileHandle.standardOutput.write(Data((event.id + "\n").utf8))
    }
} catch {
    FileHandle.standardError.write(Data("duban-store-writer: \(error)\n".utf8))
    exit(1)
}
