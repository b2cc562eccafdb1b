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

    /// The same text held as a small string and in a heap buffer, short and long, and texts that differ
    /// in one byte or in length: `==` answers by the bytes however the Strings hold them.
    @Test func equalityDoesNotDependOnHowTheTextIsHeld() {
        for text in ["C0000001", "CH123456789012", "a team with a long name", "caf\u{E9}"] {
            var held = String()
            held.reserveCapacity(64)  // a heap buffer, even for text that fits a small string
            held.append(text)
            #expect(ExactText(held) == ExactText(text), "\(text)")
            #expect(ExactText(text) == ExactText(held), "\(text)")
            var other = held
            other.append("x")
            #expect(ExactText(other) != ExactText(text + "y"), "\(text)")
            #expect(ExactText(text + "x") != ExactText(text + "y"), "\(text)")
            #expect(ExactText(other) == ExactText(text + "x"), "\(text)")
            #expect(ExactText(String(held.dropLast()) + "!") != ExactText(text), "\(text)")
        }
    }
}
