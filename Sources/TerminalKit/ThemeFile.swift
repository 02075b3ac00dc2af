import FoundationEssentials
import JSONTree

/// One theme file as written: a palette of named colours and styles per slot,
/// optionally on top of another theme (`inherits`). Colours stay unresolved
/// until the palettes of the whole `inherits` chain are merged.
public struct ThemeFile: Equatable, Sendable {
    public struct SlotSpec: Equatable, Sendable {
        public var foreground: String?
        public var background: String?
        public var bold: Bool?
        public var underline: Bool?
        public var reverse: Bool?
        public var dim: Bool?
    }

    public var file: String
    public var name: String?
    public var inherits: String?
    public var palette: [String: String]
    public var slots: [StyleSlot: SlotSpec]

    static let topKeys: Set<String> = ["name", "inherits", "description", "palette", "slots"]
    static let styleKeys: Set<String> = ["fg", "bg", "bold", "underline", "reverse", "dim"]

    /// Parses and checks a theme file; every problem names the file and the key.
    public init(data: Data, file: String) throws(ThemeProblem) {
        self.file = file
        guard let decoded = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw ThemeProblem(file: file, reason: "not valid JSON")
        }
        guard case let .object(root) = decoded else { throw ThemeProblem(file: file, reason: "not a JSON object") }
        if let bad = root.keys.sorted().first(where: { !Self.topKeys.contains($0) }) {
            throw ThemeProblem(file: file, key: bad, reason: "unknown key")
        }
        func string(_ key: String) throws(ThemeProblem) -> String? {
            guard let value = root[key] else { return nil }
            guard case let .string(s) = value else { throw ThemeProblem(file: file, key: key, reason: "must be a string") }
            return s
        }
        name = try string("name")
        inherits = try string("inherits")
        _ = try string("description")
        palette = [:]
        if let raw = root["palette"] {
            guard case let .object(table) = raw else { throw ThemeProblem(file: file, key: "palette", reason: "must be an object") }
            for (colourName, value) in table {
                guard let s = value.colourText, Color(s) != nil else {
                    throw ThemeProblem(file: file, key: "palette.\(colourName)",
                                       reason: "not a colour (#rrggbb, 0-255, an ANSI name or default)")
                }
                palette[colourName] = s
            }
        }
        slots = [:]
        if let raw = root["slots"] {
            guard case let .object(table) = raw else { throw ThemeProblem(file: file, key: "slots", reason: "must be an object") }
            for (slotName, value) in table.sorted(by: { $0.key < $1.key }) {
                let key = "slots.\(slotName)"
                guard let slot = StyleSlot(rawValue: slotName) else { throw ThemeProblem(file: file, key: key, reason: "unknown slot") }
                guard case let .object(fields) = value else { throw ThemeProblem(file: file, key: key, reason: "must be an object") }
                if let bad = fields.keys.sorted().first(where: { !Self.styleKeys.contains($0) }) {
                    throw ThemeProblem(file: file, key: "\(key).\(bad)", reason: "unknown key (fg, bg, bold, underline, reverse, dim)")
                }
                var spec = SlotSpec()
                for colourKey in ["fg", "bg"] {
                    guard let v = fields[colourKey] else { continue }
                    guard let s = v.colourText else {
                        throw ThemeProblem(file: file, key: "\(key).\(colourKey)", reason: "must be a colour name or value")
                    }
                    if colourKey == "fg" { spec.foreground = s } else { spec.background = s }
                }
                func flag(_ name: String) throws(ThemeProblem) -> Bool? {
                    guard let v = fields[name] else { return nil }
                    guard case let .bool(b) = v else { throw ThemeProblem(file: file, key: "\(key).\(name)", reason: "must be true or false") }
                    return b
                }
                spec.bold = try flag("bold")
                spec.underline = try flag("underline")
                spec.reverse = try flag("reverse")
                spec.dim = try flag("dim")
                slots[slot] = spec
            }
        }
    }

    /// This file on top of `base` (what it inherits): palettes and slot fields merge.
    func merged(over base: ThemeFile) -> ThemeFile {
        var result = self
        result.palette = base.palette.merging(palette) { _, mine in mine }
        for (slot, spec) in base.slots {
            guard let mine = slots[slot] else { result.slots[slot] = spec; continue }
            result.slots[slot] = SlotSpec(foreground: mine.foreground ?? spec.foreground,
                                          background: mine.background ?? spec.background,
                                          bold: mine.bold ?? spec.bold, underline: mine.underline ?? spec.underline,
                                          reverse: mine.reverse ?? spec.reverse, dim: mine.dim ?? spec.dim)
        }
        return result
    }

    /// Resolves palette names and colour values into a theme.
    func resolve(name fallbackName: String) throws(ThemeProblem) -> Theme {
        var declared: [StyleSlot: Style] = [:]
        for (slot, spec) in slots {
            func colour(_ text: String?, _ field: String) throws(ThemeProblem) -> Color? {
                guard let text else { return nil }
                if let named = palette[text], let c = Color(named) { return c }
                if let c = Color(text) { return c }
                throw ThemeProblem(file: file, key: "slots.\(slot.rawValue).\(field)", reason: "unknown colour '\(text)'")
            }
            declared[slot] = Style(foreground: try colour(spec.foreground, "fg"), background: try colour(spec.background, "bg"),
                                   bold: spec.bold, underline: spec.underline, reverse: spec.reverse, dim: spec.dim)
        }
        return Theme(name: name ?? fallbackName, declared: declared)
    }
}

private extension JSONValue {
    /// A colour written as a string or as a bare 0–255 number.
    var colourText: String? {
        switch self {
        case let .string(s): s
        case let .integer(n): String(n)
        case let .number(n) where n == n.rounded(): String(Int(n))
        default: nil
        }
    }
}
