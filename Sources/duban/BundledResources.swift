import Foundation

/// Where a folder shipped with duban (`Themes`, `Samples`) is, wherever the binary
/// runs from: the installed layout `<exe>/../lib/duban/NAME` (not share/duban: with the
/// prefix ~/.local that is the default store), the SwiftPM resource bundle beside the
/// binary, and `<exe>/NAME`. Built by hand rather than through
/// `Bundle.module`, which stops the process when its bundle has gone.
enum BundledResources {
    static func directories(named name: String) -> [String] {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return [] }
        let directory = executable.deletingLastPathComponent()
        return [
            directory.appendingPathComponent("../lib/duban/\(name)").standardizedFileURL.path,
            directory.appendingPathComponent("duban_duban.resources/\(name)").path,
            directory.appendingPathComponent(name).path,
        ]
    }
}
