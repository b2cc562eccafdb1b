import PathwayCore
import Testing
@testable import PathwayDiff

@Suite("the strict JSON parser")
struct JSONParserTests {
    private func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null], "b": {}, "c": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"} "#)
        #expect(value == .object([
            "a": .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]),
            "b": .object([:]),
            "c": .string("x\"\\/\u{08}\u{0C}\n\r\t\u{E9}\u{1F600}"),
        ]))
        #expect(value["a"].flatMap { if case .array(let items) = $0 { return items[1].doubleValue } else { return nil } } == -2500)
    }

    @Test func keepsNonASCIITextAndSkipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"["Älv – Café"]"#.utf8)) == .array([.string("Älv – Café")]))
    }

    @Test func rejectsWhatRFC8259Rejects() {
        let cases: [(String, JSONParser.Failure)] = [
            ("[01]", .init(line: 1, column: 3, reason: "a number must not have a leading zero")),
            ("[1.]", .init(line: 1, column: 4, reason: "expected a digit after the decimal point")),
            ("[+1]", .init(line: 1, column: 2, reason: "unexpected character '+', expected a value")),
            ("[1,]", .init(line: 1, column: 4, reason: "unexpected character ']', expected a value")),
            ("{\"a\": 1, \"a\": 2}", .init(line: 1, column: 10, reason: "duplicate key \"a\"")),
            ("[\"a\nb\"]", .init(line: 1, column: 4, reason: "control character U+000A inside a string must be escaped")),
            ("[\"\\x\"]", .init(line: 1, column: 4, reason: "invalid escape in a string: a backslash followed by 'x'")),
            ("[\"\\ud800\"]", .init(line: 1, column: 3, reason: "lone high surrogate in a \\u escape")),
            ("[\"\\udc00\"]", .init(line: 1, column: 3, reason: "lone low surrogate in a \\u escape")),
            ("[tru]", .init(line: 1, column: 2, reason: "unexpected character 't', expected a value")),
            ("\r\n\r\n  [1 2]", .init(line: 3, column: 6, reason: "expected ',' or ']' in an array")),
            ("[\"é\", é]", .init(line: 1, column: 7, reason: "unexpected character 'é', expected a value")),
            ("{\"a\" 1}", .init(line: 1, column: 6, reason: "expected ':' after a key")),
            ("[\"abc", .init(line: 1, column: 6, reason: "unterminated string")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try parse(text) }
        }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParser.Failure(line: 2, column: 3, reason: "the text is not valid UTF-8")) {
            try JSONParser.parse(Array("[\n\"a".utf8) + [0xFF] + Array("\"]".utf8))
        }
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONParser.Failure.self) { try parse(deep) }
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try parse(allowed) }
    }
}
