import PathwayCore
import PathwayTestSupport
import Testing
@testable import PathwayReport

@Suite("dashboard.md")
struct MarkdownRendererTests {
    let dashboard: Dashboard
    let markdown: String

    init() throws {
        dashboard = try MarkdownFixture.dashboard()
        markdown = MarkdownRenderer.render(dashboard)
    }

    @Test("matches the golden (re-record with PATHWAY_RECORD_GOLDENS=1)")
    func golden() throws {
        try Golden.check(markdown, against: "dashboard.md")
    }

    @Test("the same inputs give the same bytes")
    func deterministic() throws {
        #expect(MarkdownRenderer.render(try MarkdownFixture.dashboard()) == markdown)
    }

    @Test("sections come in the documented order")
    func sectionOrder() {
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        let expected = ["## Off target", "## Scorecard"] + KPIArea.allCases.map { "## \($0.title)" }
            + ["## Cases needing action", "## Data quality", "## Definitions"]
        #expect(headings == expected)
        #expect(markdown.hasPrefix("# Northshire County Council: children's services KPIs\n"))
    }

    @Test("every table row has as many unescaped pipes as its header")
    func tablesKeepTheirShape() {
        let tables = MarkdownInspection.tables(markdown)
        #expect(tables.count >= 12)
        for table in tables {
            let expected = MarkdownInspection.unescapedPipes(table.lines[0])
            for line in table.lines {
                #expect(MarkdownInspection.unescapedPipes(line) == expected, "\(line)")
            }
        }
    }

