import Foundation
import PathwayCore
import Testing
@testable import PathwayApp

/// `Evaluation.decodeAll` has each file's parts check their bytes as UTF-8 as they read them, on both
/// cores; a file is read as Windows-1252 when any part finds bytes that are not valid UTF-8, and the parts
/// decide as the whole file would.
@Suite struct DecodeAllTests {
    /// The small fixture's files, with contacts.csv replaced by `contacts`.
    static func inputs(contacts: [UInt8]) throws -> [LoadedInput] {
        try InputFile.allCases.map { file in
            let bytes = file == .contacts ? contacts
                : try FileSystem.readFile(AppFixtures.small + "/" + file.defaultFileName)
            return LoadedInput(file: file, name: file.defaultFileName, bytes: InputBytes(bytes))
        }
    }

    /// contacts.csv with `rows` copies of one row (ids numbered, the first padded with `padding` zeros),
    /// its team written as `team`'s bytes in row `marked` and as `otherTeam` elsewhere.
    static func contacts(rows: Int, marked: Int, team: [UInt8], otherTeam: String = "North",
                         padding: Int = 0) -> [UInt8] {
        var bytes = Array(("contact_id,child_id,contact_date,source,marf,marf_requested_date,marf_received_date,"
            + "police_incident_date,decision_date,outcome,referral_date,team\n").utf8)
        let other = Array(otherTeam.utf8)
        for row in 0..<rows {
            let id = row == 0 ? String(repeating: "0", count: padding) + "0" : "\(row)"
            bytes += Array("C\(id),K\(row),2026-03-02,Police,no,,,,2026-03-03,advice,,".utf8)
            bytes += row == marked ? team : other
            bytes.append(0x0A)
        }
        return bytes
    }

    static func decodedTeams(_ contacts: [UInt8]) throws -> (SourceEncoding?, Set<String>, Int) {
        let decoded = try Evaluation.decodeAll(try inputs(contacts: contacts), options: DecodingOptions())
        let summary = decoded.summaries.first { $0.file == InputFile.contacts.defaultFileName }
        return (summary?.encoding, Set(decoded.contacts.map { $0.team ?? "" }), decoded.contacts.count)
    }

    @Test("one Windows-1252 byte anywhere in a file read in two halves makes the whole file Windows-1252",
          arguments: [0.1, 0.5, 0.9])
    func windows1252InEitherHalf(at fraction: Double) throws {
        // Over FileDecoder.minimumParallelBytes, so that the check and the decoding are cut in two.
        let rows = FileDecoder.minimumParallelBytes / 60 + 1_000
        let bytes = Self.contacts(rows: rows, marked: Int(Double(rows) * fraction), team: Array("Caf".utf8) + [0xE9])
        #expect(bytes.count > FileDecoder.minimumParallelBytes)
        let (encoding, teams, count) = try Self.decodedTeams(bytes)
        #expect(encoding == .windows1252)
        #expect(teams == ["North", "Café"])
        #expect(count == rows)
    }

    @Test("valid UTF-8 across the middle of a large file stays UTF-8")
    func utf8AcrossTheMiddle() throws {
        let rows = FileDecoder.minimumParallelBytes / 60 + 1_000
        // Every team is "Café" in UTF-8; the first id is padded so that the middle byte is the second byte
        // of an é, where a cut in the middle would make both halves invalid.
        let unpadded = Self.contacts(rows: rows, marked: -1, team: [], otherTeam: "Café")
        let middle = unpadded.count / 2
        // 2d more bytes before it move the middle d bytes on, onto what was d bytes before it.
        let distance = middle - unpadded[...middle].lastIndex(of: 0xA9)!
        let bytes = Self.contacts(rows: rows, marked: -1, team: [], otherTeam: "Café", padding: 2 * distance)
        #expect(bytes[bytes.count / 2] == 0xA9)
        let (encoding, teams, count) = try Self.decodedTeams(bytes)
        #expect(encoding == .utf8)
        #expect(teams == ["Café"])
        #expect(count == rows)
    }

    @Test("a small file with one Windows-1252 byte is read as Windows-1252")
    func smallWindows1252() throws {
        let (encoding, teams, count) = try Self.decodedTeams(Self.contacts(rows: 3, marked: 1, team: [0x80]))
        #expect(encoding == .windows1252)
        #expect(teams == ["North", "€"])
        #expect(count == 3)
    }

    /// `pathway validate` prints no digest, so it takes none; everything else is as a run decodes it.
    @Test("validate takes no digests and otherwise decodes as a run does")
    func validateTakesNoDigests() throws {
        let (validated, _) = try NightlyJob.validate(inputFolder: AppFixtures.small, configFile: AppFixtures.smallConfig,
                                                     holidaysFile: nil, maxRejectedPercent: 100)
        let configuration = try NightlyJob.loadConfiguration(AppFixtures.request(output: ""))
        let hashed = try Evaluation.decodeAll(InputLoader.load(folder: AppFixtures.small, configuration: configuration),
                                              options: configuration.decodingOptions)
        #expect(validated.summaries.count == 4)
        #expect(validated.summaries.allSatisfy { $0.sha256.isEmpty })
        #expect(hashed.summaries.allSatisfy { $0.sha256.count == 64 })
        #expect(validated.summaries.map { $0.with(sha256: "") } == hashed.summaries.map { $0.with(sha256: "") })
        #expect(validated.findings == hashed.findings)
    }
}
