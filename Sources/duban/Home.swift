import Foundation

/// The user's home directory: `$HOME` when it is set, as the XDG base directories
/// (store, settings, themes) are defined from it and as `sudo -E`, a container or a
/// test sets it; else the account's. Foundation's `NSHomeDirectory()` reads only the account.
enum Home {
    /// The process's environment, read once: duban never changes it, and each read of
    /// `ProcessInfo.environment` builds the whole dictionary again (eight a command).
    static let environment = ProcessInfo.processInfo.environment

    static func directory(environment: [String: String] = Home.environment) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }
}