    @Test("every table and every Mermaid block stands apart, with a blank line before and after")
    func blocksAreSeparated() {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() where index > 0 {
            let previous = lines[index - 1]
            let startsTable = line.hasPrefix("|") && !previous.hasPrefix("|")
            let endsTable = previous.hasPrefix("|") && !line.hasPrefix("|")
            if startsTable || line == "```mermaid" { #expect(previous.isEmpty, "before line \(index + 1)") }
            if endsTable || (previous == "```" && !line.isEmpty) { #expect(line.isEmpty, "after line \(index)") }
        }
        #expect(markdown.hasSuffix("\n") && !markdown.hasSuffix("\n\n"))
    }

    @Test("a team name with |, *, <script>, a link, a backslash and a line break is one escaped cell")
    func nastyTeamName() throws {
        let escaped = MarkdownText.escape(MarkdownFixture.nastyTeam)
        #expect(escaped == #"Night \| Duty \*Team\* \<script\>alert(1)\</script\> \[x\](y) \\ \_z\_ Rota"#)
        let teamRows = MarkdownInspection.tables(markdown).filter { $0.header.first == "Team" }.flatMap(\.rows)
        #expect(teamRows.contains { $0.first == escaped })
        for line in markdown.split(separator: "\n") {
            #expect(!line.replacingOccurrences(of: "\\<", with: "").contains("<script"), "raw HTML: \(line)")
        }
        for line in markdown.split(separator: "\n") {
            #expect(!line.hasPrefix("Rota"), "a line break in a team name must not start a new line")
        }
    }

    @Test("each rate KPI has a block: 12 months, then its chart, then its teams")
    func rateBlocks() throws {
        for kpi in dashboard.areas.flatMap(\.kpis) where kpi.kind == .rate {
            let heading = "### \(MarkdownText.escape(kpi.definition.title))\n"
            let block = try #require(markdown.components(separatedBy: heading).dropFirst().first?
                .components(separatedBy: "\n#").first, "\(kpi.id)")
            let tables = MarkdownInspection.tables(block)
            #expect(tables.count == 2, "\(kpi.id)")
            #expect(tables.first?.header == ["Month", "Value", "Numerator/denominator", "Excluded"])
            #expect(tables.first?.rows.map { $0[2] } == kpi.monthly.map { "\($0.tally.numerator)/\($0.tally.denominator)" })
            #expect(tables.last?.rows.map { $0[0] } == kpi.byTeam.map { MarkdownText.escape($0.team) })
            #expect(block.contains("```mermaid") == kpi.monthly.contains { $0.tally.rate != nil }, "\(kpi.id)")
        }
    }

    @Test("no child id, record id or field value from the fixtures appears")
    func noIdentifiers() throws {
        let forbidden = try MarkdownFixture.forbiddenStrings()
        #expect(forbidden.contains("CH7Q01") && forbidden.contains("CT9X001") && forbidden.contains("AU3306"))
        for text in forbidden {
            #expect(!markdown.contains(text), "\(text) appears in dashboard.md")
        }
    }

    @Test("every Mermaid block has 12 x labels and 12 values per data line")
    func mermaidBlocks() {
        let blocks = MarkdownInspection.mermaidBlocks(markdown)
        let charted = dashboard.areas.flatMap(\.kpis).filter { kpi in
            kpi.kind == .rate && kpi.monthly.contains { $0.tally.rate != nil }
        }
        #expect(blocks.count == charted.count)
        for block in blocks {
            #expect(block.first == "xychart-beta")
            let axis = block.filter { $0.hasPrefix("    x-axis ") }
            #expect(axis.count == 1)
            #expect(MarkdownInspection.listItems(axis[0])?.count == 12, "\(axis[0])")
            let series = block.filter { $0.hasPrefix("    bar ") || $0.hasPrefix("    line ") }
            #expect(!series.isEmpty)
            for statement in series {
                let values = MarkdownInspection.listItems(statement) ?? []
                #expect(values.count == 12, "\(statement)")
                #expect(values.allSatisfy { Double($0) != nil }, "\(statement)")
            }
        }
    }

    @Test("count KPIs are integers in the scorecard and the monthly tables")
    func countsAreIntegers() throws {
        let tables = MarkdownInspection.tables(markdown)
        let scorecard = tables.filter { $0.header.first == "KPI" }.flatMap(\.rows)
        let counts = dashboard.areas.flatMap(\.kpis).filter { $0.kind == .count }
        #expect(counts.count == 5)
        for kpi in counts {
            let title = MarkdownText.escape(kpi.definition.title)
            let row = try #require(scorecard.first { $0.first == title }, "\(kpi.id) in the scorecard")
            #expect(row[1] == String(kpi.headline.count))
            let monthly = try #require(tables.first { $0.header.first == "Month" && $0.header.contains(title) })
            let column = try #require(monthly.header.firstIndex(of: title))
            #expect(monthly.rows.map { $0[column] } == kpi.monthly.map { String($0.tally.count) })
        }
    }

    @Test("the scorecard's RAG word and the off-target list match each KPI's rag")
    func ragWords() throws {
        let scorecard = MarkdownInspection.tables(markdown).filter { $0.header.first == "KPI" }
        let ragColumn = try #require(scorecard.first?.header.firstIndex(of: "RAG"))
        let rows = scorecard.flatMap(\.rows)
        let kpis = dashboard.areas.flatMap(\.kpis)
        #expect(rows.count == kpis.count)
        for kpi in kpis {
            let row = try #require(rows.first { $0.first == MarkdownText.escape(kpi.definition.title) })
            let expected = switch kpi.rag {
            case .red: "🔴 red"
            case .amber: "🟠 amber"
            case .green: "🟢 green"
            case nil: "—"
            }
            #expect(row[ragColumn] == expected, "\(kpi.id)")
        }
        // The fixture has at least one of each, so the test means something.
        #expect(Set(kpis.compactMap(\.rag)) == [.red, .amber, .green])

        let offTarget = markdown.components(separatedBy: "## Scorecard")[0]
        for kpi in kpis {
            let listed = offTarget.contains("**\(MarkdownText.escape(kpi.definition.title))**")
            #expect(listed == (kpi.rag == .red || kpi.rag == .amber), "\(kpi.id)")
        }
    }

    @Test("cases needing action shows the count of each of the five lists, nothing else")
    func exceptionCounts() throws {
        let table = try #require(MarkdownInspection.tables(markdown).first { $0.header.first == "Cases needing action" })
        let lists = dashboard.result.exceptions
        #expect(table.rows.map { $0[1] } == [
            lists.awaitingDecision.count, lists.outstandingMARFs.count, lists.lateICPCs.count,
            lists.reviewsDue.count, lists.overdueAuditActions.count,
        ].map(String.init))
        #expect(table.rows.allSatisfy { $0[1] != "0" } , "the fixture has a case in every list")
        #expect(markdown.contains("dashboard.xlsx"))
    }

    @Test("data quality lists every file and every rule with its count and meaning")
    func dataQuality() throws {
        let tables = MarkdownInspection.tables(markdown)
        let files = try #require(tables.first { $0.header.first == "File" })
        #expect(files.rows.map { $0[0] } == dashboard.result.inputs.map(\.file))
        #expect(files.rows.first { $0[0] == "audits.csv" }?.last == "Windows-1252")
        let rules = try #require(tables.first { $0.header.first == "Rule" })
        #expect(rules.rows.map { $0[0] } == dashboard.findingsByRule.map { "`\($0.rule.rawValue)`" })
        #expect(rules.rows.map { $0[2] } == dashboard.findingsByRule.map { String($0.count) })
        #expect(rules.rows.map { $0[3] } == dashboard.findingsByRule.map { MarkdownText.escape($0.rule.summary) })
    }

    @Test("the definitions cover every KPI, the working-day rule and the holiday coverage")
    func definitions() {
        let definitions = markdown.components(separatedBy: "## Definitions")[1]
        for kpi in dashboard.areas.flatMap(\.kpis) {
            #expect(definitions.contains("(`\(kpi.id)`;"), "\(kpi.id)")
        }
        #expect(definitions.contains("WD(a, b)"))
        #expect(definitions.contains("1 January 2015 to 31 December 2030"))
        #expect(definitions.contains(MarkdownFixture.holidayFile))
    }

    @Test("text from the configuration is escaped too: the authority")
    func authorityIsEscaped() throws {
        let hostile = Dashboard(result: dashboard.result, authority: "# Evil | <b>County</b>\n- [x](y)")
        let text = MarkdownRenderer.render(hostile)
        #expect(text.hasPrefix(##"# \# Evil \| \<b\>County\</b\> - \[x\](y): children's services KPIs"## + "\n"))
    }
}
