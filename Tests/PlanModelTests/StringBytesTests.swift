import PlanModel
import Testing

@Suite("Unit names by their bytes")
struct StringBytesTests {
    @Test("same bytes, not merely the same text: é and e + combining acute are equal Strings but different names")
    func sameBytes() {
        #expect("区发改委".hasSameBytes(as: "区发改委"))
        #expect("".hasSameBytes(as: ""))
        #expect(!"区发改委".hasSameBytes(as: "区经委"))
        #expect(!"区发改委".hasSameBytes(as: "区发改"))
        #expect("é" == "e\u{301}" && !"é".hasSameBytes(as: "e\u{301}"))
    }

    @Test("FNV-1a of the UTF-8 bytes, with the published test values, and continuing from a seed")
    func fnv1a() {
        #expect("".fnv1a() == 0xcbf2_9ce4_8422_2325)
        #expect("a".fnv1a() == 0xaf63_dc4c_8601_ec8c)
        #expect("foobar".fnv1a() == 0x8594_4171_f739_67e8)
        #expect("bar".fnv1a(seed: "foo".fnv1a()) == "foobar".fnv1a())
    }
}
