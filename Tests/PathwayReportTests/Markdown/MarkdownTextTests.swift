import PathwayTestSupport
import PathwayCore
import Testing
@testable import PathwayReport

@Suite("Markdown escaping")
struct MarkdownTextTests {
    @Test("Markdown punctuation is escaped", arguments: [
        (#"a|b"#, #"a\|b"#),
        (#"a\b"#, #"a\\b"#),
        (#"*bold*"#, #"\*bold\*"#),
        (#"`code`"#, #"\`code\`"#),
        (#"[link](x)"#, #"\[link\](x)"#),
        (#"![img](x)"#, #"!\[img\](x)"#),
        (#"<b>"#, #"\<b\>"#),
        (#"</b>"#, #"\</b\>"#),
        (#"<http://x>"#, #"\<http://x\>"#),
        (#"a > b"#, #"a \> b"#),
        (#"~~gone~~"#, #"\~\~gone\~\~"#),
        (#"$x$"#, #"\$x\$"#),
        (#"_a_"#, #"\_a\_"#),
        (#"a _b_ c"#, #"a \_b\_ c"#),
        (#"&amp;"#, #"\&amp;"#),
        (#"&#60;"#, #"\&#60;"#),
    ])
    func punctuation(_ input: String, _ expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }

    @Test("plain text stays readable", arguments: [
        "CPAT East", "decision_date", "as_of", "WD(a, b) ≤ N", "a < d", "Bath & North East Somerset",
        "(not recorded)", "Team 1.5", "x-y", "Équipe Nord", "",
    ])
    func unchanged(_ input: String) {
        #expect(MarkdownText.escape(input) == input)
    }

    @Test("block markers are escaped at the start only", arguments: [
        ("# Team", ##"\# Team"##), ("- Team", #"\- Team"#), ("+ Team", #"\+ Team"#), ("=== Team", #"\=== Team"#),
        ("1. Team", #"1\. Team"#), ("12) Team", #"12\) Team"#), ("1.", #"1\."#),
        ("A # B - C + D = E", "A # B - C + D = E"),
    ])
    func blockMarkers(_ input: String, _ expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }

    @Test("line breaks and control characters become spaces; the ends are trimmed", arguments: [
        ("a\nb", "a b"), ("a\r\nb", "a  b"), ("a\rb", "a b"), ("a\tb", "a b"), ("a\u{2028}b", "a b"),
        ("a\u{85}b", "a b"), ("a\u{202E}b\u{2069}", "a b"), ("a\u{0}b", "a b"), ("\n# heading", ##"\# heading"##), ("x\n", "x"),
    ])
    func lineBreaks(_ input: String, _ expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }

    @Test("escaped text never holds an unescaped pipe or a line break")
    func property() {
        var generator = SeededRandom(seed: 20_260_316)
        let alphabet = Array("ab |\\*_`<>[]#-+=~$&\n\r\t1.)é🔴")
        for _ in 0..<2000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let escaped = MarkdownText.escape(text)
            #expect(MarkdownInspection.unescapedPipes(escaped) == 0, "\(text.debugDescription)")
            #expect(!escaped.contains { $0.isNewline }, "\(text.debugDescription)")
        }
    }
}

