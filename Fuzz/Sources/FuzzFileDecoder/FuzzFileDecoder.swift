// libFuzzer harness: FileDecoder.decode for the four record types (SPEC §2: every row accepted or rejected
// with exactly one error finding, counts reconcile).
//
// Input layout: byte 0 chooses the record type (bits 0-1: contacts, s47_enquiries, conferences, audits) and
// whether a complete canonical header line is put in front of the rest (bit 2), so the fuzzer spends its time
// on data rows as well as on headers. Bytes 1... are the file.
//
// Invariants (a failed `require`, i.e. precondition, is a crash that libFuzzer saves as crash-*):
// - only a SchemaError is thrown (typed throws), never when the canonical header was put in front:
//   `missingRequiredColumn` naming this file and a required column that the header really lacks, or another
//   case (`malformedHeader`) only when the header record has broken quoting;
// - rows == accepted + rejected, records.count == accepted, errors == rejected, byteCount == the input size;
// - rows == the data records CSVReader sees after the header, and the lines of the error findings plus the lines
//   of the accepted records are exactly the lines of those records (no row lost or counted twice);
// - accepted ids are unique and trimmed; row warnings belong to accepted rows; one Windows-1252 warning iff the
//   file was read as Windows-1252;
// - a malformed header record (broken quoting) is not used silently: decode throws or reports it;
// - accepted records' ids, texts, teams, sources and codes equal their fields read without RowDecoder's caches.
// The same checks run as `#expect`s in Tests/PathwayCoreTests/Fuzz/FuzzRegressionTests.swift.
import PathwayCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let selector = data[0]
    var raw: [UInt8] = []
    if selector & 4 != 0 { raw += Array(canonicalHeader(selector).utf8) + [0x0A] }
    raw += UnsafeBufferPointer(start: data + 1, count: size - 1)
    let vocabularies = DecodingOptions()
    switch selector & 3 {
    case 0:
        check(Contact.self, raw, "contacts.csv", selector, line: { $0.line }) { c, text in
            require(exact(c.id, text(.contactID)) && exact(c.childID, text(.childID))
                    && exact(c.source, text(.source)) && exact(c.team, text(.team)),
                    "contact \(c.id): a text value differs from its field")
            require(c.isPolice == PoliceSource.matches(c.source), "contact \(c.id): isPolice differs from PoliceSource")
            let outcome = text(.outcome).map { vocabularies.contactOutcomes.code(for: $0) ?? .other }
            require(c.outcome == outcome, "contact \(c.id): outcome differs from its field")
        }
    case 1:
        check(Section47Enquiry.self, raw, "s47_enquiries.csv", selector, line: { $0.line }) { e, text in
            require(exact(e.id, text(.s47ID)) && exact(e.childID, text(.childID))
                    && exact(e.contactID, text(.contactID)) && exact(e.team, text(.team)),
                    "s47 \(e.id): a text value differs from its field")
            let outcome = text(.outcome).map { vocabularies.section47Outcomes.code(for: $0) ?? .other }
            require(e.outcome == outcome, "s47 \(e.id): outcome differs from its field")
        }
    case 2:
        check(ChildProtectionConference.self, raw, "conferences.csv", selector, line: { $0.line }) { c, text in
            require(exact(c.id, text(.conferenceID)) && exact(c.childID, text(.childID))
                    && exact(c.s47ID, text(.s47ID)) && exact(c.team, text(.team)),
                    "conference \(c.id): a text value differs from its field")
            require(c.type == text(.type).flatMap { vocabularies.conferenceTypes.code(for: $0) },
                    "conference \(c.id): type differs from its field")
        }
    default:
        check(CaseAudit.self, raw, "audits.csv", selector, line: { $0.line }) { a, text in
            require(exact(a.id, text(.auditID)) && exact(a.childID, text(.childID)) && exact(a.team, text(.team))
                    && exact(a.auditor, text(.auditor)) && exact(a.auditType, text(.auditType)),
                    "audit \(a.id): a text value differs from its field")
            require(a.grade == text(.grade).flatMap { vocabularies.grades.code(for: $0) },
                    "audit \(a.id): grade differs from its field")
        }
    }
    return 0
}

/// Exact (code point) equality of two optional strings; Swift's `==` would also equate "é" and "e\u{301}".
func exact(_ a: String?, _ b: String?) -> Bool {
    a.map { Array($0.utf8) } == b.map { Array($0.utf8) }
}

/// Every canonical heading of the type chosen by `selector` (and two domain columns for audits).
func canonicalHeader(_ selector: UInt8) -> String {
    switch selector & 3 {
    case 0: return ContactColumn.allCases.map(\.spec.name).joined(separator: ",")
    case 1: return Section47Column.allCases.map(\.spec.name).joined(separator: ",")
    case 2: return ConferenceColumn.allCases.map(\.spec.name).joined(separator: ",")
    default: return (AuditColumn.allCases.map(\.spec.name) + ["domain_voice", "domain_plan"]).joined(separator: ",")
    }
}

