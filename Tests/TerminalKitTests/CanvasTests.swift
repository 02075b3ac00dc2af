import Testing
@testable import TerminalKit

@Suite("Canvas of cells")
struct CanvasTests {
    @Test("a wide character takes its cell and a continuation cell")
    func wide() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        #expect(canvas.write("中a", column: 0, row: 0, slot: .title) == 3)
        #expect(canvas[0, 0] == Cell(text: "中", width: 2, slot: .title))
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas.lines == ["中a   "])
    }

    @Test("overwriting half of a wide character blanks the other half")
    func repairs() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.write("中文", column: 0, row: 0, slot: .text)
        canvas.write("x", column: 1, row: 0, slot: .text)
        #expect(canvas.lines == [" x文  "])
        canvas.write("y", column: 2, row: 0, slot: .text)
        #expect(canvas.lines == [" xy   "])
    }

    @Test("emoji sequences (ZWJ family, rainbow flag, VS16, skin tone, a flag) drawn over text leave no stale fragment: every column is one cell's, once")
    func sequencesLeaveNoFragments() {
        var canvas = Canvas(size: Size(width: 24, height: 1))
        canvas.write("0123456789abcdefghijklmn", column: 0, row: 0, slot: .text)
        #expect(canvas.write("👨‍👩‍👧‍👦🏳️‍🌈❤️👍🏽🇨🇳x", column: 0, row: 0, slot: .text) == 17)
        #expect(canvas.lines == ["👨👩👧👦🏳🌈❤👍🇨🇳xhijklmn"])
        var covered = 0
        for column in 0..<canvas.size.width {
            let cell = canvas[column, 0]
            #expect((1...2).contains(cell.width) || (cell.isContinuation && column > 0 && canvas[column - 1, 0].width == 2), "column \(column)")
            #expect(!cell.text.unicodeScalars.contains { $0.value == 0x200D || $0.value == 0xFE0F }, "column \(column)")
            covered += cell.width
        }
        #expect(covered == canvas.size.width)
        canvas.write("ab", column: 1, row: 0, slot: .text)
        #expect(canvas.lines == [" ab 👧👦🏳🌈❤👍🇨🇳xhijklmn"])
    }

    @Test("a wide character that does not fit at the edge leaves a blank, never half a character")
    func clipping() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        #expect(canvas.write("ab中文", column: 0, row: 0, slot: .text) == 5)
        #expect(canvas.lines == ["ab中 "])
        var limited = Canvas(size: Size(width: 8, height: 1))
        limited.write("中文字", column: 1, row: 0, slot: .text, limit: 3)
        #expect(limited.lines == [" 中     "])
    }

    @Test("search highlighting restyles exactly the matching cells, ignoring ASCII case")
    func highlight() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        canvas.write("优化AI服务", column: 0, row: 0, slot: .text)
        canvas.highlight("ai服", row: 0, column: 0, width: 10, slot: .searchMatch)
        let slots = canvas.slots(row: 0)
        #expect(slots[0..<4].allSatisfy { $0 == .text })
        #expect(slots[4..<8].allSatisfy { $0 == .searchMatch })
        #expect(slots[8] == .text)
    }

    @Test("a table pads every row so the columns line up")
    func table() {
        var canvas = Canvas(size: Size(width: 20, height: 3))
        let rows = [["中文标题很长很长", "1/3"], ["ASCII title", "10/12"]]
        Table(columns: [.init(.flexible(minimum: 4)), .init(.fixed(5), alignment: .trailing)], header: ["T", "#"],
              rowCount: 2) { rows[$0].map { Table.Item($0) } }
            .render(in: canvas.bounds, on: &canvas)
        #expect(canvas.lines == ["T                  #", "中文标题很长…    1/3", "ASCII title    10/12"])
    }

    @Test("a gauge fills whole cells only when done", arguments: [(0.0, 0), (0.5, 5), (0.99, 9), (1.0, 10)])
    func gauge(fraction: Double, filled: Int) {
        #expect(Gauge.filledCells(fraction: fraction, width: 10) == filled)
    }
}
