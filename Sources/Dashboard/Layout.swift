import TerminalKit

/// Where everything goes for a terminal size: used by the screens to draw and by
/// `apply` to scroll and to map mouse clicks, so the two always agree.
public struct Layout: Equatable, Sendable {
    public static let minimumSize = Size(width: 40, height: 10)

    public let size: Size

    public init(size: Size) {
        self.size = size
    }

    public var isTooSmall: Bool { size.width < Layout.minimumSize.width || size.height < Layout.minimumSize.height }

    var full: Rect { Rect(size: size) }
    public var titleBar: Rect { full.line(0) }
    public var body: Rect { Rect(column: 0, row: 1, width: size.width, height: size.height - 3) }
    public var statusLine: Rect { full.line(size.height - 2) }
    public var footer: Rect { full.line(size.height - 1) }

    /// Lists have one header row above their rows.
    public var listRows: Int { max(1, body.height - 1) }

    public var pillarWidth: Int { min(34, max(16, size.width * 3 / 10)) }
    public var separatorColumn: Int { pillarWidth }

    /// The unit picker's box over the body for `options` names: up to 12 shown,
    /// below the typed line and, for `a`, the role line.
    public func pickerBox(options: Int, kind: UnitPicker.Kind) -> Rect {
        let width = min(body.width - 2, 52)
        let height = min(body.height, 2 + pickerHeaderRows(kind) + max(1, min(options, 12)))
        return body.centered(Size(width: width, height: height))
    }

    /// Rows of the picker above its list: what is typed, and the role for `a`.
    func pickerHeaderRows(_ kind: UnitPicker.Kind) -> Int { kind == .assign ? 2 : 1 }

    /// How many names the picker shows at once.
    public func pickerRows(options: Int, kind: UnitPicker.Kind) -> Int {
        max(1, pickerBox(options: options, kind: kind).height - 2 - pickerHeaderRows(kind))
    }
}
