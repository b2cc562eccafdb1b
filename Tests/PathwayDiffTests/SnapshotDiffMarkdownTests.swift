import Testing
@testable import PathwayDiff

@Suite("Markdown output is a valid GFM table whatever the snapshot holds")
struct SnapshotDiffMarkdownTests {
    typealias KPI = SnapshotFixture.KPI

    @Test func pipesAndLineBreaksInTeamNamesAreEscaped() throws {
        let base = SnapshotFixture([KPI(id: "a", value: 1, byTeam: [("East | West", 10), ("North\r\nSouth", 20)])])
        let new = SnapshotFixture([KPI(id: "a", value: 1, byTeam: [("East | West", 11), ("North\r\nSouth", 22)])])
        let markdown = try SnapshotFixture.diff(base, new).render(.markdown)
        #expect(markdown == """
            ### pathway KPI diff: 2 changes beyond ±0.5

            base.json → new.json: 2 changes beyond tolerance 0.5, 0 within; 0 KPIs appeared, 0 vanished.

            | KPI | where | base | new | change | status |
            | --- | --- | ---: | ---: | ---: | --- |
            | `a` | team East \\| West | 10.0 | 11.0 | +1.0 | **beyond** |
            | `a` | team North<br>South | 20.0 | 22.0 | +2.0 | **beyond** |

            """)
        // Every table row has exactly seven unescaped pipes (six cells).
        for line in markdown.split(separator: "\n") where line.hasPrefix("|") {
            #expect(unescapedPipes(in: String(line)) == 7, "\(line)")
        }
        // The text format keeps each change on one line.
        let text = try SnapshotFixture.diff(base, new).render(.text)
        #expect(text.contains("a, team North\\r\\nSouth: 20.0 -> 22.0 (+2.0), beyond tolerance\n"))
        #expect(text.contains("a, team East | West: 10.0 -> 11.0 (+1.0), beyond tolerance\n"))
    }

    @Test func markdownFormattingCharactersAreEscaped() {
        #expect(SnapshotDiffMarkdownRenderer.escaped("*Team* _A_ [x](y) <b> `c` ~d~ $e$ R&D \\") ==
            "\\*Team\\* \\_A\\_ \\[x\\](y) \\<b\\> \\`c\\` \\~d\\~ \\$e\\$ R\\&D \\\\")
        #expect(SnapshotDiffMarkdownRenderer.escaped("a\nb\rc\r\nd") == "a<br>b<br>c<br>d")
        #expect(SnapshotDiffMarkdownRenderer.escaped("CPAT East 2025-04") == "CPAT East 2025-04")
    }

    @Test func unusualKPIIdsAreEscapedRatherThanPutInCodeSpans() {
        #expect(SnapshotDiffMarkdownRenderer.identifier("icpc_within_15wd") == "`icpc_within_15wd`")
        #expect(SnapshotDiffMarkdownRenderer.identifier("findings.errors") == "`findings.errors`")
        #expect(SnapshotDiffMarkdownRenderer.identifier("odd`id|x") == "odd\\`id\\|x")
    }

    @Test func headingCountsOnlyChangesBeyondTolerance() throws {
        let base = SnapshotFixture([KPI(id: "a", value: 50), KPI(id: "b", value: 50)])
        let new = SnapshotFixture([KPI(id: "a", value: 50.2), KPI(id: "b", value: 50.3)])
        let markdown = try SnapshotFixture.diff(base, new).render(.markdown)
        #expect(markdown.hasPrefix("### pathway KPI diff: 0 changes beyond ±0.5\n"))
        #expect(markdown.contains("| `a` | headline | 50.0 | 50.2 | +0.2 | within |\n"))
        #expect(markdown.contains("| `b` | headline | 50.0 | 50.3 | +0.3 | within |\n"))
    }

    private func unescapedPipes(in line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }
}
