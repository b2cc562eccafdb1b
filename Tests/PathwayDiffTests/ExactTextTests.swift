import PathwayCore
import Testing
@testable import PathwayDiff

@Suite("code-point comparison of strings")
struct ExactTextTests {
    @Test func ordersByUnicodeScalarValue() {
        let sorted = ["é", "b", "Z", "a", "É", "e\u{301}", "Ω", "😀", "ab", "a"].map(ExactText.init).sorted().map(\.value)
        #expect(sorted.map { $0.unicodeScalars.map(\.value) } == [
            [0x5A], [0x61], [0x61], [0x61, 0x62], [0x62], [0x65, 0x301], [0xC9], [0xE9], [0x3A9], [0x1F600],
        ])
    }

    @Test func equalityIsExactCodePoints() {
        #expect("\u{E9}" == "e\u{301}")  // Swift String: canonically equivalent
        #expect(ExactText("\u{E9}") != ExactText("e\u{301}"))
        #expect(ExactText("CPAT East") == ExactText("CPAT East"))
        #expect(Set([ExactText("\u{E9}"), ExactText("e\u{301}")]).count == 2)
        #expect(ExactText.precedes("e\u{301}", "\u{E9}"))
        #expect(!ExactText.precedes("\u{E9}", "e\u{301}"))
    }
}
