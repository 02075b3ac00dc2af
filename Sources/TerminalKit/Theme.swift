/// A resolved theme: a complete style for every slot, after palette lookup,
/// `inherits` and dotted fallback.
public struct Theme: Equatable, Sendable {
    public var name: String
    private var styles: [StyleSlot: Style]

    /// Resolves declared slot styles: each field falls back along the slot's parents.
    public init(name: String, declared: [StyleSlot: Style]) {
        self.name = name
        var resolved: [StyleSlot: Style] = [:]
        func resolve(_ slot: StyleSlot) -> Style {
            if let done = resolved[slot] { return done }
            let own = declared[slot] ?? Style()
            let style = slot.parent.map { own.over(resolve($0)) } ?? own
            resolved[slot] = style
            return style
        }
        for slot in StyleSlot.allCases { _ = resolve(slot) }
        styles = resolved
    }

    public func style(_ slot: StyleSlot) -> Style { styles[slot] ?? Style() }

    /// The compiled-in dark default, so the app runs without a Themes folder.
    public static let builtin: Theme = BuiltinThemes.theme(named: "default") ?? Theme(name: "default", declared: [:])

    /// No colours, only attributes: for `NO_COLOR` and colourless terminals.
    public static let monochrome: Theme = BuiltinThemes.theme(named: "monochrome") ?? Theme(name: "monochrome", declared: [:])
}
