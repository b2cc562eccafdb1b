import Foundation

/// Decode and validate (SPEC §2): CSV bytes → typed records + findings. Every record is accepted or
/// rejected; a rejected record yields exactly one error finding.
public enum FileDecoder {
    /// `sha256` is the file's digest when the caller computed it already (in parallel); else it is computed here.
    /// With `parallel`, a large file is read as two halves on two cores and merged so that the result is
    /// exactly the one-pass result (`FileDecoderChunkTests` checks this on messy and random files).
    public static func decode<Record: DecodableRecord>(
        _: Record.Type, raw: [UInt8], fileName: String, options: DecodingOptions = DecodingOptions(),
        sha256: String? = nil, parallel: Bool = false
    ) throws(SchemaError) -> DecodedFile<Record> {
        try decode(Record.self, raw: raw, fileName: fileName, options: options, sha256: sha256,
                   parallelThreshold: parallel ? minimumParallelBytes : nil)
    }

    /// `parallelThreshold`: split bodies of at least this many bytes (tests use 0 to split small files).
    static func decode<Record: DecodableRecord>(
        _: Record.Type, raw: [UInt8], fileName: String, options: DecodingOptions, sha256: String?,
        parallelThreshold: Int?
    ) throws(SchemaError) -> DecodedFile<Record> {
        let text = SourceDecoder.decode(raw)
        var reader = CSVReader(text: text)
        var record = CSVRecord()
        var findings: [Finding] = []
        if text.encoding == .windows1252 {
            findings.append(Finding(file: fileName, line: nil, column: nil, rule: .windows1252Encoding,
                                    message: "the file is not valid UTF-8; it was read as Windows-1252", value: nil))
        }
        let headings: [String]
        let headerLine: Int
        if reader.next(&record) {
            guard record.malformation == nil else { throw .malformedHeader(file: fileName, line: record.line) }
            headings = record.fields.map { reader.trimmedString($0) }
            headerLine = record.line
        } else {
            headings = []
            headerLine = 1
        }
        let header = try HeaderMatch<Record.Column>(headings: headings, file: fileName, line: headerLine)
        findings += header.findings

        let body = reader.nextPosition..<text.bytes.count
        let bodyLine = reader.nextLine
        var chunks: [Chunk<Record>]
        if let threshold = parallelThreshold, body.count >= threshold, let split = splitPoint(text, body) {
            // Two halves on two cores; the second starts on the line after the split.
            let slots = ConcurrentSlots<Chunk<Record>>(count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                let range = half == 0 ? body.lowerBound..<split : split..<body.upperBound
                let line = half == 0 ? bodyLine : bodyLine + physicalLineEnds(text.bytes, body.lowerBound..<split)
                slots.set(half, decodeChunk(Record.self, CSVReader(text: text, range: range, line: line), header: header,
                                            fileName: fileName, options: options, trackOutcomes: half == 1))
            }
            chunks = [slots.get(0)!, slots.get(1)!]
            // The split was a record boundary only if the first half did not end inside a quoted field.
            if chunks[0].endedInsideQuote { chunks = [] }
        } else {
            chunks = []
        }
        if chunks.isEmpty {
            chunks = [decodeChunk(Record.self, CSVReader(text: text, range: body, line: bodyLine), header: header,
                                  fileName: fileName, options: options, trackOutcomes: false)]
        }
        var merged = chunks[0]
        let idPosition = header.position(of: Record.Column.idColumn) ?? Int.max
        for chunk in chunks.dropFirst() { merge(chunk, into: &merged, idPosition: idPosition, fileName: fileName) }
        findings += merged.findings
        let summary = InputSummary(file: fileName, rows: merged.rows, accepted: merged.records.count,
                                   rejected: merged.rejected, sha256: sha256 ?? SHA256.hexDigest(raw),
                                   encoding: text.encoding, byteCount: raw.count)
        return DecodedFile(records: merged.records, findings: findings, summary: summary)
    }

    /// What one chunk of a file decoded to; with `outcomes`, enough to redo the duplicate-id check
    /// against the ids accepted in earlier chunks.
    struct Chunk<Record: Sendable>: Sendable {
        enum Outcome: Sendable {
            case accepted(record: Int, id: ExactText, line: Int, warnings: Range<Int>)
            case rejected(finding: Int, id: ExactText?, position: Int)
        }

        var records: [Record] = []
        var findings: [Finding] = []
        var acceptedIDs: Set<ExactText> = []
        var rows = 0
        var rejected = 0
        var outcomes: [Outcome] = []
        var endedInsideQuote = false
    }

