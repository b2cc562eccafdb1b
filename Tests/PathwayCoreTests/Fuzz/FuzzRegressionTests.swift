import Foundation
import Testing
@testable import PathwayCore

// Replays the fuzzing inputs kept in git through the same invariants as the libFuzzer harnesses in
// Fuzz/Sources (FuzzCSVReader, FuzzFileDecoder, FuzzDateParser), as `#expect`s:
// - every file in Tests/PathwayCoreTests/Fuzz/Regressions/ (crash, timeout and oom inputs that Fuzz/run.sh
//   saved; named <harness>-<kind>-<what>-<hash>), and
// - the seed corpus in Fuzz/Corpus/<harness>/.
// Any input is valid for any harness, so every file goes through all three sets of checks. Plus targeted
// tests for extreme inputs (empty, header only, random bytes, a 100 MiB field, 1,000 columns, 1,000,000
// commas, 10,000 lone quotes, mixed CR/LF). Keep the checks here in step with the harnesses.

// MARK: - Inputs on disk

struct FuzzInput: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    var testDescription: String { name }
}

enum FuzzInputs {
    /// Tests/PathwayCoreTests/Fuzz, found from this file's path (no bundle resources).
    static let testDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let regressionDirectory = testDirectory.appendingPathComponent("Regressions")
    /// The package root: Tests/PathwayCoreTests/Fuzz/../../..
    static let packageRoot = testDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpusDirectory = packageRoot.appendingPathComponent("Fuzz").appendingPathComponent("Corpus")
    static let harnesses = ["FuzzCSVReader", "FuzzFileDecoder", "FuzzDateParser"]

    /// Regular files under `directory` (recursively), sorted by path, skipping hidden files and README.md.
    static func files(under directory: URL, label: String) -> [FuzzInput] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var inputs: [FuzzInput] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  url.lastPathComponent != "README.md",
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            let relative = url.path.replacingOccurrences(of: directory.path + "/", with: "")
            inputs.append(FuzzInput(name: "\(label)/\(relative)", bytes: [UInt8](data)))
        }
        return inputs.sorted { $0.name < $1.name }
    }

    static let regressions = files(under: regressionDirectory, label: "Regressions")
    static let seeds = files(under: corpusDirectory, label: "Corpus")
    static let all = regressions + seeds
}

// MARK: - The harnesses' invariants

