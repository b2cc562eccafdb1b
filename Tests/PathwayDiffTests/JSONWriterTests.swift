import PathwayCore
import Testing
@testable import PathwayDiff

@Suite("the JSON writer: sorted keys, two-space indent, trailing newline")
struct JSONWriterTests {
    @Test func writesTheSnapshotLayout() {
        let value: JSONValue = .object([
            "b": .array([.number("1"), .object(["z": .null, "a": .bool(true)])]),
            "a": .string("tab\there \"q\" \\ \u{01} é"),
            "empty": .array([]),
            "none": .object([:]),
        ])
        #expect(JSONWriter.write(value) == """
            {
              "a": "tab\\there \\"q\\" \\\\ \\u0001 é",
              "b": [
                1,
                {
                  "a": true,
                  "z": null
                }
              ],
              "empty": [],
              "none": {}
            }

            """)
    }

    @Test func sortsKeysByCodePoint() {
        let value: JSONValue = .object(["b": .null, "B": .null, "é": .null, "_": .null])
        #expect(JSONWriter.write(value) == "{\n  \"B\": null,\n  \"_\": null,\n  \"b\": null,\n  \"é\": null\n}\n")
    }

    @Test func roundTripsThroughTheParser() throws {
        let value: JSONValue = .object(["k": .array([.string("a\nb\u{1F}c"), .number("-0.5"), .null])])
        #expect(try JSONParser.parse(Array(JSONWriter.write(value).utf8)) == value)
    }
}
