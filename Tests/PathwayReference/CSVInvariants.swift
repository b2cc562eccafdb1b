import PathwayCore

/// The invariants of `SourceDecoder.decode` + `CSVReader` (SPEC §2 "Exact reading rules"), checked by the
/// FuzzCSVReader harness and by FuzzRegressionTests:
/// - decoding: valid UTF-8 (by the standard library's own validator) is kept as is, BOM skipped; anything
///   else becomes valid UTF-8 with exactly one scalar per input byte after the BOM (Windows-1252);
/// - every field range lies inside the text, after the BOM, and fields are ordered within and across records;
/// - record lines are >= 1, never decrease, and never exceed the number of physical lines;
/// - a malformed record's `malformation.field == fields.count`; unquoted fields hold no comma, CR or LF and no
///   escaped quotes; a quoted field without escaped quotes holds no quote;
/// - the field accessors agree with each other and with the raw field bytes;
/// - the reader terminates (at most one record per byte, plus one) and keeps returning false at the end;
/// - the records equal those of `ReferenceCSVReader`.
public enum CSVInvariants {
    public struct Result {
        /// The records CSVReader returned (line, fields as bytes with `""` collapsed, malformation).
        public var records: [ReferenceCSVReader.Record]
        /// The violated invariants; empty when all held.
        public var problems: [String]
    }

    /// Decodes `raw`, reads every record and checks every invariant above.
    public static func check(_ raw: [UInt8]) -> Result {
        var problems = Problems()
        let text = SourceDecoder.decode(raw)
        problems.add(decoding(raw, text))
        let bytes = Array(text.bytes)
        let reference = ReferenceCSVReader.read(bytes, from: text.start)
        let physicalLines = ReferenceCSVReader.physicalLineCount(bytes, from: text.start)
        var reader = CSVReader(text: text)
        var record = CSVRecord()
        var records: [ReferenceCSVReader.Record] = []
        var previousLine = 1
        var previousEnd = text.start
        while reader.next(&record) {
            guard records.count < text.count + 1 else {
                problems.fail("CSVReader does not terminate (more records than bytes)")
                return Result(records: records, problems: problems.messages)
            }
            problems.check(record.line >= 1 && record.line >= previousLine, "line numbers must be >= 1 and non-decreasing")
            problems.check(record.line <= physicalLines,
                           "line \(record.line) beyond the last physical line \(physicalLines)")
            previousLine = record.line
            if let malformation = record.malformation {
                problems.check(malformation.field == record.fields.count, "malformation.field must equal fields.count")
            }
            for field in record.fields {
                let inside = field.start >= text.start && field.start <= field.end && field.end <= bytes.count
                problems.check(inside, "field range outside the text")
                problems.check(field.start >= previousEnd, "fields out of order")
                guard inside else { return Result(records: records, problems: problems.messages) }
                previousEnd = field.end
                let content = bytes[field.start..<field.end]
                let afterQuote = field.start > text.start && bytes[field.start - 1] == 0x22
                // ... and that quote opens the field: it stands at the start of the text or after a comma or line end.
                let quoted = afterQuote
                    && (field.start - 1 == text.start || [0x2C, 0x0A, 0x0D].contains(bytes[field.start - 2]))
                if !quoted {
                    problems.check(!content.contains(0x2C) && !content.contains(0x0A) && !content.contains(0x0D),
                                   "an unquoted field holds a comma or a line end")
                    problems.check(!field.hasEscapedQuotes, "an unquoted field cannot have escaped quotes")
                }
                if afterQuote && !field.hasEscapedQuotes {
                    problems.check(!content.contains(0x22), "a quoted field without escaped quotes holds a quote")
                }
                // Exercise every accessor; they must agree with each other.
                let value = reader.string(field)
                let trimmed = reader.trimmedString(field)
                problems.check(reader.isBlank(field) == trimmed.isEmpty, "isBlank disagrees with trimmedString")
                let trimmedByteCount = reader.withTrimmedBytes(field) { $0.count }
                problems.check(trimmedByteCount <= field.byteCount && value.utf8.count <= field.byteCount,
                               "accessors return more bytes than the field holds")
            }
            let fields = record.fields.map { ReferenceCSVReader.collapsed(bytes, $0) }
            problems.check(record.fields.map { Array(reader.string($0).utf8) } == fields,
                           "string(_:) differs from the raw field bytes")
            records.append(.init(line: record.line, fields: fields, malformation: record.malformation))
        }
        let readPastEnd = reader.next(&record)
        problems.check(!readPastEnd && record.fields.isEmpty && record.malformation == nil,
                       "next() after the end must keep returning false with an empty record")
        problems.check(records.count == reference.count,
                       "CSVReader returned \(records.count) records, the reference \(reference.count)")
        if let index = records.indices.first(where: { $0 < reference.count && records[$0] != reference[$0] }) {
            let (actual, expected) = (records[index], reference[index])
            var what: [String] = []
            if actual.line != expected.line { what.append("line \(actual.line) but the reference says \(expected.line)") }
            if actual.malformation != expected.malformation { what.append("malformation differs") }
            if actual.fields != expected.fields { what.append("fields differ") }
            problems.fail("record \(index + 1) differs from the reference reader: \(what.joined(separator: ", "))")
        }
        return Result(records: records, problems: problems.messages)
    }

    /// UTF-8 input is kept (BOM skipped); anything else is Windows-1252: one scalar per byte, valid UTF-8 out.
    public static func decoding(_ raw: [UInt8], _ text: DecodedText) -> [String] {
        var problems = Problems()
        let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        problems.check(text.hadByteOrderMark == hasBOM, "BOM detection")
        let rest = raw[(hasBOM ? 3 : 0)...]
        let stdlibValid = String(validating: rest, as: UTF8.self) != nil
        problems.check((text.encoding == .utf8) == stdlibValid, "UTF8Validator disagrees with the standard library")
        if text.encoding == .utf8 {
            problems.check(Array(text.bytes) == raw && text.start == (hasBOM ? 3 : 0), "valid UTF-8 must be kept as is")
        } else {
            problems.check(text.start == 0, "Windows-1252 text starts at 0")
            let decoded = String(validating: Array(text.bytes), as: UTF8.self)
            problems.check(decoded != nil, "Windows-1252 conversion produced invalid UTF-8")
            if let decoded {
                problems.check(decoded.unicodeScalars.count == rest.count, "Windows-1252 must give one scalar per byte")
                // Bytes outside 0x80...0x9F map to themselves.
                if let (byte, scalar) = zip(rest, decoded.unicodeScalars).first(where: { byte, scalar in
                    (byte < 0x80 || byte >= 0xA0) && scalar.value != UInt32(byte)
                }) {
                    problems.fail("Windows-1252 byte \(byte) decoded as \(scalar.value)")
                }
            }
        }
        return problems.messages
    }
}