enum FuzzChecks {
    /// FuzzCSVReader: SourceDecoder + CSVReader invariants and agreement with the byte-level reference reader.
    /// Returns the records read (line, fields as bytes, malformation) for further checks.
    @discardableResult
    static func csv(_ raw: [UInt8], _ name: String, reference useReference: Bool = true) -> [FuzzReferenceReader.Record] {
        let text = SourceDecoder.decode(raw)
        decoding(raw, text, name)
        let reference = useReference ? FuzzReferenceReader.read(text.bytes, from: text.start) : nil
        let physicalLines = fuzzPhysicalLines(text.bytes, from: text.start)
        var reader = CSVReader(text: text)
        var record = CSVRecord()
        var records: [FuzzReferenceReader.Record] = []
        var previousLine = 1
        var previousEnd = text.start
        while reader.next(&record) {
            guard records.count < text.count + 1 else {
                Issue.record("\(name): CSVReader does not terminate (more records than bytes)")
                return records
            }
            #expect(record.line >= 1 && record.line >= previousLine, "\(name): line numbers must be >= 1 and non-decreasing")
            #expect(record.line <= physicalLines, "\(name): line \(record.line) beyond the last physical line")
            previousLine = record.line
            if let malformation = record.malformation {
                #expect(malformation.field == record.fields.count, "\(name): malformation.field must equal fields.count")
            }
            for field in record.fields {
                let inside = field.start >= text.start && field.start <= field.end && field.end <= text.bytes.count
                #expect(inside, "\(name): field range outside the text")
                #expect(field.start >= previousEnd, "\(name): fields out of order")
                guard inside else { return records }
                previousEnd = field.end
                let quoted = field.start > text.start && text.bytes[field.start - 1] == 0x22
                let content = text.bytes[field.start..<field.end]
                if !quoted {
                    #expect(!content.contains(0x2C) && !content.contains(0x0A) && !content.contains(0x0D),
                            "\(name): an unquoted field holds a comma or a line end")
                    #expect(!field.hasEscapedQuotes, "\(name): an unquoted field cannot have escaped quotes")
                } else if !field.hasEscapedQuotes {
                    #expect(!content.contains(0x22), "\(name): a quoted field without escaped quotes holds a quote")
                }
                let trimmed = reader.trimmedString(field)
                #expect(reader.isBlank(field) == trimmed.isEmpty, "\(name): isBlank disagrees with trimmedString")
                #expect(reader.withTrimmedBytes(field) { $0.count } <= field.byteCount, "\(name): withTrimmedBytes")
            }
            let fields = record.fields.map { fuzzCollapsed(text.bytes, $0) }
            #expect(record.fields.map { Array(reader.string($0).utf8) } == fields,
                    "\(name): string(_:) differs from the raw field bytes")
            records.append(.init(line: record.line, fields: fields, malformation: record.malformation))
        }
        let readPastEnd = reader.next(&record)
        #expect(!readPastEnd && record.fields.isEmpty && record.malformation == nil,
                "\(name): next() after the end must keep returning false with an empty record")
        if let reference {
            #expect(records.count == reference.records.count,
                    "\(name): CSVReader returned \(records.count) records, the reference \(reference.records.count)")
            for (actual, expected) in zip(records, reference.records) where actual != expected {
                Issue.record("\(name): record at line \(actual.line) differs from the reference reader (line \(expected.line))")
                break
            }
        }
        return records
    }

    /// UTF-8 input is kept (BOM skipped); anything else is Windows-1252: one scalar per byte, valid UTF-8 out.
    static func decoding(_ raw: [UInt8], _ text: DecodedText, _ name: String) {
        let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        #expect(text.hadByteOrderMark == hasBOM, "\(name): BOM detection")
        let rest = raw[(hasBOM ? 3 : 0)...]
        let stdlibValid = String(validating: rest, as: UTF8.self) != nil
        #expect((text.encoding == .utf8) == stdlibValid, "\(name): UTF8Validator disagrees with the standard library")
        if text.encoding == .utf8 {
            #expect(text.bytes == raw && text.start == (hasBOM ? 3 : 0), "\(name): valid UTF-8 must be kept as is")
        } else {
            #expect(text.start == 0, "\(name): Windows-1252 text starts at 0")
            let decoded = String(validating: text.bytes, as: UTF8.self)
            #expect(decoded != nil, "\(name): Windows-1252 conversion produced invalid UTF-8")
            if let decoded {
                #expect(decoded.unicodeScalars.count == rest.count, "\(name): Windows-1252 must give one scalar per byte")
                let latin1Kept = zip(rest, decoded.unicodeScalars).allSatisfy { byte, scalar in
                    (byte >= 0x80 && byte < 0xA0) || scalar.value == UInt32(byte)
                }
                #expect(latin1Kept, "\(name): Windows-1252 bytes outside 0x80...0x9F must map to themselves")
            }
        }
    }

    /// What FileDecoder did with a file, as far as the invariants go.
    struct DecodeOutcome {
        var threw: SchemaError?
        var summary: InputSummary?
        var findings: [Finding] = []
        /// The header record had broken quoting.
        var headerMalformed = false
        /// ... and decode threw or reported it (the known issue is that it does neither).
        var headerReported = false
    }

    /// FuzzFileDecoder's input layout: byte 0 picks the type (bits 0-1) and a canonical header (bit 2).
    static func fileDecoderHarness(_ data: [UInt8], _ name: String) {
        guard let selector = data.first else { return }
        var raw: [UInt8] = []
        if selector & 4 != 0 { raw += Array(fuzzCanonicalHeader(selector).utf8) + [0x0A] }
        raw += data.dropFirst()
        let outcome = decodeAny(selector, raw, name)
        if outcome.threw != nil {
            #expect(selector & 4 == 0, "\(name): a file starting with the canonical header must not throw")
        }
        expectHeaderReported(outcome, name)
    }

    /// A header record with broken quoting must not be used silently: whatever its quote swallowed would be
    /// lost without a finding (found by FuzzFileDecoder; the fix makes FileDecoder throw a SchemaError).
    static func expectHeaderReported(_ outcome: DecodeOutcome, _ name: String) {
        guard outcome.headerMalformed else { return }
        #expect(outcome.headerReported, "\(name): the header record has broken quoting but was used silently")
    }

    static func decodeAny(_ selector: UInt8, _ raw: [UInt8], _ name: String) -> DecodeOutcome {
        let vocabularies = DecodingOptions()
        switch selector & 3 {
        case 0:
            return decode(Contact.self, raw, "contacts.csv", name, line: { $0.line }) { c, text in
                #expect(fuzzExact(c.id, text(.contactID)) && fuzzExact(c.childID, text(.childID))
                        && fuzzExact(c.source, text(.source)) && fuzzExact(c.team, text(.team)),
                        "\(name): contact at line \(c.line): a text value differs from its field")
                #expect(c.isPolice == PoliceSource.matches(c.source), "\(name): contact at line \(c.line): isPolice")
                #expect(c.outcome == text(.outcome).map { vocabularies.contactOutcomes.code(for: $0) ?? .other },
                        "\(name): contact at line \(c.line): outcome differs from its field")
            }
        case 1:
            return decode(Section47Enquiry.self, raw, "s47_enquiries.csv", name, line: { $0.line }) { e, text in
                #expect(fuzzExact(e.id, text(.s47ID)) && fuzzExact(e.childID, text(.childID))
                        && fuzzExact(e.contactID, text(.contactID)) && fuzzExact(e.team, text(.team)),
                        "\(name): s47 at line \(e.line): a text value differs from its field")
                #expect(e.outcome == text(.outcome).map { vocabularies.section47Outcomes.code(for: $0) ?? .other },
                        "\(name): s47 at line \(e.line): outcome differs from its field")
            }
        case 2:
            return decode(ChildProtectionConference.self, raw, "conferences.csv", name, line: { $0.line }) { c, text in
                #expect(fuzzExact(c.id, text(.conferenceID)) && fuzzExact(c.childID, text(.childID))
                        && fuzzExact(c.s47ID, text(.s47ID)) && fuzzExact(c.team, text(.team)),
                        "\(name): conference at line \(c.line): a text value differs from its field")
                #expect(c.type == text(.type).flatMap { vocabularies.conferenceTypes.code(for: $0) },
                        "\(name): conference at line \(c.line): type differs from its field")
            }
        default:
            return decode(CaseAudit.self, raw, "audits.csv", name, line: { $0.line }) { a, text in
                #expect(fuzzExact(a.id, text(.auditID)) && fuzzExact(a.childID, text(.childID))
                        && fuzzExact(a.team, text(.team)) && fuzzExact(a.auditor, text(.auditor))
                        && fuzzExact(a.auditType, text(.auditType)),
                        "\(name): audit at line \(a.line): a text value differs from its field")
                #expect(a.grade == text(.grade).flatMap { vocabularies.grades.code(for: $0) },
                        "\(name): audit at line \(a.line): grade differs from its field")
            }
        }
    }

    /// FileDecoder invariants: reconciled counts, one error per rejected row, every data record accounted for.
    /// `values` checks an accepted record against `text(column)`: the trimmed field of that column in the
    /// record's own CSV row (nil when blank or absent), read without RowDecoder and its caches.
    static func decode<Record: DecodableRecord>(_ type: Record.Type, _ raw: [UInt8], _ fileName: String,
                                                _ name: String, line: (Record) -> Int,
                                                values: (Record, (Record.Column) -> String?) -> Void = { _, _ in })
        -> DecodeOutcome {
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
        var outcome = DecodeOutcome()
        outcome.headerMalformed = header?.malformed == true

        let decoded: DecodedFile<Record>
        do throws(SchemaError) {
            decoded = try FileDecoder.decode(type, raw: raw, fileName: fileName)
        } catch {
            outcome.threw = error
            outcome.headerReported = true
            if case let .missingRequiredColumn(file, column, acceptedHeadings) = error {
                #expect(file == fileName, "\(name): SchemaError names \(file), not \(fileName)")
                let spec = Record.Column.allCases.map(\.spec).first { $0.name == column }
                #expect(spec?.required == true, "\(name): SchemaError names '\(column)', not a required column")
                #expect(acceptedHeadings == spec?.acceptedHeadings, "\(name): SchemaError lists the wrong headings")
                let accepted = Set(acceptedHeadings.map(HeaderText.normalize))
                let headings = header?.headings ?? []
                #expect(!headings.contains(where: accepted.contains),
                        "\(name): SchemaError says '\(column)' is missing but the header has it")
            } else {
                #expect(outcome.headerMalformed, "\(name): unexpected SchemaError for a well-formed header: \(error)")
            }
            return outcome
        }
        let summary = decoded.summary
        outcome.summary = summary
        outcome.findings = decoded.findings
        let errors = decoded.findings.filter { $0.severity == .error }
        #expect(summary.rows == summary.accepted + summary.rejected, "\(name): rows != accepted + rejected")
        #expect(decoded.records.count == summary.accepted, "\(name): records.count != accepted")
        #expect(errors.count == summary.rejected, "\(name): \(errors.count) error findings, \(summary.rejected) rejected")
        #expect(summary.byteCount == raw.count && summary.file == fileName, "\(name): summary byteCount/file")
        #expect(summary.sha256.count == 64 && summary.sha256.utf8.allSatisfy {
            (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }, "\(name): sha256 is not 64 lowercase hex digits")
        #expect(summary.encoding == text.encoding, "\(name): summary encoding differs from SourceDecoder")
        #expect(summary.rows == dataLines.count, "\(name): rows \(summary.rows), CSVReader sees \(dataLines.count) data records")
        let acceptedLines = decoded.records.map(line)
        #expect((errors.map { $0.line ?? -1 } + acceptedLines).sorted() == dataLines,
                "\(name): error findings and accepted records do not cover each data record exactly once")
        // Ids are compared exactly (by code points, SPEC §2), not by Swift's canonical equivalence.
        let ids = decoded.records.map(\.id)
        #expect(Set(ids.map { Array($0.utf8) }).count == ids.count, "\(name): duplicate ids accepted")
        #expect(ids.allSatisfy { !$0.isEmpty && $0.first != " " && $0.first != "\t" && $0.last != " " && $0.last != "\t" },
                "\(name): an accepted id is blank or untrimmed")
        if let positions = try? HeaderMatch<Record.Column>(headings: trimmedHeadings, file: fileName, line: 1) {
            for acceptedRecord in decoded.records {
                let fields = rowsByLine[line(acceptedRecord)] ?? []
                values(acceptedRecord) { column in
                    guard let position = positions.position(of: column), position < fields.count,
                          !fields[position].isEmpty else { return nil }
                    return fields[position]
                }
            }
        }
        let accepted = Set(acceptedLines)
        var encodingWarnings = 0
        for finding in decoded.findings where finding.severity == .warning {
            if let findingLine = finding.line {
                if finding.rule == .duplicateColumn {
                    #expect(findingLine == header?.line ?? 1, "\(name): duplicate_column warning not on the header line")
                } else {
                    #expect(accepted.contains(findingLine), "\(name): warning \(finding.rule) on line \(findingLine), not an accepted row")
                }
            } else {
                #expect(finding.rule == .windows1252Encoding, "\(name): a whole-file warning other than the encoding")
                encodingWarnings += 1
            }
        }
        #expect(encodingWarnings == (text.encoding == .windows1252 ? 1 : 0), "\(name): Windows-1252 warning count")
        if let header, header.malformed {
            outcome.headerReported = decoded.findings.contains { $0.rule == .malformedRecord && $0.line == header.line }
        }
        return outcome
    }

    /// FuzzDateParser: a parsed Day round-trips, has a year in 1...9999, and agrees with the reference parser.
    static func date(_ bytes: [UInt8], _ name: String) {
        let day = bytes.withUnsafeBufferPointer { DateParser.parse($0) }
        if let day {
            let c = day.components
            #expect((1...9999).contains(c.year), "\(name): year \(c.year) outside 1...9999")
            #expect(DateParser.parse(day.description) == day, "\(name): \(day) does not round-trip")
            #expect(Day(year: c.year, month: c.month, day: c.day) == day, "\(name): components do not round-trip")
        }
        if let string = String(validating: bytes, as: UTF8.self) {
            #expect(DateParser.parse(string) == day, "\(name): String and byte entry points disagree")
        }
        let expected = fuzzReferenceDate(bytes)
        #expect(expected?.year == day?.components.year && expected?.month == day?.components.month
                && expected?.day == day?.components.day, "\(name): DateParser disagrees with the reference parser")
    }

    /// All three harnesses' checks on one input.
    static func all(_ bytes: [UInt8], _ name: String) {
        csv(bytes, name)
        fileDecoderHarness(bytes, name)
        date(bytes, name)
    }
}

