import FoundationEssentials
import PlanModel
#if canImport(Glibc)
import Glibc
#endif

/// Where a folder shipped with duban (`Themes`, `Samples`) is, wherever the binary
/// runs from: the installed layout `<exe>/../lib/duban/NAME` (not share/duban: with the
/// prefix ~/.local that is the default store), `<exe>/NAME`, and the checkout the binary
/// was built from (`swift run`). Not a SwiftPM resource bundle: its accessor is
/// swift-corelibs-foundation's `Bundle`, and `Bundle.module` stops the process when its bundle has gone.
enum BundledResources {
    static func directories(named name: String) -> [String] {
        var located: [String] = []
        if let directory = executable.map(Path.parent) {
            // The link resolved, so the parent of bin is a plain path (no `..` in paths shown to the officer).
            located += [Path.parent(of: directory) + "/lib/duban/" + name, directory + "/" + name]
        }
        // The package's root, three levels above this file.
        let checkout = Path.parent(of: Path.parent(of: Path.parent(of: #filePath)))
        return located + [checkout + (name == "Samples" ? "/Sources/duban/Samples" : "/" + name)]
    }

    /// The running binary, symlinks resolved (`/proc/self/exe`).
    private static var executable: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return length > 0 ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }
}
