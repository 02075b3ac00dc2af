/// How a slot looks: colours and attributes. A field left nil in a theme falls
/// back to the slot's parent.
public struct Style: Equatable, Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool?
    public var underline: Bool?
    public var reverse: Bool?
    public var dim: Bool?

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool? = nil,
                underline: Bool? = nil, reverse: Bool? = nil, dim: Bool? = nil) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// This style with its unset fields taken from `fallback`.
    public func over(_ fallback: Style) -> Style {
        Style(foreground: foreground ?? fallback.foreground, background: background ?? fallback.background,
              bold: bold ?? fallback.bold, underline: underline ?? fallback.underline,
              reverse: reverse ?? fallback.reverse, dim: dim ?? fallback.dim)
    }
}