    static func decodeChunk<Record: DecodableRecord>(
        _: Record.Type, _ reader: CSVReader, header: HeaderMatch<Record.Column>, fileName: String,
        options: DecodingOptions, trackOutcomes: Bool
    ) -> Chunk<Record> {
        var reader = reader
        var record = CSVRecord()
        var chunk = Chunk<Record>()
        // About one record per 100 bytes in these exports: reserve once instead of growing.
        let expected = (reader.endPosition - reader.nextPosition) / 100
        chunk.records.reserveCapacity(expected)
        chunk.acceptedIDs.reserveCapacity(expected)
        var row = RowDecoder(reader: reader, header: header, file: fileName, options: options)
        while reader.next(&record) {
            chunk.rows += 1
            if let malformation = record.malformation {
                chunk.rejected += 1
                if case .unterminatedQuote = malformation { chunk.endedInsideQuote = true }
                if trackOutcomes { chunk.outcomes.append(.rejected(finding: chunk.findings.count, id: nil, position: -1)) }
                chunk.findings.append(malformed(malformation, record: record, header: header, file: fileName))
                continue
            }
            if record.fields.count != header.fieldCount {
                chunk.rejected += 1
                if trackOutcomes { chunk.outcomes.append(.rejected(finding: chunk.findings.count, id: nil, position: -1)) }
                chunk.findings.append(Finding(
                    file: fileName, line: record.line, column: nil, rule: .fieldCountMismatch,
                    message: "the record has \(record.fields.count) fields but the header has \(header.fieldCount)",
                    value: nil))
                continue
            }
            row.begin(record)
            let decoded = Record.decode(&row)
            // One hash per row: insert the id now, and take it out again if the row is rejected.
            var key: ExactText?
            var insertedID = false
            if let id = decoded?.id ?? row.text(Record.Column.idColumn) {
                key = ExactText(id)
                if chunk.acceptedIDs.insert(key!).inserted {
                    insertedID = true
                } else {
                    row.report(.duplicateID, Record.Column.idColumn, value: id, duplicateMessage(id, Record.Column.self))
                }
            }
            if let error = row.firstError {
                chunk.rejected += 1
                if insertedID { chunk.acceptedIDs.remove(key!) }
                if trackOutcomes {
                    chunk.outcomes.append(.rejected(finding: chunk.findings.count, id: key, position: error.columnPosition))
                }
                chunk.findings.append(error)
            } else if let decoded {
                if trackOutcomes {
                    let first = chunk.findings.count
                    chunk.outcomes.append(.accepted(record: chunk.records.count, id: key!, line: record.line,
                                                    warnings: first..<(first + row.warnings.count)))
                }
                chunk.records.append(decoded)
                chunk.findings += row.warnings
            } else {
                preconditionFailure("a record that did not decode must have reported an error")
            }
        }
        return chunk
    }

    /// Appends the second (last) chunk, replaying its rows against the ids the first chunk accepted, so
    /// the result is what reading the file in one pass gives: a row whose id the first chunk accepted is
    /// a duplicate (its first problem, unless an earlier column already had one). Duplicates within the
    /// second chunk were found while decoding it. `merged.acceptedIDs` is not updated (nothing follows).
    static func merge<Record: DecodableRecord>(_ later: Chunk<Record>, into merged: inout Chunk<Record>,
                                                idPosition: Int, fileName: String) {
        let earlier = merged.acceptedIDs
        func duplicate(_ id: ExactText, line: Int) -> Finding {
            Finding(file: fileName, line: line, column: Record.Column.idColumn.spec.name, rule: .duplicateID,
                    message: duplicateMessage(id.value, Record.Column.self), value: id.value, columnPosition: idPosition)
        }
        func changes(_ outcome: Chunk<Record>.Outcome) -> Bool {
            switch outcome {
            case let .accepted(_, id, _, _): return earlier.contains(id)
            case let .rejected(index, id, position):
                guard let id, position > idPosition, later.findings[index].rule != .duplicateID else { return false }
                return earlier.contains(id)
            }
        }
        merged.rows += later.rows
        merged.rejected += later.rejected
        // Usually no row of the second half repeats an id of the first: append everything at once.
        guard later.outcomes.contains(where: changes) else {
            merged.records.append(contentsOf: later.records)
            merged.findings.append(contentsOf: later.findings)
            return
        }
        for outcome in later.outcomes {
            switch outcome {
            case let .accepted(index, id, line, warnings):
                if earlier.contains(id) {
                    merged.rejected += 1
                    merged.findings.append(duplicate(id, line: line))
                } else {
                    merged.records.append(later.records[index])
                    merged.findings += later.findings[warnings]
                }
            case let .rejected(index, id, position):
                var finding = later.findings[index]
                if let id, position > idPosition, finding.rule != .duplicateID, earlier.contains(id) {
                    finding = duplicate(id, line: finding.line ?? 0)
                }
                merged.findings.append(finding)
            }
        }
    }

    static func duplicateMessage<Column: SchemaColumn>(_ id: String, _: Column.Type) -> String {
        "\(Column.idColumn.spec.name) '\(id)' repeats an earlier record"
    }

    /// The "the largest file is split in two" point: the start of a physical line near the middle of the body.
    static func splitPoint(_ text: DecodedText, _ body: Range<Int>) -> Int? {
        let bytes = text.bytes
        var i = body.lowerBound + body.count / 2
        while i < body.upperBound, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
        guard i < body.upperBound else { return nil }
        if bytes[i] == 0x0D, i + 1 < body.upperBound, bytes[i + 1] == 0x0A { i += 1 }
        return i + 1 < body.upperBound ? i + 1 : nil
    }

    /// Files smaller than this are read in one pass.
    static let minimumParallelBytes = 4 << 20

    /// Physical line ends in a range (CRLF, LF and a lone CR each end one line), as CSVReader counts them.
    static func physicalLineEnds(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var i = range.lowerBound
            while i < range.upperBound {
                let byte = buffer[i]
                if byte == 0x0A {
                    count += 1
                } else if byte == 0x0D {
                    count += 1
                    if i + 1 < range.upperBound, buffer[i + 1] == 0x0A { i += 1 }
                }
                i += 1
            }
            return count
        }
    }

    private static func malformed<Column>(_ malformation: CSVMalformation, record: CSVRecord,
                                          header: HeaderMatch<Column>, file: String) -> Finding {
        let (field, what): (Int, String)
        switch malformation {
        case let .textAfterClosingQuote(index): (field, what) = (index, "text after a closing quote")
        case let .unterminatedQuote(index): (field, what) = (index, "a quote that is never closed (the rest of the file is one record)")
        }
        let name = field < header.columnNames.count ? header.columnNames[field] : nil
        return Finding(file: file, line: record.line, column: name ?? "field \(field + 1)", rule: .malformedRecord,
                       message: "broken quoting in field \(field + 1): \(what)", value: nil, columnPosition: field)
    }
}
