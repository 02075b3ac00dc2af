import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The user's home directory: `$HOME` when it is set, as the XDG base directories
/// (store, settings, themes) are defined from it and as `sudo -E`, a container or a
/// test sets it; else the account's (`getpwuid`).
enum Home {
    /// The process's environment, read once: duban never changes it, and each read of
    /// `ProcessInfo.environment` builds the whole dictionary again (eight a command).
    static let environment = ProcessInfo.processInfo.environment

    static func directory(environment: [String: String] = Home.environment) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? account(getpwuid(getuid())) ?? "/"
    }

    /// `~` and `~/…` from the home directory, `~name/…` from that account's; anything else as it is.
    static func expandingTilde(in path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let name = path[path.index(after: path.startIndex)..<slash]
        guard let home = name.isEmpty ? directory() : account(getpwnam(String(name))) else { return path }
        return home + path[slash...]
    }

    private static func account(_ entry: UnsafeMutablePointer<passwd>?) -> String? {
        entry?.pointee.pw_dir.map { String(cString: $0) }
    }
}
