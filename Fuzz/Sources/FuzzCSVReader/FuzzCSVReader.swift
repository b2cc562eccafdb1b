// libFuzzer harness: SourceDecoder.decode + CSVReader over every record (SPEC §2 "Exact reading rules").
//
// Invariants (a failed `require`, i.e. precondition, is a crash that libFuzzer saves as crash-*):
// - decoding: valid UTF-8 (by the standard library's own validator) is kept as is, BOM skipped; anything
//   else becomes valid UTF-8 with exactly one scalar per input byte after the BOM (Windows-1252);
// - every field range lies inside the text, after the BOM, and fields are ordered within and across records;
// - record lines are >= 1, never decrease, and never exceed the number of physical lines;
// - a malformed record's `malformation.field == fields.count`; unquoted fields hold no comma, CR or LF;
// - the reader terminates (at most one record per byte, plus one) and keeps returning false at the end;
// - the records equal those of a simple byte-by-byte reference reader written from the spec (below).
// The same checks run as `#expect`s in Tests/PathwayCoreTests/Fuzz/FuzzRegressionTests.swift.
import PathwayCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    let text = SourceDecoder.decode(raw)
    checkDecoding(raw, text)

    let reference = ReferenceReader.read(text.bytes, from: text.start)
    let physicalLines = countPhysicalLines(text.bytes, from: text.start)
    var reader = CSVReader(text: text)
    var record = CSVRecord()
    var count = 0
    var previousLine = 1
    var previousEnd = text.start
    while reader.next(&record) {
        count += 1
        require(count <= text.count + 1, "CSVReader does not terminate")
        require(record.line >= 1 && record.line >= previousLine, "line numbers must be >= 1 and non-decreasing")
        require(record.line <= physicalLines, "line \(record.line) beyond the last physical line \(physicalLines)")
        previousLine = record.line
        if let malformation = record.malformation {
            require(malformation.field == record.fields.count, "malformation.field must equal fields.count")
        }
        for field in record.fields {
            require(field.start >= text.start && field.start <= field.end && field.end <= text.bytes.count,
                    "field range outside the text")
            require(field.start >= previousEnd, "fields out of order")
            previousEnd = field.end
            let content = text.bytes[field.start..<field.end]
            let quoted = field.start > text.start && text.bytes[field.start - 1] == 0x22
                && (field.start - 1 == text.start || [0x2C, 0x0A, 0x0D].contains(text.bytes[field.start - 2]))
            if !quoted {
                require(!content.contains(0x2C) && !content.contains(0x0A) && !content.contains(0x0D),
                        "an unquoted field holds a comma or a line end")
                require(!field.hasEscapedQuotes, "an unquoted field cannot have escaped quotes")
            } else if !field.hasEscapedQuotes {
                require(!content.contains(0x22), "a quoted field without escaped quotes holds a quote")
            }
            // Exercise every accessor; they must agree with each other.
            let value = reader.string(field)
            let trimmed = reader.trimmedString(field)
            require(reader.isBlank(field) == trimmed.isEmpty, "isBlank disagrees with trimmedString")
            let trimmedByteCount = reader.withTrimmedBytes(field) { $0.count }
            require(trimmedByteCount <= field.byteCount && value.utf8.count <= field.byteCount,
                    "accessors return more bytes than the field holds")
        }
        let expected = reference.records.count >= count ? reference.records[count - 1] : nil
        require(expected != nil, "CSVReader returned a record the reference reader does not have")
        require(expected!.line == record.line, "line \(record.line) but the reference says \(expected!.line)")
        require(expected!.malformation == record.malformation, "malformation differs from the reference")
        require(expected!.fields == record.fields.map { collapsed(text.bytes, $0) },
                "fields differ from the reference reader")
        require(record.fields.map { Array(reader.string($0).utf8) } == expected!.fields,
                "string(_:) differs from the raw field bytes")
    }
    require(count == reference.records.count, "CSVReader returned \(count) records, reference \(reference.records.count)")
    require(!reader.next(&record) && record.fields.isEmpty && record.malformation == nil,
            "next() after the end must keep returning false with an empty record")
    return 0
}

