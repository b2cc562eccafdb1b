/// Reads CSV records from a `DecodedText` (spec §2 "Inputs" and "Exact reading rules").
///
/// RFC 4180 with a comma separator and double-quote quoting (`""` inside quotes is one `"`). Quoted
/// fields may hold commas and line breaks. CRLF, LF and a lone CR each end one physical line, inside
/// quotes too, and `CSVRecord.line` is the physical line on which the record starts.
///
/// Skipped like blank lines: lines that are empty or hold only spaces and tabs, and records whose fields
/// are all blank after trimming spaces and tabs (`,,,,`, and also `""` or `" ",""`).
///
/// Malformed records (never skipped, even when their fields are blank, so no row is silently lost):
/// - text after a closing quote (`"ab"c`): `.textAfterClosingQuote`; the rest of that physical line is
///   skipped raw (quotes in it mean nothing) and reading resumes on the next line;
/// - an unterminated quote: `.unterminatedQuote`; the rest of the file is this one record.
/// A malformed record's `fields` are the fields completed before the problem
/// (`malformation.field == fields.count`).
///
/// Decisions where the spec is silent:
/// - A field is quoted only when its very first byte is `"`. With anything before the quote, spaces
///   included (` "x"`), the field is unquoted and taken literally, quotes and all; likewise a quote
///   inside an unquoted field (`ab"c`) is literal.
/// - After a closing quote only a comma, a line end or the end of the file may follow. Anything else,
///   spaces and tabs included (`"x" ,`), is text after a closing quote and makes the record malformed.
/// - Field counts are not checked here; the caller compares them with the header.
///
/// The reader works on byte offsets (`CSVField`) and creates no string per field; with a reused
/// `CSVRecord` it allocates nothing per record once the fields array has grown.
public struct CSVReader: Sendable {
    /// The text being read.
    public let text: DecodedText
    /// `text`'s bytes, which stay where they are for as long as `text` is held (`InputBytes`), so that
    /// reading a record touches no reference count: going through `text.bytes` for each record retained
    /// and released its owner, from both cores at once when the two halves of a file were read in parallel.
    nonisolated(unsafe) private let buffer: UnsafeBufferPointer<UInt8>
    /// Byte offset where the next record starts.
    private var position: Int
    /// Physical line number at `position`.
    private var line: Int
    /// Where reading stops (the end of the text, or the end of a chunk).
    private let end: Int

    private static let space: UInt8 = 0x20
    private static let tab: UInt8 = 0x09

    public init(text: DecodedText) {
        self.text = text
        self.buffer = text.bytes.withUnsafeBufferPointer { $0 }
        self.position = text.start
        self.line = 1
        self.end = text.bytes.count
    }

    /// A reader of the records in `range` of the text (a chunk that starts at the start of physical line
    /// `line`); the range's end counts as the end of the input.
    public init(text: DecodedText, range: Range<Int>, line: Int) {
        self.text = text
        self.buffer = text.bytes.withUnsafeBufferPointer { $0 }
        self.position = range.lowerBound
        self.line = line
        self.end = min(range.upperBound, text.bytes.count)
    }

    /// Byte offset where the next record starts, and its physical line.
    public var nextPosition: Int { position }
    public var nextLine: Int { line }
    /// Where reading stops.
    public var endPosition: Int { end }

    /// Reads the next record into `record`, reusing its `fields` storage.
    /// Skips blank lines (empty, or only spaces/tabs) and records whose fields are all blank after trimming spaces/tabs
    /// (e.g. ",,,," as spreadsheets write). Returns false at end of input.
    public mutating func next(_ record: inout CSVRecord) -> Bool {
        var position = self.position
        var line = self.line
        let end = self.end
        var found = false
        if let base = buffer.baseAddress {
            let count = end
            found = withUnsafeTemporaryAllocation(of: CSVField.self, capacity: FieldBuffer.capacity) { scratch in
                while position < count {
                    record.malformation = nil
                    record.line = line
                    var fields = FieldBuffer(storage: scratch.baseAddress!)
                    CSVReader.readRecord(base, count: count, position: &position, line: &line, fields: &fields,
                                         into: &record)
                    fields.finish(into: &record.fields)
                    if record.malformation != nil || !CSVReader.allBlank(base, record.fields) {
                        return true
                    }
                }
                return false
            }
        }
        self.position = position
        self.line = line
        if !found {
            record.fields.removeAll(keepingCapacity: true)
            record.malformation = nil
        }
        return found
    }

