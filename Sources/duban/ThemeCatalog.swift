import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import TerminalKit

/// Where themes are looked up: user themes in `$XDG_CONFIG_HOME/duban/themes`
/// first (they override bundled ones), then the bundled `Themes` folder, then the
/// themes compiled into the binary.
struct ThemeCatalog {
    let loader: ThemeLoader

    init(environment: [String: String]) {
        var directories: [String] = []
        let home = Home.directory(environment: environment)
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        directories.append(config + "/duban/themes")
        directories += ThemeCatalog.bundledDirectories(environment: environment)
        loader = ThemeLoader(directories: directories.filter {
            var info = stat()
            return stat($0, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        })
    }

    /// The bundled Themes folder: `$DUBAN_THEMES`, `./Themes` (`swift run` from
    /// the checkout), then beside the binary (`BundledResources`).
    static func bundledDirectories(environment: [String: String]) -> [String] {
        var directories: [String] = []
        if let override = environment["DUBAN_THEMES"], !override.isEmpty { directories.append(override) }
        directories.append(FileManager.default.currentDirectoryPath + "/Themes")
        return directories + BundledResources.directories(named: "Themes")
    }

    /// The theme to start with: NO_COLOR wins, then `--theme`, then `$DUBAN_THEME`, then the one `t` last saved.
    static func initialName(option: String?, environment: [String: String], saved: String? = nil, noColor: Bool) -> String {
        if noColor { return "monochrome" }
        return option ?? environment["DUBAN_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? saved ?? "default"
    }
}
