import PathwayReference
import PathwayTestSupport
import Testing
@testable import PathwayCore

private typealias R = ReferenceCSVReader.TextRecord

private func rec(_ line: Int, _ fields: [String], _ malformation: CSVMalformation? = nil) -> R {
    R(line: line, fields: fields, malformation: malformation)
}

struct CSVReaderCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let expected: [ReferenceCSVReader.TextRecord]
    var testDescription: String { name }
}

private let cases: [CSVReaderCase] = [
    // Basics and line ends
    .init(name: "empty file", input: "", expected: []),
    .init(name: "single record, no trailing newline", input: "a,b,c", expected: [rec(1, ["a", "b", "c"])]),
    .init(name: "LF line ends", input: "a,b\nc,d\n", expected: [rec(1, ["a", "b"]), rec(2, ["c", "d"])]),
    .init(name: "CRLF line ends", input: "a,b\r\nc,d\r\n", expected: [rec(1, ["a", "b"]), rec(2, ["c", "d"])]),
    .init(name: "lone CR line ends", input: "a\rb\rc", expected: [rec(1, ["a"]), rec(2, ["b"]), rec(3, ["c"])]),
    .init(name: "mixed line ends", input: "a\nb\r\nc\rd", expected: [rec(1, ["a"]), rec(2, ["b"]), rec(3, ["c"]), rec(4, ["d"])]),
    .init(name: "LF then CRLF is two line ends", input: "a\n\r\nb", expected: [rec(1, ["a"]), rec(3, ["b"])]),
    .init(name: "CR CR is two line ends", input: "a\r\rb", expected: [rec(1, ["a"]), rec(3, ["b"])]),
    .init(name: "LF CR is two line ends", input: "a\n\rb", expected: [rec(1, ["a"]), rec(3, ["b"])]),
    .init(name: "final empty line", input: "a,b\n\n", expected: [rec(1, ["a", "b"])]),
    .init(name: "final CRLF", input: "a,b\r\n", expected: [rec(1, ["a", "b"])]),
    .init(name: "final line of spaces", input: "a,b\n \t \n", expected: [rec(1, ["a", "b"])]),
    .init(name: "trailing comma gives empty last field", input: "a,b,\nc", expected: [rec(1, ["a", "b", ""]), rec(2, ["c"])]),
    .init(name: "trailing comma at end of file", input: "h\na,", expected: [rec(1, ["h"]), rec(2, ["a", ""])]),
    .init(name: "empty fields kept when not all blank", input: ",x,,", expected: [rec(1, ["", "x", "", ""])]),
    .init(name: "values are not trimmed by string()", input: " a ,\tb\t", expected: [rec(1, [" a ", "\tb\t"])]),
    .init(name: "non-ASCII", input: "é,€\nñ", expected: [rec(1, ["é", "€"]), rec(2, ["ñ"])]),
    .init(name: "long fields (8-byte scanning)",
          input: "aaaaaaaaaaaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\r\n\"ccccccccccccccc,ccccc\r\nddddddddddddd\"\r\neeeeeeeeeeeeeeeeeee",
          expected: [rec(1, ["aaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"]),
                     rec(2, ["ccccccccccccccc,ccccc\r\nddddddddddddd"]), rec(4, ["eeeeeeeeeeeeeeeeeee"])]),

    // Blank lines and all-blank records
    .init(name: "empty lines skipped", input: "a\n\n\nb", expected: [rec(1, ["a"]), rec(4, ["b"])]),
    .init(name: "CRLF empty lines skipped", input: "a\r\n\r\nb\r\n", expected: [rec(1, ["a"]), rec(3, ["b"])]),
    .init(name: "spaces/tabs lines skipped", input: "a\n  \n\t\n \t \nb", expected: [rec(1, ["a"]), rec(5, ["b"])]),
    .init(name: "leading blank lines", input: "\n\n  \nh,i\n", expected: [rec(4, ["h", "i"])]),
    .init(name: "all-blank record skipped", input: "a,b\n,,,,\nc,d", expected: [rec(1, ["a", "b"]), rec(3, ["c", "d"])]),
    .init(name: "all-blank with spaces skipped", input: "a\n , \t,\nb", expected: [rec(1, ["a"]), rec(3, ["b"])]),
    .init(name: "quoted blank fields skipped", input: "a\n\"\",\" \"\nb", expected: [rec(1, ["a"]), rec(3, ["b"])]),
    .init(name: "no-break space is not blank", input: "\u{00A0}\n", expected: [rec(1, ["\u{00A0}"])]),
    .init(name: "only blank lines", input: "\n \n,\n", expected: []),

    // Quoting
    .init(name: "quoted field with comma", input: "\"a,b\",c", expected: [rec(1, ["a,b", "c"])]),
    .init(name: "escaped quotes", input: "\"a\"\"b\",c", expected: [rec(1, ["a\"b", "c"])]),
    .init(name: "only an escaped quote", input: "\"\"\"\"", expected: [rec(1, ["\""])]),
    .init(name: "escaped quote at end", input: "a,\"b\"\"\"", expected: [rec(1, ["a", "b\""])]),
    .init(name: "escaped quotes at start", input: "\"\"\"b\"", expected: [rec(1, ["\"b"])]),
    .init(name: "empty quoted field among others", input: "a,\"\",b", expected: [rec(1, ["a", "", "b"])]),
    .init(name: "empty quoted last field", input: "a,\"\"", expected: [rec(1, ["a", ""])]),
    .init(name: "quoted then CRLF", input: "\"a\"\r\n\"b\"", expected: [rec(1, ["a"]), rec(2, ["b"])]),
    .init(name: "quoted then lone CR", input: "\"a\"\r\"b\"", expected: [rec(1, ["a"]), rec(2, ["b"])]),
    .init(name: "quoted field keeps spaces", input: "\" a \"", expected: [rec(1, [" a "])]),
    .init(name: "embedded CRLF", input: "\"a\r\nb\",c\nd", expected: [rec(1, ["a\r\nb", "c"]), rec(3, ["d"])]),
    .init(name: "embedded LF", input: "\"a\nb\"\nd", expected: [rec(1, ["a\nb"]), rec(3, ["d"])]),
    .init(name: "embedded CR", input: "\"a\rb\"\rd", expected: [rec(1, ["a\rb"]), rec(3, ["d"])]),
    .init(name: "several embedded line ends", input: "x,\"a\n\r\n\rb\"\nd", expected: [rec(1, ["x", "a\n\r\n\rb"]), rec(5, ["d"])]),
    .init(name: "embedded CR before closing quote, then LF",
          input: "\"a\r\"\nb", expected: [rec(1, ["a\r"]), rec(3, ["b"])]),
    .init(name: "embedded blank lines are not skipped", input: "\"\n\n\",x\ny", expected: [rec(1, ["\n\n", "x"]), rec(4, ["y"])]),
    .init(name: "literal quote in unquoted field", input: "ab\"c,d", expected: [rec(1, ["ab\"c", "d"])]),
    .init(name: "literal quotes at end of unquoted field", input: "ab\"\",d\"", expected: [rec(1, ["ab\"\"", "d\""])]),
    .init(name: "space before opening quote is literal", input: " \"x\",y", expected: [rec(1, [" \"x\"", "y"])]),
    .init(name: "tab before opening quote is literal", input: "\t\"x,y\"", expected: [rec(1, ["\t\"x", "y\""])]),
    .init(name: "BOM-less UTF-8 in quotes", input: "\"é,é\",é", expected: [rec(1, ["é,é", "é"])]),

    // Malformed: text after closing quote
    .init(name: "text after closing quote, first field", input: "\"ab\"c,d\ne,f",
          expected: [rec(1, [], .textAfterClosingQuote(field: 0)), rec(2, ["e", "f"])]),
    .init(name: "text after closing quote, second field", input: "x,\"ab\"c,d\ne",
          expected: [rec(1, ["x"], .textAfterClosingQuote(field: 1)), rec(2, ["e"])]),
    .init(name: "space after closing quote is text", input: "x,\"ab\" ,d\ne",
          expected: [rec(1, ["x"], .textAfterClosingQuote(field: 1)), rec(2, ["e"])]),
    .init(name: "rest of line skipped raw, quotes included", input: "\"ab\"c,\"d\ne\nf",
          expected: [rec(1, [], .textAfterClosingQuote(field: 0)), rec(2, ["e"]), rec(3, ["f"])]),
    .init(name: "resume after CRLF", input: "\"ab\"c\r\nd\r\n",
          expected: [rec(1, [], .textAfterClosingQuote(field: 0)), rec(2, ["d"])]),
    .init(name: "resume after lone CR", input: "\"ab\"c\rd",
          expected: [rec(1, [], .textAfterClosingQuote(field: 0)), rec(2, ["d"])]),
    .init(name: "text after closing quote at end of file", input: "a\n\"ab\"c",
          expected: [rec(1, ["a"]), rec(2, [], .textAfterClosingQuote(field: 0))]),
    .init(name: "multi-line quoted field then text", input: "h\n\"a\nb\"c,x\nd",
          expected: [rec(1, ["h"]), rec(2, [], .textAfterClosingQuote(field: 0)), rec(4, ["d"])]),
    .init(name: "malformed record with blank fields is not skipped", input: "\"\"x\ny",
          expected: [rec(1, [], .textAfterClosingQuote(field: 0)), rec(2, ["y"])]),
    .init(name: "resume then blank lines skipped", input: "\"a\"b\n\n,\nc",
          expected: [rec(1, [], .textAfterClosingQuote(field: 0)), rec(4, ["c"])]),

    // Malformed: unterminated quote
    .init(name: "unterminated quote swallows the rest", input: "a\n\"bc,d\ne\n",
          expected: [rec(1, ["a"]), rec(2, [], .unterminatedQuote(field: 0))]),
    .init(name: "unterminated quote in second field", input: "a,\"b", expected: [rec(1, ["a"], .unterminatedQuote(field: 1))]),
    .init(name: "lone quote", input: "\"", expected: [rec(1, [], .unterminatedQuote(field: 0))]),
    .init(name: "unterminated after escaped quote", input: "\"a\"\"b", expected: [rec(1, [], .unterminatedQuote(field: 0))]),
    .init(name: "unterminated after escaped quote at end", input: "x\n\"a\"\"", expected: [rec(1, ["x"]), rec(2, [], .unterminatedQuote(field: 0))]),
    // Wider than the reader's 32-field buffer (its fields are added to the record in several goes).
    .init(name: "100 fields, then a short record",
          input: (0..<100).map { "f\($0)" }.joined(separator: ",") + "\nx,y",
          expected: [rec(1, (0..<100).map { "f\($0)" }), rec(2, ["x", "y"])]),
    .init(name: "a quote problem in field 70 of a wide record",
          input: (0..<70).map { "\"q\($0)\"" }.joined(separator: ",") + ",\"bad\"x,more\nnext",
          expected: [rec(1, (0..<70).map { "q\($0)" }, .textAfterClosingQuote(field: 70)), rec(2, ["next"])]),
    .init(name: "unterminated quote after 33 fields",
          input: String(repeating: ",", count: 33) + "\"open",
          expected: [rec(1, Array(repeating: "", count: 33), .unterminatedQuote(field: 33))]),
]