// MARK: - Replays

@Suite("Fuzz regressions and seed corpus")
struct FuzzRegressionTests {
    @Test("seed corpus is present for every harness")
    func corpusIsPresent() {
        for harness in FuzzInputs.harnesses {
            let seeds = FuzzInputs.seeds.filter { $0.name.hasPrefix("Corpus/\(harness)/") }
            #expect(seeds.count >= 10, "Fuzz/Corpus/\(harness) should hold at least 10 seeds, has \(seeds.count)")
        }
        #expect(FileManager.default.fileExists(atPath: FuzzInputs.regressionDirectory.path),
                "Tests/PathwayCoreTests/Fuzz/Regressions is missing")
    }

    /// Saved inputs that still fail because of a known, reported PathwayCore issue whose fix has not landed
    /// (file name prefix → issue), so `swift test` stays green meanwhile. When the fix lands the replay records
    /// "known issue was not recorded": then delete the entry. Empty: every saved input must pass.
    static let knownIssues: [(prefix: String, issue: Comment)] = []

    @Test("replay through all harness invariants", arguments: FuzzInputs.all)
    func replay(_ input: FuzzInput) {
        if let known = Self.knownIssues.first(where: { input.name.hasPrefix($0.prefix) }) {
            withKnownIssue(known.issue) { FuzzChecks.all(input.bytes, input.name) }
        } else {
            FuzzChecks.all(input.bytes, input.name)
        }
    }

    @Test("every saved regression input is replayed")
    func regressionsAreReplayed() {
        let onDisk = (try? FileManager.default.contentsOfDirectory(atPath: FuzzInputs.regressionDirectory.path)) ?? []
        let expected = onDisk.filter { !$0.hasPrefix(".") && $0 != "README.md" }.count
        #expect(FuzzInputs.regressions.count == expected)
    }
}

