@preconcurrency import CNcursesw
import Glibc
import TerminalKit

/// The terminal through ncursesw: the only code that imports curses. Draws a
/// `Canvas` by writing only the cells that changed since the last frame, maps
/// style slots to colour pairs of the active theme, and decodes keys and mouse.
public final class NcursesTerminal {
    public enum Failure: Error, CustomStringConvertible {
        case dumbTerminal
        case cannotOpen(String)

        public var description: String {
            switch self {
            case .dumbTerminal: "TERM=dumb cannot show the dashboard; use a terminal such as xterm-256color"
            case let .cannotOpen(term): "cannot open the terminal (TERM=\(term)); run duban in a terminal"
            }
        }
    }

    /// How many colours the theme may use.
    public enum ColorMode: Sendable { case none, eight, full }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    public let colorMode: ColorMode
    private var slotAttributes: [StyleSlot: Int32] = [:]
    private var previous: Canvas?
    private var isOpen = true

    /// Starts curses on the process's terminal. `noColor` is `NO_COLOR` (ncurses ignores it).
    public init(noColor: Bool) throws {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term == "dumb" { throw Failure.dumbTerminal }
        // The locale must be UTF-8 before curses starts, or CJK text turns to junk.
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            throw Failure.cannotOpen(term)
        }
        // newterm returns nil on an unknown TERM where initscr would exit the process.
        guard let screen = newterm(nil, output, input), let window = shim_stdscr() else {
            throw Failure.cannotOpen(term.isEmpty ? "unset" : term)
        }
        self.screen = screen
        self.window = window
        self.input = input
        self.output = output
        raw()                 // Ctrl-C arrives as a key, so quitting always goes through restore()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        mouseinterval(0)
        _ = mousemask(SHIM_BUTTON1_PRESSED | SHIM_BUTTON1_CLICKED | SHIM_BUTTON4_PRESSED | SHIM_BUTTON5_PRESSED, nil)
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            colorMode = shim_colors() >= 256 ? .full : .eight
        } else {
            colorMode = .none
        }
    }

    deinit { restore() }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// Leaves curses and gives the terminal back as it was. Safe to call twice.
    public func restore() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        delscreen(screen)
        fflush(output)
    }

    /// Resolves every slot of `theme` to a colour pair and attributes; the next
    /// draw repaints everything.
    public func use(_ theme: Theme) {
        var pairs: [Int32: Int16] = [:]
        let pairLimit = Int(shim_color_pairs())
        slotAttributes = [:]
        let textBackground = theme.style(.text).background
        for slot in StyleSlot.allCases {
            var style = theme.style(slot)
            // With 8 colours a highlight background (selection, status line) often lands on the
            // same colour as the text background and would vanish: show it reversed instead.
            if colorMode == .eight, let background = style.background, background != textBackground,
               background.index8 == (textBackground?.index8 ?? 0) {
                style.background = textBackground
                style.reverse = !(style.reverse ?? false)
            }
            var attributes: UInt32 = 0
            if style.bold == true { attributes |= SHIM_A_BOLD }
            if style.underline == true { attributes |= SHIM_A_UNDERLINE }
            if style.reverse == true { attributes |= SHIM_A_REVERSE }
            if style.dim == true { attributes |= SHIM_A_DIM }
            var value = Int32(bitPattern: attributes)
            if colorMode != .none {
                let fg = colorIndex(style.foreground), bg = colorIndex(style.background)
                if fg >= 0 || bg >= 0 {
                    let key = Int32(fg + 1) << 16 | Int32(bg + 1)
                    var pair = pairs[key]
                    if pair == nil, pairs.count + 1 < pairLimit {
                        let next = Int16(pairs.count + 1)
                        init_pair(next, fg, bg)
                        pairs[key] = next
                        pair = next
                    }
                    if let pair { value |= COLOR_PAIR(Int32(pair)) }
                }
            }
            slotAttributes[slot] = value
        }
        previous = nil
    }

    private func colorIndex(_ color: Color?) -> Int16 {
        guard let color else { return -1 }
        switch colorMode {
        case .none: return -1
        case .eight: return color.index8.map(Int16.init) ?? -1
        case .full: return color.index256.map(Int16.init) ?? -1
        }
    }

    /// Writes the cells that differ from the last frame, in runs of one style.
    public func draw(_ canvas: Canvas) {
        let full = previous?.size != canvas.size
        if full { werase(window) }
        let width = canvas.size.width
        for row in 0..<canvas.size.height {
            var column = 0
            while column < width {
                if !full, let previous, previous[column, row] == canvas[column, row] { column += 1; continue }
                if canvas[column, row].isContinuation { column += 1; continue }
                let slot = canvas[column, row].slot
                let start = column
                var text = ""
                while column < width, canvas[column, row].slot == slot,
                      full || column == start || previous?[column, row] != canvas[column, row] || canvas[column, row].isContinuation {
                    let cell = canvas[column, row]
                    if !cell.isContinuation { text += cell.text }
                    column += 1
                }
                wattrset(window, slotAttributes[slot] ?? 0)
                mvwaddstr(window, Int32(row), Int32(start), text)
            }
        }
        wrefresh(window)
        previous = canvas
    }

    /// Waits for the next key, mouse report or resize, at most `milliseconds` (nil: until one
    /// comes); nil when the time ran out or for input it does not know.
    public func readKey(waitingAtMost milliseconds: Int32? = nil) -> Key? {
        wtimeout(window, milliseconds ?? -1)
        var ch: wint_t = 0
        let result = wget_wch(window, &ch)
        let code = Int32(bitPattern: ch)
        if result == KEY_CODE_YES {
            switch code {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_RESIZE: previous = nil; return .resize(size)
            case KEY_MOUSE: return mouse()
            default: return nil
            }
        }
        guard result == OK else { return nil }
        switch code {
        case 27: return .escape
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 9: return .tab
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(96 + code))))
        default: return Unicode.Scalar(UInt32(ch)).map { .character(Character($0)) }
        }
    }

    private func mouse() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let kind: MouseEvent.Kind
        if state & SHIM_BUTTON4_PRESSED != 0 { kind = .wheelUp }
        else if state & SHIM_BUTTON5_PRESSED != 0 { kind = .wheelDown }
        else if state & (SHIM_BUTTON1_PRESSED | SHIM_BUTTON1_CLICKED) != 0 { kind = .click }
        else { return nil }
        return .mouse(MouseEvent(kind: kind, column: Int(event.x), row: Int(event.y)))
    }
}
