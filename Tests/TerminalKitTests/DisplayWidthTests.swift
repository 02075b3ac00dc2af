import Glibc
import Testing
@testable import TerminalKit
import TestSupport

@_silgen_name("wcwidth") private func c_wcwidth(_ c: wchar_t) -> Int32

@Suite("Display width")
struct DisplayWidthTests {
    @Test("matches the glibc table from the field notes", arguments: [
        ("中", 2), ("𠀀", 2), ("가", 2), ("，", 2), ("（", 2), ("）", 2), ("。", 2), ("、", 2), ("〜", 2), ("～", 2), ("\u{3000}", 2),
        ("😀", 2), ("👍", 2), ("✅", 2),
        ("“", 1), ("”", 1), ("…", 1), ("·", 1), ("—", 1), ("─", 1), ("│", 1), ("❤", 1), ("☺", 1), ("ｱ", 1), ("a", 1),
        ("\u{0301}", 0), ("\u{200B}", 0), ("\u{200D}", 0), ("\u{FE0F}", 0),
    ])
    func table(text: String, width: Int) {
        #expect(DisplayWidth.of(text.unicodeScalars.first!) == width)
    }

    @Test("a flag counts 1+1 and a string adds its characters")
    func sums() {
        #expect(DisplayWidth.of(Character("🇨🇳")) == 2)
        #expect(DisplayWidth.of("AI+政务服务 2.0") == 15)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        // Printable ASCII counts a column a byte; a control character still counts 0, as on its own.
        #expect(DisplayWidth.of("jinshan-2026:1.2") == 16)
        #expect(DisplayWidth.of("a\tb\u{7F}") == 2)
    }

    @Test("a scalar summed on its own is a character of its own beside any other such scalar, as wide as alone")
    func standaloneScalars() {
        let neighbours: [Unicode.Scalar] = ["a", "中", "，", "Ａ"]
        for v in UInt32(0)...0xFFFF {
            guard let width = DisplayWidth.standalone(v), let scalar = Unicode.Scalar(v) else { continue }
            #expect(width == DisplayWidth.of(scalar), "U+\(String(v, radix: 16))")
            for neighbour in neighbours {
                var pair = String.UnicodeScalarView()
                pair.append(neighbour)
                pair.append(scalar)
                pair.append(neighbour)
                #expect(String(pair).count == 3, "U+\(String(v, radix: 16)) joins \(neighbour)")
            }
        }
    }

    @Test("a string is as wide as its characters, whatever marks, joiners or jamo follow its CJK and ASCII", arguments: 1...4 as ClosedRange<UInt64>)
    func stringsSumTheirCharacters(seed: UInt64) {
        // Scalars that are characters on their own, and ones that join the character before or after them.
        let pool: [Unicode.Scalar] = ["a", " ", "~", "é", "中", "，", "\u{3000}", "ぁ", "\u{3099}", "\u{309A}", "ア", "Ａ", "￥", "“", "…",
                                      "\u{0301}", "\u{20E3}", "\u{200D}", "\u{FE0F}", "\u{1100}", "\u{1161}", "\u{11A8}", "가",
                                      "\u{1F1E8}", "\u{1F1F3}", "👍", "\u{1F3FD}", "\r", "\n", "\u{E0067}", "\u{0E31}", "\u{0915}", "\u{094D}"]
        var random = RandomScalars(seed: seed)
        for _ in 0..<2_000 {
            let string = random.string(of: pool, upTo: 8)
            #expect(DisplayWidth.of(string) == string.reduce(0) { $0 + DisplayWidth.of($1) }, "\(string.scalarCodes)")
        }
    }

    @Test("an emoji sequence is measured as it is drawn: without joiners, emoji selectors and skin tones; a flag one piece of 2", arguments: [
        ("👨‍👩‍👧‍👦", ["👨", "👩", "👧", "👦"], 8), ("🏳️‍🌈", ["🏳", "🌈"], 3), ("❤️", ["❤"], 1), ("👍🏽", ["👍"], 2), ("🇨🇳", ["🇨🇳"], 2),
        ("e\u{0301}", ["e\u{0301}"], 1), ("1️⃣", ["1\u{20E3}"], 1), ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", ["🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"], 2),
    ])
    func sequences(text: String, pieces: [String], width: Int) {
        let character = Character(text)
        #expect(DisplayWidth.pieces(of: character).map(\.text) == pieces)
        #expect(DisplayWidth.pieces(of: character).allSatisfy { (1...2).contains($0.width) })
        #expect(DisplayWidth.of(character) == width)
    }

    @Test("agrees with glibc wcwidth on every scalar glibc knows, up to plane 3")
    func agreesWithGlibc() {
        setlocale(LC_CTYPE, "C.UTF-8")
        var disagreements: [String] = []
        for value in UInt32(0x20)...0x3FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let libc = c_wcwidth(wchar_t(bitPattern: value))
            guard libc >= 0 else { continue } // unassigned or control: glibc does not know
            // Known differences: prepended concatenation marks (field notes) and U+1171E, a mark
            // whose category changed in a Unicode version newer than glibc 2.36's.
            if [0x1171E, 0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD].contains(value) { continue }
            if DisplayWidth.of(scalar) != Int(libc), disagreements.count < 60 {
                disagreements.append("U+\(String(value, radix: 16, uppercase: true)) libc \(libc) ours \(DisplayWidth.of(scalar))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }
}
