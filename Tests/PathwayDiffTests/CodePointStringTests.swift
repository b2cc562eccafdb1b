import Testing
@testable import PathwayDiff

@Suite("code-point comparison of strings")
struct CodePointStringTests {
    @Test func ordersByUnicodeScalarValue() {
        let sorted = ["é", "b", "Z", "a", "É", "e\u{301}", "Ω", "😀", "ab", "a"].map(CodePointString.init).sorted().map(\.value)
        #expect(sorted.map { $0.unicodeScalars.map(\.value) } == [
            [0x5A], [0x61], [0x61], [0x61, 0x62], [0x62], [0x65, 0x301], [0xC9], [0xE9], [0x3A9], [0x1F600],
        ])
    }

    @Test func equalityIsExactCodePoints() {
        #expect("\u{E9}" == "e\u{301}")  // Swift String: canonically equivalent
        #expect(CodePointString("\u{E9}") != CodePointString("e\u{301}"))
        #expect(CodePointString("CPAT East") == CodePointString("CPAT East"))
        #expect(Set([CodePointString("\u{E9}"), CodePointString("e\u{301}")]).count == 2)
        #expect(CodePointString.precedes("e\u{301}", "\u{E9}"))
        #expect(!CodePointString.precedes("\u{E9}", "e\u{301}"))
    }
}
