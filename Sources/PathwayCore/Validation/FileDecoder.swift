/// Decode and validate (SPEC §2): CSV bytes → typed records + findings. Every record is accepted or
/// rejected; a rejected record yields exactly one error finding.
public enum FileDecoder {
    /// `sha256` is the file's digest when the caller computed it already (in parallel); else it is computed here.
    public static func decode<Record: DecodableRecord>(
        _: Record.Type, raw: [UInt8], fileName: String, options: DecodingOptions = DecodingOptions(),
        sha256: String? = nil
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

        var records: [Record] = []
        var acceptedIDs: Set<ExactText> = []
        // About one record per 100 bytes in these exports: reserve once instead of growing.
        let expected = raw.count / 100
        records.reserveCapacity(expected)
        acceptedIDs.reserveCapacity(expected)
        var row = RowDecoder(reader: reader, header: header, file: fileName, options: options)
        var rows = 0
        var rejected = 0
        while reader.next(&record) {
            rows += 1
            if let malformation = record.malformation {
                rejected += 1
                findings.append(malformed(malformation, record: record, header: header, file: fileName))
                continue
            }
            if record.fields.count != header.fieldCount {
                rejected += 1
                findings.append(Finding(
                    file: fileName, line: record.line, column: nil, rule: .fieldCountMismatch,
                    message: "the record has \(record.fields.count) fields but the header has \(header.fieldCount)",
                    value: nil))
                continue
            }
            row.begin(record)
            let decoded = Record.decode(&row)
            // One hash per row: insert the id now, and take it out again if the row is rejected.
            var insertedID: ExactText?
            if let id = decoded?.id ?? row.text(Record.Column.idColumn) {
                let key = ExactText(id)
                if acceptedIDs.insert(key).inserted {
                    insertedID = key
                } else {
                    row.report(.duplicateID, Record.Column.idColumn, value: id,
                               "\(Record.Column.idColumn.spec.name) '\(id)' repeats an earlier record")
                }
            }
            if let error = row.firstError {
                rejected += 1
                findings.append(error)
                if let insertedID { acceptedIDs.remove(insertedID) }
            } else if let decoded {
                records.append(decoded)
                findings += row.warnings
            } else {
                preconditionFailure("a record that did not decode must have reported an error")
            }
        }
        let summary = InputSummary(file: fileName, rows: rows, accepted: records.count, rejected: rejected,
                                   sha256: sha256 ?? SHA256.hexDigest(raw), encoding: text.encoding, byteCount: raw.count)
        return DecodedFile(records: records, findings: findings, summary: summary)
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
