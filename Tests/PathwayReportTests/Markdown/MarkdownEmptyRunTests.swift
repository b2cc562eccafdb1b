import PathwayCore
import Testing
@testable import PathwayReport

@Suite("dashboard.md for a run with no records")
struct MarkdownEmptyRunTests {
    let dashboard: Dashboard
    let markdown: String

    init() throws {
        let calendar = try MarkdownFixture.calendar()
        let context = KPIContext(asOf: MarkdownFixture.asOf, calendar: calendar)
        let cases = LinkedCases(contacts: [], enquiries: [], conferences: [], audits: [])
        let result = RunResult(periods: context.periods, inputs: [], findings: [],
                               kpis: try KPIEngine().compute(cases, context: context),
                               calendarCoverage: calendar.coverage, calendarSource: calendar.source)
        dashboard = Dashboard(result: result, authority: MarkdownFixture.authority)
        markdown = MarkdownRenderer.render(dashboard)
    }

    @Test("nothing is off target, and the KPIs with a target but no data are named")
    func offTarget() {
        let top = markdown.components(separatedBy: "## Scorecard")[0]
        #expect(top.contains("No KPI is off target."))
        #expect(top.contains("No data in the window, so no RAG: Contact decisions within 1 working day;"))
    }

    @Test("no charts, a sentence instead; no team tables; counts are 0")
    func noCharts() {
        #expect(MarkdownInspection.mermaidBlocks(markdown).isEmpty)
        let rates = dashboard.areas.flatMap(\.kpis).filter { $0.kind == .rate }.count
        #expect(markdown.components(separatedBy: "No chart: no month has a value.").count == rates + 1)
        #expect(!MarkdownInspection.tables(markdown).contains { $0.header.first == "Team" })
        let scorecard = MarkdownInspection.tables(markdown).filter { $0.header.first == "KPI" }.flatMap(\.rows)
        #expect(scorecard.first { $0[0] == "Contacts" }?[1] == "0")
        #expect(scorecard.first { $0[0] == "Contact decisions within 1 working day" }?[1] == "no data")
    }

    @Test("tables keep their shape")
    func shape() {
        for table in MarkdownInspection.tables(markdown) {
            let expected = MarkdownInspection.unescapedPipes(table.lines[0])
            #expect(table.lines.allSatisfy { MarkdownInspection.unescapedPipes($0) == expected })
        }
        #expect(markdown.contains("No input files were read."))
        #expect(markdown.contains("No findings."))
    }
}
