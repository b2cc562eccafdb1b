import Testing
@testable import PathwayCore

/// `CSVReader.makeString` builds short fields through a small-string fast path; whatever the bytes,
/// it must give exactly what `String(decoding:as:)` gives (invalid UTF-8 repaired the same way).
@Suite("CSVReader.makeString")
struct MakeStringTests {
    static let inputs: [(name: String, bytes: [UInt8])] = [
        ("empty", []),
        ("one byte", Array("a".utf8)),
        ("ten-byte id", Array("C000123456".utf8)),
        ("15 bytes, the small-string limit", Array("ABCDEFGHIJKLMNO".utf8)),
        ("16 bytes, one over", Array("ABCDEFGHIJKLMNOP".utf8)),
        ("non-ASCII within 15 bytes", Array("Zoë Brontë".utf8)),
        ("non-ASCII over 15 bytes", Array("Children’s Social Care".utf8)),
        ("invalid UTF-8 within 15 bytes", [0x41, 0xFF, 0x42, 0xC3]),
        ("invalid UTF-8 over 15 bytes", Array("ABCDEFGHIJKLMNOP".utf8) + [0xE2, 0x82]),
        ("NUL byte", [0x41, 0x00, 0x42]),
    ]

    @Test("short and long fields decode as String(decoding:as:) does", arguments: inputs.indices)
    func matchesStandardDecoding(index: Int) {
        let (name, bytes) = Self.inputs[index]
        let made = bytes.withUnsafeBufferPointer { CSVReader.makeString($0, collapsingQuotes: false) }
        let expected = String(decoding: bytes, as: UTF8.self)
        #expect(made == expected, "\(name)")
        #expect(Array(made.utf8) == Array(expected.utf8), "\(name): the UTF-8 bytes differ")
    }

    @Test("doubled quotes collapse, short or long")
    func collapsesQuotes() {
        let cases: [(String, String)] = [("a\"\"b", "a\"b"), ("\"\"", "\""),
                                         ("say \"\"hello\"\" to all of them", "say \"hello\" to all of them")]
        for (input, expected) in cases {
            let made = Array(input.utf8).withUnsafeBufferPointer { CSVReader.makeString($0, collapsingQuotes: true) }
            #expect(made == expected)
        }
    }
}
