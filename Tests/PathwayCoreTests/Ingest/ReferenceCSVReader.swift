@testable import PathwayCore

/// An obviously-correct, character-by-character CSV reader implementing spec §2's reading rules,
/// used as the oracle for the differential test of `CSVReader`. It works on Unicode scalars (not
/// Characters, because Swift treats "\r\n" as one Character) and favours clarity over speed.
struct ReferenceCSVReader {
    struct Record: Equatable, Sendable, CustomStringConvertible {
        var line: Int
        var fields: [String]
        var malformation: CSVMalformation?

        var description: String {
            "line \(line) \(fields.map { $0.debugDescription }) \(malformation.map { "\($0)" } ?? "ok")"
        }
    }

    private let chars: [Unicode.Scalar]
    private var i = 0
    private var line = 1

    init(_ text: String) {
        chars = Array(text.unicodeScalars)
    }

    static func read(_ text: String) -> [Record] {
        var reader = ReferenceCSVReader(text)
        return reader.readAll()
    }

    private func isLineEnd(_ c: Unicode.Scalar) -> Bool { c == "\r" || c == "\n" }

    /// Consumes one line end (CRLF, LF or a lone CR) at `i`, returning what it consumed.
    private mutating func consumeLineEnd() -> String {
        line += 1
        if chars[i] == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" {
            i += 2
            return "\r\n"
        }
        let c = chars[i]
        i += 1
        return String(c)
    }

    private static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" }
    }

    mutating func readAll() -> [Record] {
        var records: [Record] = []
        while i < chars.count {
            let record = readRecord()
            if record.malformation == nil && record.fields.allSatisfy(ReferenceCSVReader.isBlank) {
                continue // blank line or all-blank record
            }
            records.append(record)
        }
        return records
    }

    private mutating func readRecord() -> Record {
        var record = Record(line: line, fields: [], malformation: nil)
        while true {
            if i < chars.count && chars[i] == "\"" {
                // Quoted field: opening quote is the field's first character.
                i += 1
                var value = ""
                var closed = false
                while i < chars.count {
                    let c = chars[i]
                    if c == "\"" {
                        if i + 1 < chars.count && chars[i + 1] == "\"" {
                            value.unicodeScalars.append("\"")
                            i += 2
                        } else {
                            i += 1
                            closed = true
                            break
                        }
                    } else if isLineEnd(c) {
                        value += consumeLineEnd()
                    } else {
                        value.unicodeScalars.append(c)
                        i += 1
                    }
                }
                if !closed {
                    record.malformation = .unterminatedQuote(field: record.fields.count)
                    i = chars.count
                    return record
                }
                if i == chars.count {
                    record.fields.append(value)
                    return record
                }
                if chars[i] == "," {
                    record.fields.append(value)
                    i += 1
                    continue
                }
                if isLineEnd(chars[i]) {
                    record.fields.append(value)
                    _ = consumeLineEnd()
                    return record
                }
                // Text after the closing quote: malformed; skip to the next physical line.
                record.malformation = .textAfterClosingQuote(field: record.fields.count)
                while i < chars.count && !isLineEnd(chars[i]) { i += 1 }
                if i < chars.count { _ = consumeLineEnd() }
                return record
            } else {
                // Unquoted field: everything up to a comma or line end, quotes literal.
                var value = ""
                while i < chars.count && chars[i] != "," && !isLineEnd(chars[i]) {
                    value.unicodeScalars.append(chars[i])
                    i += 1
                }
                record.fields.append(value)
                if i == chars.count { return record }
                if chars[i] == "," {
                    i += 1
                    continue
                }
                _ = consumeLineEnd()
                return record
            }
        }
    }
}

/// Reads `text` completely with the production `CSVReader`, in the reference's record form.
func readWithCSVReader(_ text: DecodedText) -> [ReferenceCSVReader.Record] {
    var reader = CSVReader(text: text)
    var record = CSVRecord()
    var out: [ReferenceCSVReader.Record] = []
    while reader.next(&record) {
        out.append(.init(line: record.line, fields: record.fields.map { reader.string($0) },
                         malformation: record.malformation))
    }
    return out
}

func readWithCSVReader(_ text: String) -> [ReferenceCSVReader.Record] {
    readWithCSVReader(SourceDecoder.decode(Array(text.utf8)))
}