// MARK: - Targeted extreme inputs

@Suite("Fuzz: extreme inputs")
struct FuzzExtremeInputTests {
    static let canonicalSelectors: [UInt8] = [4, 5, 6, 7]

    @Test func emptyFile() {
        let inputs: [(String, [UInt8])] = [("empty", []), ("BOM only", [0xEF, 0xBB, 0xBF]),
                                           ("blank lines", Array(" \t\r\n\n\r,, ,\r\n".utf8))]
        for (name, raw) in inputs {
            #expect(FuzzChecks.csv(raw, name).isEmpty, "\(name): no records")
            for selector: UInt8 in 0...3 {
                let outcome = FuzzChecks.decodeAny(selector, raw, name)
                // SPEC §2: an empty file (no header) is missing every required column.
                #expect(outcome.threw != nil, "\(name): an empty file must stop with a SchemaError")
            }
            do throws(SchemaError) {
                _ = try FileDecoder.decode(Contact.self, raw: raw, fileName: "contacts.csv")
                Issue.record("\(name): decode must throw")
            } catch {
                #expect(error == .missingRequiredColumn(file: "contacts.csv", column: "contact_id",
                                                        acceptedHeadings: ["contact_id"]))
            }
        }
    }

    @Test func headerOnlyFile() {
        for selector in Self.canonicalSelectors {
            for ending in ["", "\n", "\r\n", "\r\n\r\n  \n,,,\n"] {
                let raw = Array((fuzzCanonicalHeader(selector) + ending).utf8)
                let name = "header only \(selector & 3) \(ending.debugDescription)"
                #expect(FuzzChecks.csv(raw, name).count == 1)
                let outcome = FuzzChecks.decodeAny(selector, raw, name)
                #expect(outcome.threw == nil)
                #expect(outcome.summary?.rows == 0 && outcome.summary?.accepted == 0 && outcome.summary?.rejected == 0)
                #expect(outcome.findings.isEmpty)
            }
        }
    }

    @Test func randomBytes64KiB() {
        var rng = FuzzSplitMix64(seed: 0x5EED_F022)
        for round in 0..<4 {
            var bytes = [UInt8](repeating: 0, count: 64 * 1024)
            for i in bytes.indices {
                // Round 0: uniform bytes; later rounds: biased towards CSV syntax so records form.
                let r = rng.next()
                if round == 0 || r & 3 == 0 {
                    bytes[i] = UInt8(truncatingIfNeeded: r >> 8)
                } else {
                    let alphabet: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x61, 0x20, 0x31, 0x2D, 0x2F]
                    bytes[i] = alphabet[Int((r >> 8) % UInt64(alphabet.count))]
                }
            }
            let name = "64 KiB random round \(round)"
            FuzzChecks.all(bytes, name)
            for selector: UInt8 in 4...7 {
                FuzzChecks.fileDecoderHarness([selector] + bytes, name)
            }
        }
    }

    @Test func hundredMebibyteField() throws {
        let size = 100 * 1024 * 1024
        let clock = ContinuousClock()

        // Unquoted: one record, one field of exactly `size` bytes.
        var raw = [UInt8](repeating: UInt8(ascii: "a"), count: size)
        var elapsed = clock.measure {
            let text = SourceDecoder.decode(raw)
            #expect(text.encoding == .utf8)
            var reader = CSVReader(text: text)
            var record = CSVRecord()
            let first = reader.next(&record)
            #expect(first)
            #expect(record.line == 1 && record.fields.count == 1 && record.malformation == nil)
            #expect(record.fields.first?.byteCount == size)
            let second = reader.next(&record)
            #expect(!second)
        }
        print("FuzzExtremeInputTests: 100 MiB unquoted field read in \(elapsed)")

        // Quoted, holding commas, CRLF, lone CR/LF and escaped quotes, followed by one more record.
        let block = Array("abc,def\r\nghi\"\"jk\rl\nmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!".utf8)
        raw = [UInt8(ascii: "\"")]
        raw.reserveCapacity(size + 16)
        while raw.count + block.count <= size + 1 { raw += block }
        let contentCount = raw.count - 1
        let blocks = contentCount / block.count
        raw += Array("\"\nnext".utf8)
        elapsed = clock.measure {
            let text = SourceDecoder.decode(raw)
            var reader = CSVReader(text: text)
            var record = CSVRecord()
            let first = reader.next(&record)
            #expect(first)
            #expect(record.line == 1 && record.fields.count == 1 && record.malformation == nil)
            #expect(record.fields.first?.byteCount == contentCount)
            #expect(record.fields.first?.hasEscapedQuotes == true)
            let next = reader.next(&record)
            #expect(next)
            // Each block holds three line ends (CRLF, CR, LF); the closing quote's LF is one more.
            #expect(record.line == 1 + 3 * blocks + 1)
            let end = reader.next(&record)
            #expect(!end)
        }
        print("FuzzExtremeInputTests: 100 MiB quoted field read in \(elapsed)")

        // Through FileDecoder: a contact whose `team` is 100 MiB. Accepted, nothing lost. The digest is passed
        // in (as the app does when it hashes in parallel): plain-Swift SHA-256 takes ~25 s on 100 MiB in debug.
        raw = Array("contact_id,child_id,contact_date,source,team\nC1,K1,2025-01-02,School,".utf8)
        raw.reserveCapacity(raw.count + size)
        raw += [UInt8](repeating: UInt8(ascii: "t"), count: size)
        let input = raw
        var decoded: DecodedFile<Contact>?
        elapsed = try clock.measure {
            decoded = try FileDecoder.decode(Contact.self, raw: input, fileName: "contacts.csv",
                                             sha256: String(repeating: "0", count: 64))
        }
        print("FuzzExtremeInputTests: contacts.csv with a 100 MiB team decoded in \(elapsed)")
        #expect(decoded?.summary.rows == 1 && decoded?.summary.accepted == 1)
        #expect(decoded?.records.first?.team?.utf8.count == size)
    }

    @Test func thousandColumns() {
        let extra = (4..<1000).map { "extra_\($0)" }
        let header = (["contact_id", "child_id", "contact_date", "source"] + extra).joined(separator: ",")
        var text = header + "\r\n"
        for row in 0..<50 {
            var fields = ["C\(row)", "K\(row)", "2025-01-02", "Police"] + extra.map { "v\($0)" }
            if row == 17 { fields.removeLast() }
            text += fields.joined(separator: ",") + "\r\n"
        }
        let raw = Array(text.utf8)
        let records = FuzzChecks.csv(raw, "1000 columns")
        #expect(records.count == 51)
        #expect(records.first?.fields.count == 1000)
        let outcome = FuzzChecks.decodeAny(0, raw, "1000 columns")
        #expect(outcome.summary?.rows == 50 && outcome.summary?.accepted == 49 && outcome.summary?.rejected == 1)
        #expect(outcome.findings.filter { $0.severity == .error }.map(\.rule) == [.fieldCountMismatch])
        #expect(outcome.findings.first { $0.severity == .error }?.line == 19)
    }

    @Test func millionCommas() {
        let commas = [UInt8](repeating: UInt8(ascii: ","), count: 1_000_000)
        // Alone: a record whose fields are all blank is skipped like a blank line.
        #expect(FuzzChecks.csv(commas, "1,000,000 commas").isEmpty)
        // With one value: one record of 1,000,001 fields.
        let records = FuzzChecks.csv(Array("x".utf8) + commas, "x and 1,000,000 commas")
        #expect(records.count == 1 && records.first?.fields.count == 1_000_001)
        // As a data row: one row, rejected for its field count; as a header: no required column.
        let row = Array((fuzzCanonicalHeader(0) + "\nC1").utf8) + commas + [0x0A]
        let outcome = FuzzChecks.decodeAny(0, row, "row of 1,000,000 commas")
        #expect(outcome.summary?.rows == 1 && outcome.summary?.rejected == 1)
        #expect(outcome.findings.first?.rule == .fieldCountMismatch)
        let asHeader = FuzzChecks.decodeAny(0, Array("h".utf8) + commas, "header of commas")
        #expect(asHeader.threw != nil)
    }

    @Test func tenThousandLoneQuotes() {
        let quote = UInt8(ascii: "\"")
        // 10,000 quotes: an opening quote, 4,999 escaped pairs, a closing quote: one field of 4,999 quotes.
        let even = [UInt8](repeating: quote, count: 10_000)
        var records = FuzzChecks.csv(even, "10,000 quotes")
        #expect(records.count == 1 && records.first?.malformation == nil)
        #expect(records.first?.fields == [[UInt8](repeating: quote, count: 4_999)])
        // One more: never closed, the whole file is one malformed record.
        records = FuzzChecks.csv(even + [quote], "10,001 quotes")
        #expect(records.count == 1 && records.first?.malformation == .unterminatedQuote(field: 0))
        // Each on its own line, separated by commas, or inside values: checked against the reference reader.
        let shapes: [(String, [UInt8])] = [
            ("quote per line", Array(String(repeating: "\"\n", count: 10_000).utf8)),
            ("quote per line CRLF", Array(String(repeating: "\"\r\n", count: 10_000).utf8)),
            ("quotes and commas", Array(String(repeating: "\",", count: 10_000).utf8)),
            ("quotes inside values", Array(String(repeating: "a\"b,", count: 10_000).utf8)),
        ]
        for (name, raw) in shapes {
            FuzzChecks.all(raw, name)
            for selector in Self.canonicalSelectors {
                FuzzChecks.fileDecoderHarness([selector] + raw, name)
            }
        }
    }

    @Test func deeplyMixedLineEnds() {
        var rng = FuzzSplitMix64(seed: 0xC0FFEE)
        let ends = ["\r", "\n", "\r\n", "\n\r", "\r\r", "\n\n"]
        var text = "contact_id,child_id,contact_date,source\r"
        var physicalLineEnds = 1
        for row in 0..<20_000 {
            switch rng.next() % 4 {
            case 0:
                // A quoted value holding line ends of every kind.
                let inner = (0..<Int(rng.next() % 4)).map { _ in ends[Int(rng.next() % UInt64(ends.count))] }
                text += "C\(row),K,2025-01-02,\"a\(inner.joined(separator: "b"))c\""
                physicalLineEnds += inner.reduce(0) { $0 + ($1 == "\r\n" ? 1 : $1.unicodeScalars.count) }
            case 1:
                text += " \t"
            case 2:
                text += ",,,"
            default:
                text += "C\(row),K,2/1/2025,Police"
            }
            let end = ends[Int(rng.next() % UInt64(ends.count))]
            text += end
            physicalLineEnds += end == "\r\n" ? 1 : end.unicodeScalars.count
        }
        let raw = Array(text.utf8)
        #expect(fuzzPhysicalLines(raw, from: 0) == physicalLineEnds + 1)
        let records = FuzzChecks.csv(raw, "mixed CR/LF")
        #expect(records.count > 5_000)
        #expect((records.last?.line ?? 0) <= physicalLineEnds + 1)
        let outcome = FuzzChecks.decodeAny(0, raw, "mixed CR/LF")
        #expect(outcome.summary?.rows == records.count - 1)
        #expect(outcome.summary?.rejected == 0)
        FuzzChecks.decoding(raw, SourceDecoder.decode(raw), "mixed CR/LF")
    }
}

