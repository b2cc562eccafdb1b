import PathwayCore

/// The invariants of `FileDecoder.decode` (SPEC §2: every row accepted or rejected with exactly one error
/// finding, counts reconcile), checked by the FuzzFileDecoder harness and by FuzzRegressionTests:
/// - only a SchemaError is thrown (typed throws), never when the canonical header was put in front:
///   `missingRequiredColumn` naming this file and a required column that the header really lacks, or another
///   case (`malformedHeader`) only when the header record has broken quoting;
/// - rows == accepted + rejected, records.count == accepted, errors == rejected, byteCount == the input size;
/// - rows == the data records CSVReader sees after the header, and the lines of the error findings plus the lines
///   of the accepted records are exactly the lines of those records (no row lost or counted twice);
/// - accepted ids are unique and trimmed; row warnings belong to accepted rows; one Windows-1252 warning iff the
///   file was read as Windows-1252;
/// - a malformed header record (broken quoting) is not used silently: decode throws or reports it;
/// - accepted records' ids, texts, teams, sources and codes equal their fields read without RowDecoder's caches.
public enum FileDecoderInvariants {
    /// What FileDecoder did with a file, and which invariants it broke.
    public struct Outcome {
        public var threw: SchemaError?
        public var summary: InputSummary?
        public var findings: [Finding] = []
        /// The header record had broken quoting.
        public var headerMalformed = false
        /// ... and decode threw or reported it. `decode` and `decodeAny` leave checking this to the caller;
        /// `harness` checks it.
        public var headerReported = false
        /// The violated invariants; empty when all held.
        public var problems: [String] = []
    }

    /// The FuzzFileDecoder harness's input layout: byte 0 picks the type (bits 0-1: contacts, s47_enquiries,
    /// conferences, audits) and whether the canonical header line is put in front of the rest (bit 2), so the
    /// fuzzer spends its time on data rows as well as on headers. Bytes 1... are the file. Nil for no bytes.
    public static func harness(_ data: [UInt8]) -> Outcome? {
        guard let selector = data.first else { return nil }
        var raw: [UInt8] = []
        if selector & 4 != 0 { raw += Array(canonicalHeader(selector).utf8) + [0x0A] }
        raw += data.dropFirst()
        var outcome = decodeAny(selector, raw)
        if let error = outcome.threw {
            if selector & 4 != 0 {
                outcome.problems.append("a file starting with the canonical header must not throw: \(error)")
            }
        } else if outcome.headerMalformed && !outcome.headerReported {
            // Whatever the header's quote swallowed would be lost without a finding.
            outcome.problems.append("the header record has broken quoting but was used without a finding")
        }
        return outcome
    }

    /// Decodes `raw` as the type chosen by `selector & 3` and checks every invariant but the header one.
    public static func decodeAny(_ selector: UInt8, _ raw: [UInt8]) -> Outcome {
        let vocabularies = DecodingOptions()
        switch selector & 3 {
        case 0:
            return decode(Contact.self, raw, "contacts.csv") { c, text, problems in
                let what = "contact \(c.id) at line \(c.line)"
                problems.check(exact(c.id, text(.contactID)) && exact(c.childID, text(.childID))
                               && exact(c.source, text(.source)) && exact(c.team, text(.team)),
                               "\(what): a text value differs from its field")
                problems.check(c.isPolice == PoliceSource.matches(c.source), "\(what): isPolice differs from PoliceSource")
                problems.check(c.outcome == text(.outcome).map { vocabularies.contactOutcomes.code(for: $0) ?? .other },
                               "\(what): outcome differs from its field")
            }
        case 1:
            return decode(Section47Enquiry.self, raw, "s47_enquiries.csv") { e, text, problems in
                let what = "s47 \(e.id) at line \(e.line)"
                problems.check(exact(e.id, text(.s47ID)) && exact(e.childID, text(.childID))
                               && exact(e.contactID, text(.contactID)) && exact(e.team, text(.team)),
                               "\(what): a text value differs from its field")
                problems.check(e.outcome == text(.outcome).map { vocabularies.section47Outcomes.code(for: $0) ?? .other },
                               "\(what): outcome differs from its field")
            }
        case 2:
            return decode(ChildProtectionConference.self, raw, "conferences.csv") { c, text, problems in
                let what = "conference \(c.id) at line \(c.line)"
                problems.check(exact(c.id, text(.conferenceID)) && exact(c.childID, text(.childID))
                               && exact(c.s47ID, text(.s47ID)) && exact(c.team, text(.team)),
                               "\(what): a text value differs from its field")
                problems.check(c.type == text(.type).flatMap { vocabularies.conferenceTypes.code(for: $0) },
                               "\(what): type differs from its field")
            }
        default:
            return decode(CaseAudit.self, raw, "audits.csv") { a, text, problems in
                let what = "audit \(a.id) at line \(a.line)"
                problems.check(exact(a.id, text(.auditID)) && exact(a.childID, text(.childID)) && exact(a.team, text(.team))
                               && exact(a.auditor, text(.auditor)) && exact(a.auditType, text(.auditType)),
                               "\(what): a text value differs from its field")
                problems.check(a.grade == text(.grade).flatMap { vocabularies.grades.code(for: $0) },
                               "\(what): grade differs from its field")
            }
        }
    }

