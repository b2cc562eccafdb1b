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
        try decode(Record.self, raw: InputBytes(raw), fileName: fileName, options: options, sha256: sha256,
                   parallelThreshold: parallel ? minimumParallelBytes : nil)
    }

    /// `parallelThreshold`: split bodies of at least this many bytes (tests use 0 to split small files);
    /// `doneReadingStep` and `utf8CheckStep` as for `Plan`.
    static func decode<Record: DecodableRecord>(
        _: Record.Type, raw: InputBytes, fileName: String, options: DecodingOptions, sha256: String?,
        parallelThreshold: Int?, doneReadingStep: Int = defaultDoneReadingStep, utf8CheckStep: Int = defaultUTF8CheckStep,
        defersLookups: Bool = true, settleEvery: Int = AcceptedIDs.defaultSettleEvery, foldEvery: Int = defaultFoldEvery
    ) throws(SchemaError) -> DecodedFile<Record> {
        var plan = try Plan<Record>(raw: raw, fileName: fileName, options: options, parallelThreshold: parallelThreshold,
                                    doneReadingStep: doneReadingStep, utf8CheckStep: utf8CheckStep)
        plan.defersLookups = defersLookups
        plan.settleEvery = settleEvery
        plan.foldEvery = foldEvery
        return plan.decodeParts(sha256: sha256 ?? SHA256.hexDigest(raw))
    }

    /// A file read up to its body: the header checked, and the body cut into one or two parts that can be
    /// decoded on different cores (`decode(part:)`) and then joined (`finish`) into exactly the one-pass
    /// result (`FileDecoderChunkTests` checks this on messy and random files).
    public struct Plan<Record: DecodableRecord>: Sendable {
        let text: DecodedText
        let header: HeaderMatch<Record.Column>
        let fileName: String
        let options: DecodingOptions
        let byteCount: Int
        /// Findings before the body (encoding, header).
        let findings: [Finding]
        /// Each part's byte range.
        let parts: [Range<Int>]
        /// The physical line the body (the first part) starts on.
        let bodyLine: Int
        /// Bytes read between two `InputBytes.doneReading` calls.
        let doneReadingStep: Int
        /// Whether the parts check their bytes as UTF-8 as they read them (`UTF8CheckAhead`), at least
        /// `utf8CheckStep` bytes at a time; `utf8Stop` lets the first part that finds bytes that are not
        /// UTF-8 stop the others.
        let checksUTF8: Bool
        let utf8CheckStep: Int
        let utf8Stop = UTF8CheckAhead.Stop()
        let parallelThreshold: Int?
        /// Whether the parts defer the lookups of ids out of order (`AcceptedIDs.settle`); tests compare
        /// with parts that do not.
        var defersLookups = true
        /// `AcceptedIDs.settleEvery` (tests settle a few ids at a time).
        var settleEvery = AcceptedIDs.defaultSettleEvery
        /// Records decoded between two additions to the options' fold (`DecodingOptions.contactFold`), at
        /// least (tests fold a few at a time).
        var foldEvery = FileDecoder.defaultFoldEvery

        /// Reads the header. With a `parallelThreshold`, a body of at least that many bytes is cut in two
        /// at the start of a physical line near its middle. `checkedUTF8`: whether the caller found the
        /// file valid UTF-8 (`SourceDecoder.decode(_:checkedValid:)`); nil to leave the body's check to
        /// the parts (`text(_:checkedUTF8:)`). Every `doneReadingStep` bytes, a part tells the bytes
        /// (`InputBytes.doneReading`) that it is done with the records before.
        public init(raw: InputBytes, fileName: String, options: DecodingOptions, parallelThreshold: Int?,
                    checkedUTF8: Bool? = nil, doneReadingStep: Int = defaultDoneReadingStep,
                    utf8CheckStep: Int = defaultUTF8CheckStep) throws(SchemaError) {
            precondition(doneReadingStep > 0, "a part reads at least one byte between two calls")
            let (text, checksUTF8) = Self.text(raw, checkedUTF8: checkedUTF8)
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
            if let threshold = parallelThreshold, body.count >= threshold, let split = splitPoint(text, body) {
                parts = [body.lowerBound..<split, split..<body.upperBound]
            } else {
                parts = [body]
            }
            self.bodyLine = reader.nextLine
            self.doneReadingStep = doneReadingStep
            self.checksUTF8 = checksUTF8
            self.utf8CheckStep = utf8CheckStep
            self.parallelThreshold = parallelThreshold
            self.text = text
            self.header = header
            self.fileName = fileName
            self.options = options
            self.byteCount = raw.count
            self.findings = findings
        }

        /// The file's text, and whether its body is still to be checked as UTF-8.
        ///
        /// Unless the caller has checked the file (`checkedUTF8`), only the header (with any blank lines
        /// before it) is checked here, and the parts check the body as they read it (`UTF8CheckAhead`). A
        /// header of ASCII bytes reads the same whether the file turns out to be UTF-8 or Windows-1252 (SPEC
        /// §2), so it is read before the body's encoding is known; when a part finds bytes that are not
        /// UTF-8, `finish` reads the whole file again as Windows-1252. A header with any other byte has the
        /// whole file checked at once, before anything is read.
        static func text(_ raw: InputBytes, checkedUTF8: Bool?) -> (DecodedText, checksBody: Bool) {
            if let checkedUTF8 { return (SourceDecoder.decode(raw, checkedValid: checkedUTF8), false) }
            let asUTF8 = SourceDecoder.decode(raw, checkedValid: true)
            var reader = CSVReader(text: asUTF8)
            var record = CSVRecord()
            _ = reader.next(&record)
            let header = asUTF8.start..<reader.nextPosition
            let ascii = raw.withUnsafeBufferPointer { bytes in bytes[header].allSatisfy { $0 < 0x80 } }
            return ascii ? (asUTF8, true) : (SourceDecoder.decode(raw), false)
        }

        /// 1, or 2 when the body was cut in two.
        public var partCount: Int { parts.count }

        /// Bytes in a part, for scheduling the largest work first.
        public func size(ofPart part: Int) -> Int { parts[part].count }

        /// Decodes one part; any thread.
        public func decode(part: Int) -> Chunk<Record> {
            let range = parts[part]
            // The second part's lines are counted from 0 and moved on by the line the first part ended on
            // when the parts are joined. (Counting the first part's line ends before decoding the second
            // took 1.7 % of all samples at 1M children.)
            let line = part == 0 ? bodyLine : 0
            // The first of two parts makes room for the whole body's records, so that the second part is
            // appended to it without moving the first.
            let bytes = part == 0 ? parts[parts.count - 1].upperBound - parts[0].lowerBound : range.count
            let utf8 = checksUTF8 ? UTF8CheckAhead(range: range, step: utf8CheckStep, stop: utf8Stop) : .unchecked
            return decodeChunk(Record.self, CSVReader(text: text, range: range, line: line),
                               header: header, fileName: fileName, options: options, laterPart: part == 1,
                               expectedRecords: bytes / 100, doneReadingStep: doneReadingStep, utf8: utf8,
                               defersLookups: defersLookups, settleEvery: settleEvery, foldEvery: foldEvery)
        }

        /// Decodes every part (two on two cores) and joins them.
        public consuming func decodeParts(sha256: String) -> DecodedFile<Record> {
            var parts: [Chunk<Record>] = []
            if partCount == 2 {
                let slots = ConcurrentSlots<Chunk<Record>>(count: 2)
                let plan = copy self
                DispatchQueue.concurrentPerform(iterations: 2) { part in slots.set(part, plan.decode(part: part)) }
                parts = [slots.take(0)!, slots.take(1)!]
            } else {
                parts = [decode(part: 0)]
            }
            return finish(parts, sha256: sha256)
        }

        /// Joins the decoded parts (in order) into the file's result. Consuming: once no part has to be
        /// read again, the plan's text is released before the parts are joined, so that a caller holding
        /// no other reference to the file's bytes frees them first (at 1M children, contacts.csv's
        /// 183 MB were still held while its halves were joined, at the run's peak memory).
        public consuming func finish(_ decoded: consuming [Chunk<Record>], sha256: String) -> DecodedFile<Record> {
            precondition(decoded.count == parts.count, "every part is decoded")
            if decoded.contains(where: \.notUTF8) {
                // Not UTF-8 after all: the whole file is read again as Windows-1252 (SPEC §2). Its header,
                // all ASCII, reads the same; the parts already read are dropped first.
                _ = consume decoded
                var again: Plan
                do {
                    again = try Plan(raw: text.bytes, fileName: fileName, options: options,
                                     parallelThreshold: parallelThreshold, checkedUTF8: false,
                                     doneReadingStep: doneReadingStep, utf8CheckStep: utf8CheckStep)
                } catch {
                    preconditionFailure("a header of ASCII bytes reads the same as Windows-1252: \(error)")
                }
                again.defersLookups = defersLookups
                again.settleEvery = settleEvery
                again.foldEvery = foldEvery
                return again.decodeParts(sha256: sha256)
            }
            var chunks = decoded
            // The cut was a record boundary only if the first part did not end inside a quoted field;
            // otherwise the file is read again in one pass.
            if chunks.count == 2, chunks[0].endedInsideQuote {
                let body = parts[0].lowerBound..<parts[1].upperBound
                chunks = [decodeChunk(Record.self, CSVReader(text: text, range: body, line: bodyLine),
                                      header: header, fileName: fileName, options: options, laterPart: false,
                                      expectedRecords: body.count / 100, doneReadingStep: doneReadingStep,
                                      utf8: .unchecked, defersLookups: defersLookups, settleEvery: settleEvery,
                                      foldEvery: foldEvery)]
            }
            // A second part that accepted an id the first accepted too (or rejected a row for a later
            // column, whose first problem would then be the repeated id) did not decode as one pass would:
            // it is read again, after the first, with the first's ids (its bytes come back from the page
            // cache, and were found to be UTF-8 the first time). Exports rarely repeat an id at all.
            if chunks.count == 2, FileDecoder.partsMeet(chunks[0], chunks[1]) {
                // The first reading's records are let go before the second is made, not held beside it.
                chunks[1] = Chunk()
                chunks[1] = decodeChunk(Record.self, CSVReader(text: text, range: parts[1], line: 0),
                                        header: header, fileName: fileName, options: options, laterPart: true,
                                        expectedRecords: parts[1].count / 100, doneReadingStep: doneReadingStep,
                                        utf8: .unchecked, acceptedIDs: chunks[0].acceptedIDs,
                                        defersLookups: defersLookups, settleEvery: settleEvery, foldEvery: foldEvery)
            }
            let fileName = self.fileName, findings = self.findings
            let encoding = text.encoding, byteCount = self.byteCount
            _ = consume self
            // Moved out of the array so that appending the second part changes the first in place.
            var merged = chunks.removeFirst()
            while !chunks.isEmpty { merge(chunks.removeFirst(), into: &merged) }
            let accepted = merged.records.count + merged.droppedCount + merged.foldedCount
            let summary = InputSummary(file: fileName, rows: merged.rows, accepted: accepted,
                                       rejected: merged.rejected, sha256: sha256,
                                       encoding: encoding, byteCount: byteCount)
            return DecodedFile(records: merged.records, findings: findings + merged.findings, summary: summary,
                               fold: merged.fold)
        }
    }

    /// What a chunk being read was after a settle of its deferred ids (`decodeChunk`), to go back to.
    struct ReadCheckpoint {
        /// Settles between two checkpoints, at most (`AcceptedIDs.settleEvery` ids each).
        static let settlesApart = 16
        let reader: CSVReader
        let ids: AcceptedIDs
        let records: Int, findings: Int, rejectedIDs: Int
        let rows: Int, rejected: Int, dropped: Int
        let endedInsideQuote: Bool

        /// `records`: how many the chunk holds (in `records`, or a later part's `MovableRecords`): none
        /// when it folds them (`DecodingOptions.contactFold`), whose checkpoints come after a fold.
        init<Record>(reader: CSVReader, ids: AcceptedIDs, chunk: Chunk<Record>, records: Int) {
            self.reader = reader
            self.ids = ids
            self.records = records
            findings = chunk.findings.count
            rejectedIDs = chunk.rejectedIDs.count
            (rows, rejected, dropped) = (chunk.rows, chunk.rejected, chunk.droppedCount)
            endedInsideQuote = chunk.endedInsideQuote
        }
    }

    /// What one chunk of a file decoded to.
    public struct Chunk<Record: DecodableRecord>: Sendable {
        /// The accepted records of a first or only part.
        var records: [Record] = []
        /// Accepted rows not kept (`DecodableRecord.decodeKept`): counted, their ids in `acceptedIDs`.
        var droppedCount = 0
        /// Accepted records added to the fold (`DecodingOptions.contactFold` and so on) and let go, and the fold.
        var foldedCount = 0
        var fold: Record.Fold?
        /// The accepted records of a later part (one read with `laterPart`), to be moved onto the
        /// first part's.
        var laterRecords: MovableRecords<Record>?
        var findings: [Finding] = []
        /// Every id the chunk accepted, kept or not.
        var acceptedIDs = AcceptedIDs()
        var rows = 0
        var rejected = 0
        /// A later part's rows rejected for a problem in a column after the id column, not for a
        /// repeated id: their ids, for `partsMeet` (if the first part accepted one, that row's first
        /// problem is the repeated id).
        var rejectedIDs: [ExactText] = []
        var endedInsideQuote = false
        /// The chunk's bytes are not all UTF-8 (`UTF8CheckAhead`): it stopped there, and the file is read
        /// again as Windows-1252.
        var notUTF8 = false
        /// The physical line after the chunk's last.
        var endLine = 0
    }

    // Callers in other modules reach this through the generic Plan: without these, every row would go
    // through unspecialised generic code (a metadata lookup per row, measured with callgrind).
    @_specialize(where Record == Contact)
    @_specialize(where Record == Section47Enquiry)
    @_specialize(where Record == ChildProtectionConference)
    @_specialize(where Record == CaseAudit)
    static func decodeChunk<Record: DecodableRecord>(
        _: Record.Type, _ reader: CSVReader, header: HeaderMatch<Record.Column>, fileName: String,
        options: DecodingOptions, laterPart: Bool, expectedRecords: Int, doneReadingStep: Int,
        utf8: UTF8CheckAhead, acceptedIDs startingIDs: AcceptedIDs? = nil, defersLookups: Bool = true,
        settleEvery: Int = AcceptedIDs.defaultSettleEvery, foldEvery: Int = defaultFoldEvery
    ) -> Chunk<Record> {
        precondition(foldEvery > 0, "at least one record between two folds")
        var reader = reader
        var record = CSVRecord()
        var chunk = Chunk<Record>()
        // A run's contacts are added to the fold every `foldEvery` records, once every id before them is
        // settled, and let go: a part holds at most that many (and its checkpoints are taken just after a
        // fold). Should the chunk go back to a checkpoint, the records it folded since are decoded again
        // exactly as before (their ids were settled with no repeat), and the first `skip` are not folded twice.
        var fold = Record.fold(options)
        let foldAt = fold == nil ? Int.max : foldEvery
        var held = 0, foldedSinceCheckpoint = 0, skip = 0
        // Reserved once instead of grown: callers expect about one record per 100 bytes of these exports.
        let expectedHeld = fold == nil ? expectedRecords : min(expectedRecords, foldEvery + 1)
        let laterRecords = laterPart ? MovableRecords<Record>(capacity: expectedHeld) : nil
        if laterRecords == nil { chunk.records.reserveCapacity(expectedHeld) }
        // Kept apart from the chunk while reading. Should the ids not come in order, it expects about one
        // id per 100 bytes of this part. A part read after another starts with the other's ids.
        var acceptedIDs = startingIDs ?? AcceptedIDs(expectedCount: (reader.endPosition - reader.nextPosition) / 100,
                                                     settleEvery: settleEvery)
        acceptedIDs.defersLookups = defersLookups
        let idPosition = header.position(of: Record.Column.idColumn) ?? Int.max
        // The row decoder reads fields straight from the text's bytes, borrowed for the whole chunk.
        let text = reader.text
        return text.bytes.withUnsafeBufferPointer { bytes in
        var row = RowDecoder(bytes: bytes, header: header, file: fileName, options: options)
        // The bytes before the next record are not read again (short of the rare second reading of a
        // file cut inside a quoted field): every `doneReadingStep` bytes they are let go, so that a mapped
        // file's pages leave resident memory as its records arrive instead of adding to them.
        var readUpTo = reader.nextPosition
        // Each record's bytes are checked as UTF-8 before its fields are read, a piece ahead.
        var utf8 = utf8
        // Where to go back to should a deferred id turn out to repeat an earlier one: the chunk as it was
        // after a settle with no repeat (`AcceptedIDs.settleMark`), or at its start. From there it is read
        // again looking each id up as it comes, which gives what one pass without deferring gives (the
        // rows before were decided by ids that were all settled).
        var checkpoint = ReadCheckpoint(reader: reader, ids: acceptedIDs, chunk: chunk, records: held)
        // The rows are read in the inner loop, which stops at the end, or when the deferred ids were
        // settled (rarely: `AcceptedIDs.settleEvery`); the outer one goes back or takes a checkpoint, and
        // on. (Done inside the row loop, this cost about 85 instructions a row, callgrind.)
        var atEnd = false
        while !atEnd {
            if acceptedIDs.repeated {
                // Back to the checkpoint (written out here: a local function capturing the loop's variables
                // made every access to them a dynamic exclusivity check, +5 % instructions).
                reader = checkpoint.reader
                acceptedIDs = checkpoint.ids
                acceptedIDs.defersLookups = false
                if let laterRecords {
                    laterRecords.removeLast(laterRecords.count - checkpoint.records)
                } else {
                    chunk.records.removeLast(chunk.records.count - checkpoint.records)
                }
                held = checkpoint.records
                skip = foldedSinceCheckpoint
                chunk.findings.removeLast(chunk.findings.count - checkpoint.findings)
                chunk.rejectedIDs.removeLast(chunk.rejectedIDs.count - checkpoint.rejectedIDs)
                (chunk.rows, chunk.rejected) = (checkpoint.rows, checkpoint.rejected)
                chunk.droppedCount = checkpoint.dropped
                chunk.endedInsideQuote = checkpoint.endedInsideQuote
            } else if acceptedIDs.settleMark &- checkpoint.ids.settleMark >= ReadCheckpoint.settlesApart || held >= foldAt {
                // A chunk that folds its records settles the ids deferred so far first; after a repeat
                // among them it goes back (the next turn) before folding anything.
                if fold != nil {
                    guard acceptedIDs.settle() else { continue }
                    let folded = foldHeld(&fold!, &chunk.records, laterRecords, skip: &skip)
                    held = 0
                    chunk.foldedCount += folded
                    foldedSinceCheckpoint += folded
                }
                // A copy every few settles: the next change to the bits copies them (a few hundred KB), and
                // going back reads again at most these settles' rows.
                if acceptedIDs.settleMark &- checkpoint.ids.settleMark >= ReadCheckpoint.settlesApart {
                    checkpoint = ReadCheckpoint(reader: reader, ids: acceptedIDs, chunk: chunk, records: held)
                    foldedSinceCheckpoint = 0
                }
            }
            let settleMark = acceptedIDs.settleMark
            while acceptedIDs.settleMark == settleMark && held < foldAt {
                if reader.nextPosition &- readUpTo >= doneReadingStep {
                    text.bytes.doneReading(readUpTo..<reader.nextPosition)
                    readUpTo = reader.nextPosition
                }
                guard reader.next(&record) else {
                    // The ids deferred last are settled here; after a repeat among them, back and on.
                    atEnd = acceptedIDs.settle()
                    break
                }
                guard utf8.cover(reader.nextPosition, in: bytes) else {
                    chunk.notUTF8 = true
                    atEnd = true
                    break
                }
                chunk.rows += 1
                if let malformation = record.malformation {
                    chunk.rejected += 1
                    if case .unterminatedQuote = malformation { chunk.endedInsideQuote = true }
                    chunk.findings.append(malformed(malformation, record: record, header: header, file: fileName))
                    continue
                }
                if record.fields.count != header.fieldCount {
                    chunk.rejected += 1
                    chunk.findings.append(Finding(
                        file: fileName, line: record.line, column: nil, rule: .fieldCountMismatch,
                        message: "the record has \(record.fields.count) fields but the header has \(header.fieldCount)",
                        value: nil))
                    continue
                }
                row.begin(&record)
                var letGo: String?
                var decoded = Record.decodeKept(&row, letGo: &letGo)
                var key: ExactText?
                if let id = decoded?.id ?? letGo ?? row.text(Record.Column.idColumn) {
                    key = ExactText(id)
                    if acceptedIDs.contains(key!) {
                        row.report(.duplicateID, Record.Column.idColumn, value: id, duplicateMessage(id, Record.Column.self))
                    }
                }
                if let error = row.firstError {
                    chunk.rejected += 1
                    if let key, error.columnPosition > idPosition, error.rule != .duplicateID {
                        if laterPart { chunk.rejectedIDs.append(key) }
                        acceptedIDs.noteRejected(key)
                    }
                    chunk.findings.append(error)
                } else if decoded != nil || letGo != nil {
                    acceptedIDs.add(key!)
                    if letGo != nil {
                        chunk.droppedCount += 1
                    } else if let laterRecords {
                        // Moved out, not copied: a copy would retain every String of the record (binding the
                        // record to a constant and appending that copied it: 1.5 % more instructions in all,
                        // callgrind at 100,000 children).
                        laterRecords.append(decoded.take()!)
                        held &+= 1
                    } else {
                        chunk.records.append(decoded.take()!)
                        held &+= 1
                    }
                    // Most rows have no warning; appending an empty array still cost about 150 instructions.
                    if !row.warnings.isEmpty { chunk.findings += row.warnings }
                } else {
                    preconditionFailure("a record that did not decode must have reported an error")
                }
            }
        }
        // (After going back, the bytes already let go are read again, from the page cache.)
        if reader.nextPosition > readUpTo { text.bytes.doneReading(readUpTo..<reader.nextPosition) }
        if !chunk.notUTF8 && !utf8.finish(in: bytes) { chunk.notUTF8 = true }
        // The last records folded (every id is settled at the end); a chunk that is not UTF-8 is read again.
        if fold != nil && !chunk.notUTF8 {
            chunk.foldedCount += foldHeld(&fold!, &chunk.records, laterRecords, skip: &skip)
        }
        chunk.fold = fold
        chunk.acceptedIDs = acceptedIDs
        chunk.laterRecords = laterRecords
        chunk.endLine = reader.nextLine
        return chunk
        }
    }

    /// Adds the records a chunk holds to its fold, but the first `skip` (folded before the chunk went
    /// back to a checkpoint), and lets them go; returns how many it added.
    static func foldHeld<Record: DecodableRecord>(_ fold: inout Record.Fold, _ records: inout [Record],
                                                  _ laterRecords: MovableRecords<Record>?, skip: inout Int) -> Int {
        let count = laterRecords?.count ?? records.count
        let skipped = min(skip, count)
        skip -= skipped
        if let laterRecords {
            laterRecords.withUnsafeBufferPointer { fold.add(UnsafeBufferPointer(rebasing: $0[skipped...])) }
            laterRecords.removeLast(count)
        } else {
            records.withUnsafeBufferPointer { fold.add(UnsafeBufferPointer(rebasing: $0[skipped...])) }
            records.removeAll(keepingCapacity: true)
        }
        return count - skipped
    }

    /// Whether the later of two parts accepted an id the first accepted too, or rejected a row for a
    /// column after the id column with such an id (`Chunk.rejectedIDs`): then it must be read again
    /// after the first (`finish`). Parts in id order, the second's after the first's, need no lookup.
    static func partsMeet<Record: DecodableRecord>(_ first: Chunk<Record>, _ later: Chunk<Record>) -> Bool {
        if later.acceptedIDs.anyAccepted(in: first.acceptedIDs) { return true }
        guard !later.rejectedIDs.isEmpty else { return false }
        var earlier = first.acceptedIDs
        earlier.startLookups()
        return later.rejectedIDs.contains { earlier.accepted($0) }
    }

    /// Appends the second (last) chunk, whose rows do not repeat the first's ids (`partsMeet`), so the
    /// result is what reading the file in one pass gives. The second chunk's lines, counted from 0, are
    /// moved on by the line the first ended on. `merged.acceptedIDs` is not updated (nothing follows).
    @_specialize(where Record == Contact)
    @_specialize(where Record == Section47Enquiry)
    @_specialize(where Record == ChildProtectionConference)
    @_specialize(where Record == CaseAudit)
    static func merge<Record: DecodableRecord>(_ later: Chunk<Record>, into merged: inout Chunk<Record>) {
        let lineOffset = merged.endLine
        merged.endLine = lineOffset + later.endLine
        merged.rows += later.rows
        merged.rejected += later.rejected
        guard let laterRecords = later.laterRecords else {
            preconditionFailure("a later part is read with laterPart, which keeps its records movable")
        }
        laterRecords.moveAll(into: &merged.records) { $0.line += lineOffset }
        merged.droppedCount += later.droppedCount
        merged.foldedCount += later.foldedCount
        if let laterFold = later.fold { merged.fold!.merge(laterFold, lineOffset: lineOffset) }
        merged.findings.append(contentsOf: later.findings.map { $0.movedOn(by: lineOffset) })
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

    /// `Plan`'s `foldEvery` unless told otherwise: 8,192 contacts are 655 KB, which stay in a core's
    /// second-level cache (1 MB here) while every KPI of the fold reads them.
    public static let defaultFoldEvery = 1 << 13

    /// Files smaller than this are read in one pass.
    public static let minimumParallelBytes = 4 << 20

    /// `Plan`'s `utf8CheckStep` unless told otherwise: a piece checked as UTF-8 is still in the core's
    /// cache when the records in it are read.
    public static let defaultUTF8CheckStep = 64 << 10

    /// `Plan`'s `doneReadingStep` unless told otherwise: at most 4 MB of a part's bytes it has read stay
    /// resident (a thousand pages, let go in one call).
    public static let defaultDoneReadingStep = 4 << 20

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