// MARK: - PathwayCore bugs found by fuzzing (minimal reproducers; see also Regressions/)

@Suite("Fuzz findings")
struct FuzzFindingTests {
    @Test("a header record with broken quoting is not used silently")
    func malformedHeaderIsNotSilent() {
        // Unterminated quote: the rest of the file disappeared into the header, 2 rows lost, no finding.
        let unterminated = Array(("contact_id,child_id,contact_date,source,\"notes\n"
            + "C1,K1,2025-01-02,Police,x\nC2,K2,2025-01-03,School,y\n").utf8)
        // Text after a closing quote: the header's rest of line was dropped, every row then had too many fields.
        let textAfterQuote = Array(("contact_id,child_id,contact_date,source,\"notes\"x,team\n"
            + "C1,K1,2025-01-02,Police,x,T\n").utf8)
        for (name, raw) in [("unterminated quote in header", unterminated), ("text after quote in header", textAfterQuote)] {
            let outcome = FuzzChecks.decodeAny(0, raw, name)
            #expect(outcome.headerMalformed)
            #expect(outcome.headerReported, "\(name): the header record has broken quoting but was used silently")
        }
    }

    @Test("cached team, source and code values keep escaped quotes apart from literal ones")
    func cachedValuesKeepEscapedQuotes() throws {
        // Quoted "X""Y" is X"Y; unquoted X""Y is taken literally (SPEC §2). Both have the raw bytes X""Y,
        // RowDecoder's cache key, so the second row got the first row's value.
        let raw = Array(("contact_id,child_id,contact_date,source,team\n"
            + "C1,K1,2025-01-02,\"Police \"\"N\"\"\",\"X\"\"Y\"\n"
            + "C2,K2,2025-01-02,Police \"\"N\"\",X\"\"Y\n").utf8)
        let decoded = try FileDecoder.decode(Contact.self, raw: raw, fileName: "contacts.csv")
        #expect(decoded.records.map(\.team) == ["X\"Y", "X\"\"Y"])
        #expect(decoded.records.map(\.source) == ["Police \"N\"", "Police \"\"N\"\""])
        // Reversed order: the quoted row got the literal value.
        let reversed = Array(("contact_id,child_id,contact_date,source,team\n"
            + "C2,K2,2025-01-02,School,X\"\"Y\n"
            + "C1,K1,2025-01-02,School,\"X\"\"Y\"\n").utf8)
        let decodedReversed = try FileDecoder.decode(Contact.self, raw: reversed, fileName: "contacts.csv")
        #expect(decodedReversed.records.map(\.team) == ["X\"\"Y", "X\"Y"])
        FuzzChecks.fileDecoderHarness([0] + raw, "cached values")
        FuzzChecks.fileDecoderHarness([0] + reversed, "cached values reversed")
    }
}

