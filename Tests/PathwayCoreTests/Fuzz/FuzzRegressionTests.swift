import Foundation
import PathwayReference
import PathwayTestSupport
import Testing
@testable import PathwayCore

// Replays the fuzzing inputs kept in git through the invariants of the libFuzzer harnesses in Fuzz/Sources
// (FuzzCSVReader, FuzzFileDecoder, FuzzDateParser), as `#expect`s; the invariants themselves and the reference
// implementations they compare with are in Tests/PathwayReference, shared with the harnesses:
// - every file in Tests/PathwayCoreTests/Fuzz/Regressions/ (crash, timeout and oom inputs that Fuzz/run.sh
//   saved; named <harness>-<kind>-<what>-<hash>), and
// - the seed corpus in Fuzz/Corpus/<harness>/.
// Any input is valid for any harness, so every file goes through all three sets of checks. Plus targeted
// tests for extreme inputs (empty, header only, random bytes, a 100 MiB field, 1,000 columns, 1,000,000
// commas, 10,000 lone quotes, mixed CR/LF).

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

/// The invariants are in PathwayReference (CSVInvariants, FileDecoderInvariants, DateParserInvariants), shared
/// with the harnesses: where a harness traps on a problem, these `#expect` none, naming the input.
enum FuzzChecks {
    static func expectNoProblems(_ problems: [String], _ name: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "; "))", sourceLocation: sourceLocation)
    }

    /// FuzzCSVReader: SourceDecoder + CSVReader invariants and agreement with the byte-level reference reader.
    /// Returns the records read (line, fields as bytes, malformation) for further checks.
    @discardableResult
    static func csv(_ raw: [UInt8], _ name: String) -> [ReferenceCSVReader.Record] {
        let result = CSVInvariants.check(raw)
        expectNoProblems(result.problems, name)
        return result.records
    }

    /// UTF-8 input is kept (BOM skipped); anything else is Windows-1252: one scalar per byte, valid UTF-8 out.
    static func decoding(_ raw: [UInt8], _ text: DecodedText, _ name: String) {
        expectNoProblems(CSVInvariants.decoding(raw, text), name)
    }

    /// FuzzFileDecoder: byte 0 picks the type (bits 0-1) and a canonical header (bit 2); every FileDecoder
    /// invariant, including that a header record with broken quoting is not used silently.
    static func fileDecoderHarness(_ data: [UInt8], _ name: String) {
        expectNoProblems(FileDecoderInvariants.harness(data)?.problems ?? [], name)
    }

    /// FileDecoder invariants for the type chosen by `selector & 3`, but the header one (see `headerReported`).
    static func decodeAny(_ selector: UInt8, _ raw: [UInt8], _ name: String) -> FileDecoderInvariants.Outcome {
        let outcome = FileDecoderInvariants.decodeAny(selector, raw)
        expectNoProblems(outcome.problems, name)
        return outcome
    }

    /// FuzzDateParser: a parsed Day round-trips, has a year in 1...9999, and agrees with the reference parser.
    static func date(_ bytes: [UInt8], _ name: String) {
        expectNoProblems(bytes.withUnsafeBufferPointer { DateParserInvariants.check($0) }, name)
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
                let raw = Array((FileDecoderInvariants.canonicalHeader(selector) + ending).utf8)
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
        var rng = SeededRandom(seed: 0x5EED_F022)
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
        let row = Array((FileDecoderInvariants.canonicalHeader(0) + "\nC1").utf8) + commas + [0x0A]
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
        var rng = SeededRandom(seed: 0xC0FFEE)
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
        #expect(ReferenceCSVReader.physicalLineCount(raw, from: 0) == physicalLineEnds + 1)
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