/// `values` checks an accepted record's values against `text(column)`: the trimmed field of that column in the
/// record's own CSV row (nil when blank or absent), read without RowDecoder and its caches.
func check<Record: DecodableRecord>(_ type: Record.Type, _ raw: [UInt8], _ fileName: String, _ selector: UInt8,
                                    line: (Record) -> Int,
                                    values: (Record, (Record.Column) -> String?) -> Void) {
    // What CSVReader sees, independently of FileDecoder: the header record and the data records' lines.
    let text = SourceDecoder.decode(raw)
    var reader = CSVReader(text: text)
    var record = CSVRecord()
    var header: (line: Int, malformed: Bool, headings: [String])?
    var trimmedHeadings: [String] = []
    var dataLines: [Int] = []
    var rowsByLine: [Int: [String]] = [:]
    while reader.next(&record) {
        if header == nil {
            trimmedHeadings = record.fields.map { reader.trimmedString($0) }
            header = (record.line, record.isMalformed, trimmedHeadings.map(HeaderText.normalize))
        } else {
            dataLines.append(record.line)
            rowsByLine[record.line] = record.fields.map { reader.trimmedString($0) }
        }
    }

    let decoded: DecodedFile<Record>
    do throws(SchemaError) {
        decoded = try FileDecoder.decode(type, raw: raw, fileName: fileName)
    } catch {
        // `error` is statically a SchemaError (typed throws); check that it is a meaningful one.
        if case let .missingRequiredColumn(file, column, acceptedHeadings) = error {
            require(file == fileName, "SchemaError names \(file), not \(fileName)")
            let spec = Record.Column.allCases.map(\.spec).first { $0.name == column }
            require(spec != nil && spec!.required, "SchemaError names '\(column)', which is not a required column")
            require(acceptedHeadings == spec!.acceptedHeadings, "SchemaError lists the wrong accepted headings")
            let accepted = Set(acceptedHeadings.map(HeaderText.normalize))
            require(!(header?.headings ?? []).contains(where: accepted.contains),
                    "SchemaError says '\(column)' is missing but the header has it")
        } else {
            // Any other schema error (malformedHeader) needs a header record with broken quoting.
            require(header?.malformed == true, "unexpected SchemaError for a well-formed header: \(error)")
        }
        require(selector & 4 == 0, "a file starting with the canonical header must not throw: \(error)")
        return
    }
    let summary = decoded.summary
    let errors = decoded.findings.filter { $0.severity == .error }
    require(summary.rows == summary.accepted + summary.rejected, "rows != accepted + rejected")
    require(decoded.records.count == summary.accepted, "records.count != accepted")
    require(errors.count == summary.rejected, "\(errors.count) error findings but \(summary.rejected) rejected")
    require(summary.byteCount == raw.count && summary.file == fileName, "summary byteCount/file")
    require(summary.sha256.count == 64 && summary.sha256.utf8.allSatisfy { (0x30...0x39).contains($0)
        || (0x61...0x66).contains($0) }, "sha256 is not 64 lowercase hex digits")
    require(summary.encoding == text.encoding, "summary encoding differs from SourceDecoder")

    require(summary.rows == dataLines.count, "rows \(summary.rows) but CSVReader sees \(dataLines.count) data records")
    let errorLines = errors.map { $0.line ?? -1 }
    let acceptedLines = decoded.records.map(line)
    require((errorLines + acceptedLines).sorted() == dataLines,
            "error findings and accepted records do not cover each data record exactly once")

    // Ids are compared exactly (by code points, SPEC §2), not by Swift's canonical equivalence.
    let ids = decoded.records.map(\.id)
    require(Set(ids.map { Array($0.utf8) }).count == ids.count, "duplicate ids accepted")
    for id in ids {
        require(!id.isEmpty && id.first != " " && id.first != "\t" && id.last != " " && id.last != "\t",
                "accepted id '\(id)' is blank or untrimmed")
    }
    if let positions = try? HeaderMatch<Record.Column>(headings: trimmedHeadings, file: fileName, line: 1) {
        for accepted in decoded.records {
            let fields = rowsByLine[line(accepted)] ?? []
            values(accepted) { column in
                guard let position = positions.position(of: column), position < fields.count,
                      !fields[position].isEmpty else { return nil }
                return fields[position]
            }
        }
    }
    let accepted = Set(acceptedLines)
    var encodingWarnings = 0
    for finding in decoded.findings where finding.severity == .warning {
        switch finding.line {
        case nil:
            require(finding.rule == .windows1252Encoding, "a whole-file warning other than the encoding")
            encodingWarnings += 1
        case let line?:
            if finding.rule == .duplicateColumn {
                require(line == header?.line ?? 1, "duplicate_column warning not on the header line")
            } else {
                require(accepted.contains(line), "warning \(finding.rule) on line \(line), not an accepted row")
            }
        }
    }
    require(encodingWarnings == (text.encoding == .windows1252 ? 1 : 0), "Windows-1252 warning count")

    if let header, header.malformed {
        require(decoded.findings.contains { $0.rule == .malformedRecord && $0.line == header.line },
                "the header record (line \(header.line)) has broken quoting but was used without a finding")
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

@_cdecl("FuzzFileDecoder_main")
func libFuzzerEntry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}
