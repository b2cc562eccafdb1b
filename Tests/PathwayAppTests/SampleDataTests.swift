import Foundation
import PathwayApp
import PathwayCore
import PathwayTestSupport
import Testing

/// The committed sample authority: its outputs are the goldens in Reports/ (re-recorded by
/// PATHWAY_RECORD_GOLDENS=1, or by `make run`; `make check-reports` fails on any difference).
@Suite("SampleData end to end")
struct SampleDataTests {
    static let asOfText = (try? String(contentsOfFile: AppFixtures.sampleData + "/AS_OF", encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "missing"


    @Test("kpis.json, data-quality.csv and dashboard.md equal the committed Reports/<as-of>/ files")
    func goldenReports() throws {
        let out = try TemporaryDirectory()
        let asOf = try #require(DateParser.parse(Self.asOfText))
        let request = AppFixtures.request(input: AppFixtures.sampleData, output: out.path,
                                          config: AppFixtures.sampleData + "/pathway.yaml", asOf: asOf)
        let (folder, result) = try NightlyJob.run(request, logger: AppFixtures.quietLogger)
        let reports = "../../Reports/\(Self.asOfText)"
        for name in ["kpis.json", "data-quality.csv", "dashboard.md"] {
            try Golden.check(try String(contentsOfFile: folder + "/" + name, encoding: .utf8), against: name, directory: reports)
        }
        // The workbook is binary: it must equal the committed one byte for byte (`make run` re-records it).
        let workbook = try Data(contentsOf: URL(fileURLWithPath: folder + "/dashboard.xlsx"))
        let committed = try Data(contentsOf: Golden.folder(reports, filePath: #filePath).appendingPathComponent("dashboard.xlsx"))
        // Compared to a Bool first: on a failure, swift-testing would otherwise diff the two files byte by
        // byte for its message (Myers' algorithm over ~90,000 bytes: five minutes).
        let identical = workbook == committed
        #expect(identical, """
            dashboard.xlsx (\(workbook.count) bytes) differs from Reports/\(Self.asOfText)/dashboard.xlsx \
            (\(committed.count) bytes); run make run and review
            """)
        // The sample is clean: every row accepted, no finding.
        #expect(result.findings.isEmpty)
        #expect(result.inputs.allSatisfy { $0.rejected == 0 && $0.rows > 0 })
        // Every rate KPI has a population in the window; 0 ≤ numerator ≤ denominator everywhere.
        for kpi in result.kpis {
            let tallies = [kpi.headline] + kpi.monthly.map(\.tally) + kpi.byTeam.map(\.tally)
            for tally in tallies {
                #expect(tally.numerator >= 0 && tally.numerator <= tally.denominator, "\(kpi.id)")
            }
            #expect(kpi.kind == .count ? kpi.headline.count > 0 : kpi.headline.denominator > 0, "\(kpi.id)")
            #expect(kpi.monthly.count == 12)
        }
    }
}
