import Testing
@testable import Dashboard

@Suite("ListCursor")
struct ListCursorTests {
    @Test("moving keeps the row inside the list and scrolls as little as possible to show it")
    func move() {
        var cursor = ListCursor(count: 10, visibleRows: 4)
        #expect(cursor.row == 0 && cursor.offset == 0)
        cursor.move(by: 3)
        #expect(cursor.row == 3 && cursor.offset == 0)
        cursor.move(by: 1)
        #expect(cursor.row == 4 && cursor.offset == 1)   // one line down: the list scrolls by one
        cursor.move(by: -2)
        #expect(cursor.row == 2 && cursor.offset == 1)   // still in view: no scroll
        cursor.move(by: -5)
        #expect(cursor.row == 0 && cursor.offset == 0)
        cursor.move(by: 100)
        #expect(cursor.row == 9 && cursor.offset == 6)
        cursor.move(by: .max)
        #expect(cursor.row == 9)
        cursor.move(by: .min)
        #expect(cursor.row == 0)
    }

    @Test("a page moves by the rows shown less one; top and bottom go to the ends")
    func page() {
        var cursor = ListCursor(count: 20, visibleRows: 5)
        cursor.page(by: 1)
        #expect(cursor.row == 4 && cursor.offset == 0)
        cursor.page(by: 2)
        #expect(cursor.row == 12 && cursor.offset == 8)
        cursor.page(by: -1)
        #expect(cursor.row == 8 && cursor.offset == 8)
        cursor.moveToBottom()
        #expect(cursor.row == 19 && cursor.offset == 15)
        cursor.moveToTop()
        #expect(cursor.row == 0 && cursor.offset == 0)
        var one = ListCursor(count: 3, visibleRows: 1)
        one.page(by: 1)
        #expect(one.row == 1 && one.offset == 1)         // a one-row window still moves
    }

    @Test("a list that shrinks or a window that grows clamps the row and the offset")
    func fit() {
        var cursor = ListCursor(count: 30, visibleRows: 10)
        cursor.select(25)
        #expect(cursor.row == 25 && cursor.offset == 16)
        cursor.fit(count: 12, visibleRows: 10)
        #expect(cursor.row == 11 && cursor.offset == 2)
        cursor.fit(count: 12, visibleRows: 20)
        #expect(cursor.row == 11 && cursor.offset == 0)
        cursor.fit(count: 0, visibleRows: 20)
        #expect(cursor.row == 0 && cursor.offset == 0 && cursor.count == 0)
        cursor.move(by: 1)
        #expect(cursor.row == 0)
    }

    @Test("hit-testing a visible line gives the row drawn there, nil below the last row or outside the window")
    func hitTest() {
        var cursor = ListCursor(count: 12, visibleRows: 5)
        cursor.select(9)
        #expect(cursor.offset == 5)
        #expect(cursor.row(atLine: 0) == 5)
        #expect(cursor.row(atLine: 4) == 9)
        #expect(cursor.row(atLine: 5) == nil)
        #expect(cursor.row(atLine: -1) == nil)
        cursor.moveToBottom()
        #expect(cursor.offset == 7 && cursor.row(atLine: 4) == 11)
        let short = ListCursor(count: 2, visibleRows: 5)
        #expect(short.row(atLine: 1) == 1 && short.row(atLine: 2) == nil)
    }
}
