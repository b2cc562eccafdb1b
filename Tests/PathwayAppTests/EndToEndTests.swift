import Foundation
import PathwayApp
import PathwayCore
import PathwayTestSupport
import Testing

@Suite("pathway run end to end")
struct EndToEndTests {
    @Test("the small messy fixture gives the golden kpis.json and data-quality.csv")
    func goldenOutputs() throws {
        let out = try TemporaryDirectory()
        let (snapshot, findings) = try AppFixtures.run(AppFixtures.request(output: out.path))
        try Golden.check(snapshot, against: "small-kpis.json", directory: "Golden")
        try Golden.check(findings, against: "small-data-quality.csv", directory: "Golden")
    }

    @Test("two runs on the same inputs give byte-identical outputs")
    func byteIdentical() throws {
        let a = try TemporaryDirectory(), b = try TemporaryDirectory()
        let first = try AppFixtures.run(AppFixtures.request(output: a.path))
        let second = try AppFixtures.run(AppFixtures.request(output: b.path))
        #expect(first.snapshot == second.snapshot)
        #expect(first.findings == second.findings)
    }

    @Test("rows reconcile: rows = accepted + rejected, errors = rejected", arguments: ["small"])
    func reconcile(_ fixture: String) throws {
        let out = try TemporaryDirectory()
        let (_, result) = try NightlyJob.run(AppFixtures.request(output: out.path), logger: AppFixtures.quietLogger)
        #expect(result.inputs.count == 4)
        for input in result.inputs {
            #expect(input.rows == input.accepted + input.rejected)
            let errors = result.findings.filter { $0.file == input.file && $0.severity == .error }.count
            #expect(errors == input.rejected, "\(input.file)")
        }
        #expect(result.errorCount == result.inputs.reduce(0) { $0 + $1.rejected })
    }

    /// Shuffling the data rows (ids are unique in the shuffled copy) changes line numbers and file
    /// hashes but no KPI: the snapshot with the sha256 fields removed is byte-identical.
    @Test("shuffled input rows give a byte-identical kpis.json (apart from file hashes)", arguments: [1, 2, 3] as [UInt64])
    func shuffledRows(seed: UInt64) throws {
        let input = try TemporaryDirectory()
        var generator = SeededRandom(seed: seed)
        for file in InputFile.allCases {
            let text = try String(contentsOfFile: AppFixtures.small + "/" + file.defaultFileName, encoding: .utf8)
            try input.write(file.defaultFileName, Self.shuffleRecords(text, using: &generator))
        }
        let a = try TemporaryDirectory(), b = try TemporaryDirectory()
        let original = try AppFixtures.run(AppFixtures.request(input: AppFixtures.small, output: a.path))
        let shuffled = try AppFixtures.run(AppFixtures.request(input: input.path, output: b.path))
        #expect(Self.withoutHashes(original.snapshot) == Self.withoutHashes(shuffled.snapshot))
        #expect(original.snapshot != shuffled.snapshot, "the shuffle must actually change the files")
    }

    /// Shuffles whole records (a quoted field may span lines), keeping the header first. The fixture's
    /// duplicate-id rows are dropped so that which copy is rejected cannot depend on order.
    static func shuffleRecords(_ text: String, using generator: inout SeededRandom) -> String {
        var records: [String] = []
        var current = ""
        var quotes = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            current += current.isEmpty ? String(line) : "\n" + line
            quotes += line.filter { $0 == "\"" }.count
            if quotes % 2 == 0 {
                records.append(current)
                current = ""
                quotes = 0
            }
        }
        let header = records.removeFirst()
        var seen: Set<Substring> = []
        records = records.filter { !$0.isEmpty && seen.insert($0.split(separator: ",", omittingEmptySubsequences: false)[0]).inserted }
        records.shuffle(using: &generator)
        return ([header] + records).joined(separator: "\n") + "\n"
    }

    static func withoutHashes(_ snapshot: String) -> String {
        snapshot.split(separator: "\n").filter { !$0.contains("\"sha256\"") && !$0.contains("\"rows\"") && !$0.contains("\"accepted\"") && !$0.contains("\"rejected\"") && !$0.contains("\"errors\"") }.joined(separator: "\n")
    }
}