// MARK: - Helpers (the same as in the harnesses)

/// Exact (code point) equality of two optional strings; Swift's `==` would also equate "é" and "e\u{301}".
func fuzzExact(_ a: String?, _ b: String?) -> Bool {
    a.map { Array($0.utf8) } == b.map { Array($0.utf8) }
}

/// Every canonical heading of the type chosen by `selector` (and two domain columns for audits).
func fuzzCanonicalHeader(_ selector: UInt8) -> String {
    switch selector & 3 {
    case 0: return ContactColumn.allCases.map(\.spec.name).joined(separator: ",")
    case 1: return Section47Column.allCases.map(\.spec.name).joined(separator: ",")
    case 2: return ConferenceColumn.allCases.map(\.spec.name).joined(separator: ",")
    default: return (AuditColumn.allCases.map(\.spec.name) + ["domain_voice", "domain_plan"]).joined(separator: ",")
    }
}

/// Number of physical lines: 1 + the number of line ends (CRLF, LF or a lone CR).
func fuzzPhysicalLines(_ bytes: [UInt8], from start: Int) -> Int {
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
func fuzzCollapsed(_ bytes: [UInt8], _ field: CSVField) -> [UInt8] {
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

/// SPEC §2 reading rules, one byte at a time (the FuzzCSVReader harness's reference reader).
struct FuzzReferenceReader {
    struct Record: Equatable {
        var line: Int
        var fields: [[UInt8]]
        var malformation: CSVMalformation?
    }

    var records: [Record] = []

    static func read(_ b: [UInt8], from start: Int) -> FuzzReferenceReader {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var out = FuzzReferenceReader()
        var i = start
        var line = 1
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

/// SPEC §2 dates, independently of DateParser (the FuzzDateParser harness's reference parser).
func fuzzReferenceDate(_ b: [UInt8]) -> (year: Int, month: Int, day: Int)? {
    func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
    func number(_ from: Int, _ count: Int) -> Int {
        b[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
    var ymd: (Int, Int, Int)
    var rest: Int
    if b.count >= 10 && (0..<4).allSatisfy(isDigit) && b[4] == 0x2D && isDigit(5) && isDigit(6) && b[7] == 0x2D
        && isDigit(8) && isDigit(9) {
        ymd = (number(0, 4), number(5, 2), number(8, 2))
        rest = 10
    } else {
        var i = 0
        var parts: [Int] = []
        for _ in 0..<2 {
            var length = 0
            while length < 2 && isDigit(i + length) { length += 1 }
            guard length > 0, i + length < b.count, b[i + length] == 0x2F else { return nil }
            parts.append(number(i, length))
            i += length + 1
        }
        guard (0..<4).allSatisfy({ isDigit(i + $0) }) else { return nil }
        ymd = (number(i, 4), parts[1], parts[0])
        rest = i + 4
    }
    let time = Array(b[rest...])
    if !time.isEmpty {
        guard time[0] == 0x54 || time[0] == 0x20, time.count == 6 || time.count == 9 else { return nil }
        let digitAt = { (k: Int) in time[k] >= 0x30 && time[k] <= 0x39 }
        let two = { (k: Int) in Int(time[k] - 0x30) * 10 + Int(time[k + 1] - 0x30) }
        guard digitAt(1), digitAt(2), time[3] == 0x3A, digitAt(4), digitAt(5), two(1) < 24, two(4) < 60 else {
            return nil
        }
        if time.count == 9 {
            guard time[6] == 0x3A, digitAt(7), digitAt(8), two(7) < 60 else { return nil }
        }
    }
    let (year, month, day) = ymd
    guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1 else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day <= lengths[month - 1] else { return nil }
    return (year, month, day)
}

/// SplitMix64, a small seeded PRNG (own copy so this file does not depend on other test helpers).
struct FuzzSplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