/// UTF-8 input is kept (BOM skipped); anything else is Windows-1252: one scalar per byte, valid UTF-8 out.
func checkDecoding(_ raw: [UInt8], _ text: DecodedText) {
    let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
    require(text.hadByteOrderMark == hasBOM, "BOM detection")
    let rest = raw[(hasBOM ? 3 : 0)...]
    let stdlibValid = String(validating: rest, as: UTF8.self) != nil
    require((text.encoding == .utf8) == stdlibValid, "UTF8Validator disagrees with the standard library")
    if text.encoding == .utf8 {
        require(text.bytes == raw && text.start == (hasBOM ? 3 : 0), "valid UTF-8 must be kept as is")
    } else {
        require(text.start == 0, "Windows-1252 text starts at 0")
        let converted = String(validating: text.bytes, as: UTF8.self)
        require(converted != nil, "Windows-1252 conversion produced invalid UTF-8")
        let decoded = converted!
        require(decoded.unicodeScalars.count == rest.count, "Windows-1252 must give one scalar per byte")
        for (byte, scalar) in zip(rest, decoded.unicodeScalars) where byte < 0x80 || byte >= 0xA0 {
            require(scalar.value == UInt32(byte), "Windows-1252 byte \(byte) decoded as \(scalar.value)")
        }
    }
}

/// Number of physical lines: 1 + the number of line ends (CRLF, LF or a lone CR).
func countPhysicalLines(_ bytes: [UInt8], from start: Int) -> Int {
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

/// A field's bytes with `""` collapsed to `"` when the field has escaped quotes.
func collapsed(_ bytes: [UInt8], _ field: CSVField) -> [UInt8] {
    let content = bytes[field.start..<field.end]
    guard field.hasEscapedQuotes else { return Array(content) }
    var out: [UInt8] = []
    var i = content.startIndex
    while i < content.endIndex {
        out.append(content[i])
        i += (content[i] == 0x22 && i + 1 < content.endIndex && content[i + 1] == 0x22) ? 2 : 1
    }
    return out
}

/// SPEC §2 reading rules, one byte at a time, written for clarity rather than speed.
struct ReferenceReader {
    struct Record: Equatable {
        var line: Int
        var fields: [[UInt8]]
        var malformation: CSVMalformation?
    }

    var records: [Record] = []

    static func read(_ b: [UInt8], from start: Int) -> ReferenceReader {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var out = ReferenceReader()
        var i = start
        var line = 1
        // Consumes the line end at `i` (CRLF, LF or CR).
        func lineEnd() {
            line += 1
            i += (b[i] == cr && i + 1 < b.count && b[i + 1] == lf) ? 2 : 1
        }
        while i < b.count {
            var record = Record(line: line, fields: [], malformation: nil)
            fields: while true {
                if i < b.count && b[i] == quote {
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
                    record.malformation = .textAfterClosingQuote(field: record.fields.count)
                    while i < b.count && b[i] != cr && b[i] != lf { i += 1 }
                    if i < b.count { lineEnd() }
                    break fields
                }
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
            if record.malformation != nil || !blank { out.records.append(record) }
        }
        return out
    }
}

/// `precondition` that keeps its message in release (-O) builds, where `precondition` prints none: a violated
/// invariant traps (a crash for libFuzzer) after printing what was violated.
@inline(__always)
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant violated: " + message()) }
}

// SwiftPM (tools >= 5.5) links every Linux executable target with `--defsym main=<Module>_main`, which would
// leave the link without a `main` under -parse-as-library. This entry point only hands control to libFuzzer's
// own driver (`LLVMFuzzerRunDriver`, what libFuzzer's `main` calls), so the binary behaves exactly like one
// linked with libFuzzer's `main`: same flags, corpus handling and crash artifacts.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzCSVReader_main")
func libFuzzerEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}
