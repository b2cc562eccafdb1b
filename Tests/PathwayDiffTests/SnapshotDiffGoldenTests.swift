import Testing
@testable import PathwayDiff
import PathwayTestSupport

@Suite("golden output of the three formats on Fixtures/base.json → new.json")
struct SnapshotDiffGoldenTests {
    private func fixtureDiff() throws -> SnapshotDiff {
        try SnapshotDiff.compare(
            base: Golden.bytes("base.json"), baseName: "base.json",
            new: Golden.bytes("new.json"), newName: "new.json",
            options: SnapshotDiffOptions())
    }

    @Test func textMatchesGolden() throws {
        try Golden.check(try fixtureDiff().render(.text), against: "expected.txt")
    }

    @Test func markdownMatchesGolden() throws {
        try Golden.check(try fixtureDiff().render(.markdown), against: "expected.md")
    }

    @Test func jsonMatchesGolden() throws {
        try Golden.check(try fixtureDiff().render(.json), against: "expected.json")
    }

    @Test func fixtureSummaryAndExitCode() throws {
        let diff = try fixtureDiff()
        #expect(diff.exitCode == 1)
        #expect(diff.exceedsTolerance)
        #expect(diff.beyondToleranceCount == 9)
        #expect(diff.withinToleranceCount == 2)
        #expect(diff.appearedKPICount == 1)
        #expect(diff.vanishedKPICount == 1)
        #expect(diff.notes.map(\.field) == ["as_of", "window", "findings.errors"])
    }

    @Test func renderingIsDeterministic() throws {
        for format in SnapshotDiffFormat.allCases {
            #expect(try fixtureDiff().render(format) == fixtureDiff().render(format))
        }
    }

    @Test func jsonOutputParsesBack() throws {
        let rendered = try fixtureDiff().render(.json)
        let parsed = try JSONParser.parse(Array(rendered.utf8))
        #expect(parsed["beyond_tolerance"] == .bool(true))
        #expect(rendered.hasSuffix("}\n"))
    }
}