/// `reader.next` outside the #expect macro (which cannot take a mutating call).
private func advance(_ reader: inout CSVReader, _ record: inout CSVRecord) -> Bool {
    reader.next(&record)
}

@Suite struct CSVReaderTests {
    @Test(arguments: cases)
    func readingRules(_ testCase: CSVReaderCase) {
        let actual = readWithCSVReader(testCase.input)
        #expect(actual == testCase.expected)
        // The oracle used by the differential test must agree with the hand-written expectations too.
        #expect(ReferenceCSVReader.read(testCase.input) == testCase.expected)
    }

    @Test func byteOrderMarkIsSkippedAndLinesStartAtOne() {
        let text = SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,\"Zoë\"\r\n".utf8))
        #expect(readWithCSVReader(text) == [rec(1, ["id", "name"]), rec(2, ["1", "Zoë"])])
    }

    @Test func byteOrderMarkOnly() {
        let text = SourceDecoder.decode([0xEF, 0xBB, 0xBF])
        #expect(readWithCSVReader(text) == [])
    }

    @Test func quotedFieldOffsetsExcludeQuotes() {
        let text = SourceDecoder.decode(Array("\"ab\",c,\"x\"\"y\"".utf8))
        var reader = CSVReader(text: text)
        var record = CSVRecord()
        #expect(advance(&reader, &record))
        #expect(record.fields == [
            CSVField(start: 1, end: 3, hasEscapedQuotes: false),
            CSVField(start: 5, end: 6, hasEscapedQuotes: false),
            CSVField(start: 8, end: 12, hasEscapedQuotes: true),
        ])
        #expect(reader.string(record.fields[2]) == "x\"y")
        #expect(!advance(&reader, &record))
    }

    @Test func offsetsAreIntoBytesIncludingBOM() {
        let text = SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("ab".utf8))
        var reader = CSVReader(text: text)
        var record = CSVRecord()
        #expect(advance(&reader, &record))
        #expect(record.fields == [CSVField(start: 3, end: 5, hasEscapedQuotes: false)])
    }

    @Test func accessors() {
        let text = SourceDecoder.decode(Array(" \t2024-01-02 \t,\" a\"\"b \", \t ,\"\"\"\"".utf8))
        var reader = CSVReader(text: text)
        var record = CSVRecord()
        #expect(advance(&reader, &record))
        #expect(record.fields.count == 4)
        #expect(reader.string(record.fields[0]) == " \t2024-01-02 \t")
        #expect(reader.trimmedString(record.fields[0]) == "2024-01-02")
        #expect(reader.withTrimmedBytes(record.fields[0]) { Array($0) } == Array("2024-01-02".utf8))
        #expect(reader.string(record.fields[1]) == " a\"b ")
        #expect(reader.trimmedString(record.fields[1]) == "a\"b")
        #expect(reader.withTrimmedBytes(record.fields[1]) { Array($0) } == Array("a\"\"b".utf8))
        #expect(reader.isBlank(record.fields[2]))
        #expect(reader.trimmedString(record.fields[2]) == "")
        #expect(reader.withTrimmedBytes(record.fields[2]) { $0.count } == 0)
        #expect(!reader.isBlank(record.fields[0]))
        #expect(!reader.isBlank(record.fields[3]))
        #expect(reader.trimmedString(record.fields[3]) == "\"")
        #expect(reader.strings(record) == [" \t2024-01-02 \t", " a\"b ", " \t ", "\""])
    }

    /// `trimmedRange` returns a field untouched when both its end bytes are above the space, and trims
    /// anything else byte by byte: only spaces and tabs go, whatever else sits at an end.
    @Test("trimming takes only spaces and tabs from either end, on hand-picked and random fields")
    func trimmingTakesOnlySpacesAndTabs() {
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var slice = bytes[...]
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            return Array(slice)
        }
        let cases: [(String, String)] = [
            ("", ""), (" ", ""), ("\t", ""), (" \t ", ""), ("x", "x"), (" x", "x"), ("x ", "x"), ("\tx\t", "x"),
            ("\u{0B}x\u{0B}", "\u{0B}x\u{0B}"), ("\u{01} x \u{1F}", "\u{01} x \u{1F}"), (" \u{0B} ", "\u{0B}"),
            ("!x!", "!x!"), (" é ", "é"), ("é", "é"), ("a b", "a b"), ("\u{0}", "\u{0}"),
        ]
        for (field, trimmed) in cases {
            let bytes = Array(field.utf8)
            let (start, end) = bytes.withUnsafeBufferPointer { CSVReader.trimmedRange($0, 0, bytes.count) }
            #expect(Array(bytes[start..<end]) == Array(trimmed.utf8), "\(Array(field.utf8))")
        }
        // Random fields over the bytes at the fast path's edge (0x1F, 0x20, 0x21), tabs and others, at
        // random offsets of a larger buffer.
        let alphabet: [UInt8] = [0x00, 0x09, 0x0B, 0x1F, 0x20, 0x21, 0x41, 0x7F, 0x80, 0xC3, 0xFF]
        var random = SeededRandom(seed: 31)
        var failures: [[UInt8]] = []
        for _ in 0..<20_000 {
            let buffer = (0..<12).map { _ in random.pick(alphabet) }
            let start = random.below(13), end = start + random.below(13 - start)
            let (s, e) = buffer.withUnsafeBufferPointer { CSVReader.trimmedRange($0, start, end) }
            if Array(buffer[s..<e]) != reference(Array(buffer[start..<end])) { failures.append(Array(buffer[start..<end])) }
        }
        let firstFailures = Array(failures.prefix(5))
        #expect(failures.count == 0, "first failures: \(firstFailures)")
    }

    @Test func withTrimmedBytesRethrows() {
        struct Boom: Error {}
        let text = SourceDecoder.decode(Array("x".utf8))
        var reader = CSVReader(text: text)
        var record = CSVRecord()
        #expect(advance(&reader, &record))
        #expect(throws: Boom.self) { try reader.withTrimmedBytes(record.fields[0]) { _ in throw Boom() } }
    }

    @Test func recordStorageIsReusedAndResetBetweenRecords() {
        let text = SourceDecoder.decode(Array("a,b,c,d,e,f,g,h,i,j,k,l\n\"x\"y\nz\n".utf8))
        var reader = CSVReader(text: text)
        var record = CSVRecord()
        #expect(advance(&reader, &record))
        #expect(record.fields.count == 12)
        let capacity = record.fields.capacity
        #expect(advance(&reader, &record))
        #expect(record.malformation == .textAfterClosingQuote(field: 0))
        #expect(record.line == 2)
        #expect(advance(&reader, &record))
        #expect(record.malformation == nil)
        #expect(record.fields.count == 1)
        #expect(record.line == 3)
        #expect(record.fields.capacity == capacity)
        #expect(!advance(&reader, &record))
        #expect(record.fields.isEmpty)
        #expect(!advance(&reader, &record))
    }

    @Test func windows1252TextIsReadAfterConversion() {
        // "Café,£5" in Windows-1252, with a quoted line break.
        let raw: [UInt8] = [0x22, 0x43, 0x61, 0x66, 0xE9, 0x0D, 0x0A, 0x78, 0x22, 0x2C, 0xA3, 0x35, 0x0A, 0x80]
        let text = SourceDecoder.decode(raw)
        #expect(text.encoding == .windows1252)
        #expect(readWithCSVReader(text) == [rec(1, ["Café\r\nx", "£5"]), rec(3, ["€"])])
    }

    @Test func malformationFieldAccessor() {
        #expect(CSVMalformation.textAfterClosingQuote(field: 3).field == 3)
        #expect(CSVMalformation.unterminatedQuote(field: 1).field == 1)
    }
}
