import PathwayCore

/// SPEC §2 reading rules, one byte at a time, written for clarity rather than speed: the oracle of the
/// differential tests of `CSVReader` (CSVReaderTests, CSVReaderPropertyTests), of FuzzRegressionTests and of
/// the FuzzCSVReader harness. Every byte that matters (quote, comma, CR, LF, space, tab) is ASCII, and no byte
/// of a multi-byte UTF-8 sequence is, so reading bytes gives the same records as reading Unicode scalars.
public enum ReferenceCSVReader {
    /// A record as the reference reads it: fields as bytes, `""` inside quotes collapsed to `"`.
    public struct Record: Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var fields: [[UInt8]]
        public var malformation: CSVMalformation?

        public init(line: Int, fields: [[UInt8]], malformation: CSVMalformation?) {
            self.line = line
            self.fields = fields
            self.malformation = malformation
        }

        public var description: String {
            let text = fields.map { String(decoding: $0, as: UTF8.self) }
            return "line \(line) \(text.map { $0.debugDescription }) \(malformation.map { "\($0)" } ?? "ok")"
        }
    }

    /// A record with its fields as strings, for tests that write their expectations as text.
    public struct TextRecord: Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var fields: [String]
        public var malformation: CSVMalformation?

        public init(line: Int, fields: [String], malformation: CSVMalformation?) {
            self.line = line
            self.fields = fields
            self.malformation = malformation
        }

        public var description: String {
            "line \(line) \(fields.map { $0.debugDescription }) \(malformation.map { "\($0)" } ?? "ok")"
        }
    }

    /// The records of `text` (its UTF-8 bytes from the first; a BOM is not skipped).
    public static func read(_ text: String) -> [TextRecord] {
        read(Array(text.utf8), from: 0).map {
            TextRecord(line: $0.line, fields: $0.fields.map { String(decoding: $0, as: UTF8.self) },
                       malformation: $0.malformation)
        }
    }

    /// The records of `b[start...]`; blank lines and records whose fields are all blank are skipped.
    public static func read(_ b: [UInt8], from start: Int) -> [Record] {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var records: [Record] = []
        var i = start
        var line = 1
        // Consumes the line end at `i` (CRLF, LF or a lone CR).
        func lineEnd() {
            line += 1
            i += (b[i] == cr && i + 1 < b.count && b[i + 1] == lf) ? 2 : 1
        }
        while i < b.count {
            var record = Record(line: line, fields: [], malformation: nil)
            fields: while true {
                if i < b.count && b[i] == quote {
                    // Quoted field: the opening quote is the field's first character.
                    i += 1
                    var value: [UInt8] = []
                    while true {
                        if i >= b.count {
                            record.malformation = .unterminatedQuote(field: record.fields.count)
                            break fields
                        }
                        if b[i] == quote {
                            if i + 1 < b.count && b[i + 1] == quote {
                                value.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        if b[i] == cr || b[i] == lf {
                            let s = i
                            lineEnd()
                            value += b[s..<i]
                            continue
                        }
                        value.append(b[i])
                        i += 1
                    }
                    if i >= b.count {
                        record.fields.append(value)
                        break fields
                    }
                    if b[i] == comma {
                        record.fields.append(value)
                        i += 1
                        continue fields
                    }
                    if b[i] == cr || b[i] == lf {
                        record.fields.append(value)
                        lineEnd()
                        break fields
                    }
                    // Text after the closing quote: malformed; skip to the next physical line.
                    record.malformation = .textAfterClosingQuote(field: record.fields.count)
                    while i < b.count && b[i] != cr && b[i] != lf { i += 1 }
                    if i < b.count { lineEnd() }
                    break fields
                }
                // Unquoted field: everything up to a comma or line end, quotes literal.
                var value: [UInt8] = []
                while i < b.count && b[i] != comma && b[i] != cr && b[i] != lf {
                    value.append(b[i])
                    i += 1
                }
                record.fields.append(value)
                if i >= b.count { break fields }
                if b[i] == comma {
                    i += 1
                    continue fields
                }
                lineEnd()
                break fields
            }
            let blank = record.fields.allSatisfy { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
            if record.malformation != nil || !blank { records.append(record) }
        }
        return records
    }

    /// Number of physical lines of `bytes[start...]`: 1 + the number of line ends (CRLF, LF or a lone CR).
    public static func physicalLineCount(_ bytes: [UInt8], from start: Int) -> Int {
        var lines = 1
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0A {
                lines += 1
            } else if bytes[i] == 0x0D {
                lines += 1
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return lines
    }

    /// A `CSVReader` field's bytes with `""` collapsed to `"` when the field has escaped quotes.
    public static func collapsed(_ bytes: [UInt8], _ field: CSVField) -> [UInt8] {
        let content = bytes[field.start..<field.end]
        guard field.hasEscapedQuotes else { return Array(content) }
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        var i = content.startIndex
        while i < content.endIndex {
            out.append(content[i])
            i += (content[i] == 0x22 && i + 1 < content.endIndex && content[i + 1] == 0x22) ? 2 : 1
        }
        return out
    }
}

/// Reads `text` completely with the production `CSVReader`, in the reference's text record form.
public func readWithCSVReader(_ text: DecodedText) -> [ReferenceCSVReader.TextRecord] {
    var reader = CSVReader(text: text)
    var record = CSVRecord()
    var out: [ReferenceCSVReader.TextRecord] = []
    while reader.next(&record) {
        out.append(.init(line: record.line, fields: record.fields.map { reader.string($0) },
                         malformation: record.malformation))
    }
    return out
}

/// Reads the UTF-8 bytes of `text` (through `SourceDecoder`) with the production `CSVReader`.
public func readWithCSVReader(_ text: String) -> [ReferenceCSVReader.TextRecord] {
    readWithCSVReader(SourceDecoder.decode(Array(text.utf8)))
}