    /// The field's value as a String, "" collapsed, NOT trimmed.
    public func string(_ field: CSVField) -> String {
        text.bytes.withUnsafeBufferPointer { buffer in
            precondition(field.start >= 0 && field.start <= field.end && field.end <= buffer.count,
                         "CSVField outside the text")
            return CSVReader.makeString(UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]),
                                        collapsingQuotes: field.hasEscapedQuotes)
        }
    }

    /// The field's value trimmed of spaces and tabs (and for headers callers trim more themselves), "" collapsed.
    public func trimmedString(_ field: CSVField) -> String {
        text.bytes.withUnsafeBufferPointer { buffer in
            let (start, end) = CSVReader.trimmedRange(buffer, field.start, field.end)
            return CSVReader.makeString(UnsafeBufferPointer(rebasing: buffer[start..<end]),
                                        collapsingQuotes: field.hasEscapedQuotes)
        }
    }

    /// Raw content bytes of the field trimmed of spaces/tabs, for fast parsing without a String (escaped quotes left doubled).
    public func withTrimmedBytes<R>(_ field: CSVField, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.bytes.withUnsafeBufferPointer { buffer in
            let (start, end) = CSVReader.trimmedRange(buffer, field.start, field.end)
            return try body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// True when the trimmed field is empty.
    public func isBlank(_ field: CSVField) -> Bool {
        text.bytes.withUnsafeBufferPointer { buffer in
            let (start, end) = CSVReader.trimmedRange(buffer, field.start, field.end)
            return start == end
        }
    }

    /// All field values of a record (`string(_:)` of each), e.g. for a header.
    public func strings(_ record: CSVRecord) -> [String] {
        record.fields.map { string($0) }
    }

    // MARK: - Scanning

    /// Reads one record starting at `position` (which is < count) and leaves `position` at the start of
    /// the following physical line (or at `count`). `line` is advanced by every line end consumed.
    @inline(__always)
    private static func readRecord(
        _ base: UnsafePointer<UInt8>, count: Int, position: inout Int, line: inout Int,
        fields: inout FieldBuffer, into record: inout CSVRecord
    ) {
        let quote = CSVByteScanner.quote
        let comma = CSVByteScanner.comma
        let lineFeed = CSVByteScanner.lineFeed
        let carriageReturn = CSVByteScanner.carriageReturn
        var p = position
        while true {
            if p < count && base[p] == quote {
                // Quoted field.
                let contentStart = p &+ 1
                var q = contentStart
                var escaped = false
                while true {
                    q = CSVByteScanner.quotedStop(base, from: q, count: count)
                    if q >= count {
                        record.malformation = .unterminatedQuote(field: fields.total)
                        position = count
                        return
                    }
                    let byte = base[q]
                    if byte == quote {
                        if q &+ 1 < count && base[q &+ 1] == quote {
                            escaped = true
                            q &+= 2
                            continue
                        }
                        break
                    }
                    // A line end inside quotes: part of the value, but it still ends a physical line.
                    line &+= 1
                    q &+= (byte == carriageReturn && q &+ 1 < count && base[q &+ 1] == lineFeed) ? 2 : 1
                }
                let field = CSVField(start: contentStart, end: q, hasEscapedQuotes: escaped)
                let after = q &+ 1
                if after >= count {
                    fields.append(field, into: &record.fields)
                    position = count
                    return
                }
                let next = base[after]
                if next == comma {
                    fields.append(field, into: &record.fields)
                    p = after &+ 1
                    continue
                }
                if next == lineFeed || next == carriageReturn {
                    fields.append(field, into: &record.fields)
                    line &+= 1
                    position = after &+ ((next == carriageReturn && after &+ 1 < count
                        && base[after &+ 1] == lineFeed) ? 2 : 1)
                    return
                }
                // Text after the closing quote: skip the rest of this physical line raw.
                record.malformation = .textAfterClosingQuote(field: fields.total)
                let end = CSVByteScanner.lineEnd(base, from: after, count: count)
                if end >= count {
                    position = count
                } else {
                    line &+= 1
                    position = end &+ ((base[end] == carriageReturn && end &+ 1 < count
                        && base[end &+ 1] == lineFeed) ? 2 : 1)
                }
                return
            }
            // Unquoted fields, eight bytes at a time: a word's separators are found once and taken in
            // turn, so short fields do not each load and test the bytes again.
            var start = p
            var word = p
            var quotedNext = false
            scan: while word &+ 8 <= count {
                let raw = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: word, as: UInt64.self)
                var flags = CSVByteScanner.separatorFlags(UInt64(littleEndian: raw))
                while flags != 0 {
                    let end = word &+ (flags.trailingZeroBitCount &>> 3)
                    fields.append(CSVField(start: start, end: end, hasEscapedQuotes: false), into: &record.fields)
                    let byte = base[end]
                    if byte != comma {
                        line &+= 1
                        position = end &+ ((byte == carriageReturn && end &+ 1 < count
                            && base[end &+ 1] == lineFeed) ? 2 : 1)
                        return
                    }
                    start = end &+ 1
                    if start < count && base[start] == quote {
                        quotedNext = true
                        break scan
                    }
                    flags &= flags &- 1
                }
                word &+= 8
            }
            p = start
            if quotedNext { continue }
            // The last few bytes of the input, one field at a time (also when p == count after a
            // trailing comma: an empty last field).
            let end = CSVByteScanner.unquotedFieldEnd(base, from: p, count: count)
            fields.append(CSVField(start: p, end: end, hasEscapedQuotes: false), into: &record.fields)
            if end >= count {
                position = count
                return
            }
            let byte = base[end]
            if byte == comma {
                p = end &+ 1
                continue
            }
            line &+= 1
            position = end &+ ((byte == carriageReturn && end &+ 1 < count && base[end &+ 1] == lineFeed) ? 2 : 1)
            return
        }
    }

    /// The fields of the record being read, gathered in a small buffer on the stack and put into the
    /// record's array in one go: appending each field to the array checked the array's uniqueness with a
    /// call every time. When the record has as many fields as the previous one (nearly always), they
    /// are copied over the previous ones; emptying the array first (`removeAll(keepingCapacity:)`) cost
    /// 3.7 % of all samples. A record with more fields than the buffer holds is added in several goes.
    struct FieldBuffer {
        static let capacity = 32
        let storage: UnsafeMutablePointer<CSVField>
        var count = 0
        /// Fields already added to the array.
        var flushed = 0

        init(storage: UnsafeMutablePointer<CSVField>) { self.storage = storage }

        /// Fields of the record so far.
        var total: Int { flushed &+ count }

        @inline(__always)
        mutating func append(_ field: CSVField, into fields: inout [CSVField]) {
            if count == Self.capacity { spill(into: &fields) }
            (storage + count).initialize(to: field)
            count &+= 1
        }

        /// Moves the buffered fields into the array (emptied first when these are the record's first).
        mutating func spill(into fields: inout [CSVField]) {
            if flushed == 0 { fields.removeAll(keepingCapacity: true) }
            fields.append(contentsOf: UnsafeBufferPointer(start: storage, count: count))
            flushed &+= count
            count = 0
        }

        /// Leaves the array holding exactly the record's fields.
        mutating func finish(into fields: inout [CSVField]) {
            if flushed == 0 && fields.count == count && count > 0 {
                fields.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: storage, count: count) }
            } else {
                spill(into: &fields)
            }
        }
    }

    /// True when every field is empty after trimming spaces and tabs.
    @inline(__always)
    private static func allBlank(_ base: UnsafePointer<UInt8>, _ fields: [CSVField]) -> Bool {
        for field in fields {
            var i = field.start
            while i < field.end {
                let byte = base[i]
                if byte != space && byte != tab { return false }
                i &+= 1
            }
        }
        return true
    }

    @inline(__always)
    static func trimmedRange(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        precondition(start >= 0 && start <= end && end <= buffer.count, "CSVField outside the text")
        // Nearly every field is empty or has a byte above the space at both ends: nothing to trim. (Space
        // and tab are both at most 0x20; a field with any such byte at an end is trimmed out of line.)
        // Kept this small, the accessors of `RowDecoder` that read a field are small enough for the
        // compiler to inline the date accessors into each record's decode: callgrind at 100,000 children
        // 1,915.5 M → 1,853.9 M instructions, and decode about 0.03 s faster at 1M.
        if start == end { return (start, end) }
        if buffer[start] > space, buffer[end &- 1] > space { return (start, end) }
        return trimmedEnds(buffer, start, end)
    }

    @inline(never)
    private static func trimmedEnds(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start
        var e = end
        while s < e && (buffer[s] == space || buffer[s] == tab) { s &+= 1 }
        while e > s && (buffer[e &- 1] == space || buffer[e &- 1] == tab) { e &-= 1 }
        return (s, e)
    }

    static func makeString(_ content: UnsafeBufferPointer<UInt8>, collapsingQuotes: Bool) -> String {
        if !collapsingQuotes {
            // Ids and codes fit in a small string (15 bytes): ASCII ones are put together from their
            // bytes (`SmallASCII`). Other short text is built with `unsafeUninitializedCapacity`, which
            // cost fewer instructions than `String(decoding:as:)` (callgrind, for a contact's id: 134
            // against 166); either one checks the bytes are UTF-8 and repairs them if not.
            if content.count <= 15 {
                if let base = content.baseAddress, let made = SmallASCII.make(base, content.count) { return made }
                return String(unsafeUninitializedCapacity: content.count) { buffer in
                    _ = buffer.initialize(from: content)
                    return content.count
                }
            }
            return String(decoding: content, as: UTF8.self)
        }
        var collapsed = [UInt8]()
        collapsed.reserveCapacity(content.count)
        var i = 0
        while i < content.count {
            let byte = content[i]
            collapsed.append(byte)
            i &+= (byte == CSVByteScanner.quote && i &+ 1 < content.count
                && content[i &+ 1] == CSVByteScanner.quote) ? 2 : 1
        }
        return String(decoding: collapsed, as: UTF8.self)
    }
}
