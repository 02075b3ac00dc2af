/// The language of the interface labels and report headers; plan text is always shown as written.
public enum Language: String, CaseIterable, Equatable, Sendable, Codable {
    case en, zh

    /// `zh` when `LC_ALL` (or, when that is unset or empty, `LANG`) starts with `zh`; else `en`.
    public static func detect(environment: [String: String]) -> Language {
        let setting = [environment["LC_ALL"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return setting.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The English or the Chinese of a word or phrase.
    public func pick(_ en: String, _ zh: String) -> String { self == .zh ? zh : en }
}
