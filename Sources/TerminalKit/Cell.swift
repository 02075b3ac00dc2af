/// One terminal cell: a grapheme with its display width and style slot. A 2-column
/// grapheme occupies its cell and the next, a continuation cell (empty text, width 0).
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: Int
    public var slot: StyleSlot

    public init(text: String, width: Int, slot: StyleSlot) {
        self.text = text
        self.width = width
        self.slot = slot
    }

    public static func blank(_ slot: StyleSlot = .text) -> Cell { Cell(text: " ", width: 1, slot: slot) }
    public static func continuation(_ slot: StyleSlot) -> Cell { Cell(text: "", width: 0, slot: slot) }

    public var isContinuation: Bool { width == 0 }
}
