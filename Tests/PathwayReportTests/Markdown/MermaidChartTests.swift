import PathwayCore
import Testing
@testable import PathwayReport

@Suite("Mermaid charts")
struct MermaidChartTests {
    static let labels = ["Apr 25", "May 25", "Jun 25", "Jul 25", "Aug 25", "Sep 25",
                         "Oct 25", "Nov 25", "Dec 25", "Jan 26", "Feb 26", "Mar 26"]

    static func values(_ tenths: [Int?]) -> [OneDecimal?] { tenths.map { $0.map(OneDecimal.init(tenths:)) } }

    @Test("values as bars on a 0–100 axis, the target as a flat line")
    func block() {
        let chart = MermaidChart(title: "ICPCs within 15 working days", labels: Self.labels,
                                 values: Self.values([833, 800, 1000, 0, 750, 600, 900, 950, 1000, 667, 500, 900]),
                                 target: OneDecimal(tenths: 900))
        #expect(chart.render() == """
            ```mermaid
            xychart-beta
                title "ICPCs within 15 working days"
                x-axis ["Apr 25", "May 25", "Jun 25", "Jul 25", "Aug 25", "Sep 25", "Oct 25", "Nov 25", "Dec 25", "Jan 26", "Feb 26", "Mar 26"]
                y-axis "%" 0 --> 100
                bar [83.3, 80.0, 100.0, 0.0, 75.0, 60.0, 90.0, 95.0, 100.0, 66.7, 50.0, 90.0]
                line [90.0, 90.0, 90.0, 90.0, 90.0, 90.0, 90.0, 90.0, 90.0, 90.0, 90.0, 90.0]
            ```

            """)
        #expect(chart.emptyLabels.isEmpty)
    }

    @Test("a month without a value is drawn as 0 and named; no target, no line")
    func emptyMonths() {
        let chart = MermaidChart(title: "t", labels: Self.labels,
                                 values: Self.values([nil, 500, nil, 500, 500, 500, 500, 500, 500, 500, 500, nil]),
                                 target: nil)
        #expect(chart.hasData)
        #expect(chart.emptyLabels == ["Apr 25", "Jun 25", "Mar 26"])
        #expect(chart.render().contains("    bar [0.0, 50.0, 0.0, 50.0,"))
        #expect(!chart.render().contains("line"))
    }

    @Test("no chart when no month has a value")
    func noData() {
        let chart = MermaidChart(title: "t", labels: Self.labels, values: Array(repeating: nil, count: 12),
                                 target: OneDecimal(tenths: 900))
        #expect(!chart.hasData)
    }

    @Test("quotes, backquotes and line breaks cannot end the Mermaid string", arguments: [
        ("Say \"hi\"", "\"Say #quot;hi#quot;\""),
        ("`md`", "\"'md'\""),
        ("two\nlines", "\"two lines\""),
    ])
    func quoted(_ input: String, _ expected: String) {
        #expect(MermaidChart.quoted(input) == expected)
    }
}