    /// FileDecoder invariants: reconciled counts, one error per rejected row, every data record accounted for.
    /// `values` checks an accepted record against `text(column)`: the trimmed field of that column in the
    /// record's own CSV row (nil when blank or absent), read without RowDecoder and its caches.
    static func decode<Record: DecodableRecord>(
        _ type: Record.Type, _ raw: [UInt8], _ fileName: String,
        values: (Record, (Record.Column) -> String?, inout Problems) -> Void
    ) -> Outcome {
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
        var outcome = Outcome()
        outcome.headerMalformed = header?.malformed == true
        var problems = Problems()

        let decoded: DecodedFile<Record>
        do throws(SchemaError) {
            decoded = try FileDecoder.decode(type, raw: raw, fileName: fileName)
        } catch {
            // `error` is statically a SchemaError (typed throws); check that it is a meaningful one.
            outcome.threw = error
            outcome.headerReported = true
            if case let .missingRequiredColumn(file, column, acceptedHeadings) = error {
                problems.check(file == fileName, "SchemaError names \(file), not \(fileName)")
                let spec = Record.Column.allCases.map(\.spec).first { $0.name == column }
                problems.check(spec?.required == true, "SchemaError names '\(column)', which is not a required column")
                problems.check(acceptedHeadings == spec?.acceptedHeadings, "SchemaError lists the wrong accepted headings")
                let accepted = Set(acceptedHeadings.map(HeaderText.normalize))
                problems.check(!(header?.headings ?? []).contains(where: accepted.contains),
                               "SchemaError says '\(column)' is missing but the header has it")
            } else {
                // Any other schema error (malformedHeader) needs a header record with broken quoting.
                problems.check(outcome.headerMalformed, "unexpected SchemaError for a well-formed header: \(error)")
            }
            outcome.problems = problems.messages
            return outcome
        }
        let summary = decoded.summary
        outcome.summary = summary
        outcome.findings = decoded.findings
        let errors = decoded.findings.filter { $0.severity == .error }
        problems.check(summary.rows == summary.accepted + summary.rejected, "rows != accepted + rejected")
        problems.check(decoded.records.count == summary.accepted, "records.count != accepted")
        problems.check(errors.count == summary.rejected, "\(errors.count) error findings but \(summary.rejected) rejected")
        problems.check(summary.byteCount == raw.count && summary.file == fileName, "summary byteCount/file")
        problems.check(summary.sha256.count == 64 && summary.sha256.utf8.allSatisfy {
            (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }, "sha256 is not 64 lowercase hex digits")
        problems.check(summary.encoding == text.encoding, "summary encoding differs from SourceDecoder")

        problems.check(summary.rows == dataLines.count,
                       "rows \(summary.rows) but CSVReader sees \(dataLines.count) data records")
        let acceptedLines = decoded.records.map(\.line)
        problems.check((errors.map { $0.line ?? -1 } + acceptedLines).sorted() == dataLines,
                       "error findings and accepted records do not cover each data record exactly once")

        // Ids are compared exactly (by code points, SPEC §2), not by Swift's canonical equivalence.
        let ids = decoded.records.map(\.id)
        problems.check(Set(ids.map { Array($0.utf8) }).count == ids.count, "duplicate ids accepted")
        for id in ids where id.isEmpty || id.first == " " || id.first == "\t" || id.last == " " || id.last == "\t" {
            problems.fail("accepted id '\(id)' is blank or untrimmed")
        }
        if let positions = try? HeaderMatch<Record.Column>(headings: trimmedHeadings, file: fileName, line: 1) {
            for accepted in decoded.records {
                let fields = rowsByLine[accepted.line] ?? []
                values(accepted, { column in
                    guard let position = positions.position(of: column), position < fields.count,
                          !fields[position].isEmpty else { return nil }
                    return fields[position]
                }, &problems)
            }
        }
        let accepted = Set(acceptedLines)
        var encodingWarnings = 0
        for finding in decoded.findings where finding.severity == .warning {
            switch finding.line {
            case nil:
                problems.check(finding.rule == .windows1252Encoding, "a whole-file warning other than the encoding")
                encodingWarnings += 1
            case let findingLine?:
                if finding.rule == .duplicateColumn {
                    problems.check(findingLine == header?.line ?? 1, "duplicate_column warning not on the header line")
                } else {
                    problems.check(accepted.contains(findingLine),
                                   "warning \(finding.rule) on line \(findingLine), not an accepted row")
                }
            }
        }
        problems.check(encodingWarnings == (text.encoding == .windows1252 ? 1 : 0), "Windows-1252 warning count")

        if let header, header.malformed {
            outcome.headerReported = decoded.findings.contains { $0.rule == .malformedRecord && $0.line == header.line }
        }
        outcome.problems = problems.messages
        return outcome
    }

    /// Exact (code point) equality of two optional strings; Swift's `==` would also equate "é" and "e\u{301}".
    static func exact(_ a: String?, _ b: String?) -> Bool {
        a.map { Array($0.utf8) } == b.map { Array($0.utf8) }
    }

    /// Every canonical heading of the type chosen by `selector` (and two domain columns for audits).
    public static func canonicalHeader(_ selector: UInt8) -> String {
        switch selector & 3 {
        case 0: return ContactColumn.allCases.map(\.spec.name).joined(separator: ",")
        case 1: return Section47Column.allCases.map(\.spec.name).joined(separator: ",")
        case 2: return ConferenceColumn.allCases.map(\.spec.name).joined(separator: ",")
        default: return (AuditColumn.allCases.map(\.spec.name) + ["domain_voice", "domain_plan"]).joined(separator: ",")
        }
    }
}
