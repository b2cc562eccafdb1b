import PathwayCore

/// The "Definitions" sheet: how every figure is counted (the catalogue's own definition text), the
/// working-day and RAG rules, the holiday calendar, the run's dates, the input files and their SHA-256,
/// and the program and libxlsxwriter versions — enough to reproduce or audit the dashboard.
enum DefinitionsSheet {
    static let name = "Definitions"

    static let workingDayRule = "WD(a, b) counts working days d with a < d \u{2264} b; Monday to Friday, "
        + "not an England and Wales bank holiday. \"Within N working days\" means WD(a, b) \u{2264} N."
    static func ragRule(_ margin: OneDecimal) -> String {
        "Higher is better: Green when value \u{2265} target, Amber when value \u{2265} target \u{2212} \(margin) (the amber margin), "
            + "otherwise Red. Lower is better mirrors it. Neutral KPIs, counts, KPIs without a target and rates with no data are not rated."
    }
    static let windowRule = "The 12 months ending on the as-of date; monthly series are the 12 calendar months "
        + "ending with the as-of month (the last month runs to the as-of date)."

    static let kpiHeaders = ["ID", "KPI", "Definition", "Area", "Kind", "Better when", "Target", "England benchmark",
                             "Benchmark source"]

    /// `inputs`: the input files' summaries, with their digests.
    static func write(_ dashboard: Dashboard, inputs: [InputSummary], to workbook: Workbook) throws(XLSXError) {
        let sheet = try workbook.addWorksheet(name)
        let result = dashboard.result
        try sheet.write("Definitions", row: 0, column: 0, style: .title)
        try sheet.write("How every figure in this workbook is counted, and what it was computed from.",
                        row: 1, column: 0, style: .subtitle)

        var row = 3
        try sheet.write("This run", row: row, column: 0, style: .sectionHeading)
        row += 1
        try sheet.write("As of", row: row, column: 0, style: .label)
        try sheet.write(date: dashboard.asOf, row: row, column: 1, style: .dateLabel)
        row += 1
        try sheet.write("Window", row: row, column: 0, style: .label)
        try sheet.write(DashboardText.date(dashboard.window.start) + " to " + DashboardText.date(dashboard.window.end)
            + ". " + windowRule, row: row, column: 1, style: .subtitle)
        row += 1
        try sheet.write("Working days", row: row, column: 0, style: .label)
        try sheet.write(workingDayRule, row: row, column: 1, style: .subtitle)
        row += 1
        try sheet.write("Bank holidays", row: row, column: 0, style: .label)
        try sheet.write(result.calendarSource + ", covering " + DashboardText.date(result.calendarCoverage.start)
            + " to " + DashboardText.date(result.calendarCoverage.end), row: row, column: 1, style: .subtitle)
        row += 1
        try sheet.write("RAG", row: row, column: 0, style: .label)
        try sheet.write(ragRule(dashboard.amberMargin), row: row, column: 1, style: .subtitle)
        row += 1
        try sheet.write("Program", row: row, column: 0, style: .label)
        try sheet.write("pathway " + dashboard.programVersion, row: row, column: 1, style: .subtitle)
        row += 1
        try sheet.write("libxlsxwriter", row: row, column: 0, style: .label)
        try sheet.write(Workbook.libraryVersion, row: row, column: 1, style: .subtitle)
        row += 2

        try sheet.write("KPIs", row: row, column: 0, style: .sectionHeading)
        row += 1
        let kpiHeaderRow = row
        try sheet.writeHeader(kpiHeaders, at: row, numeric: [6, 7])
        row += 1
        for area in dashboard.areas {
            for kpi in area.kpis {
                let definition = kpi.definition
                try sheet.write(row: [
                    .code(definition.id), .bold(definition.title), .wrap(definition.definition),
                    .text(area.area.title), .text(definition.kind.rawValue),
                    .text(DashboardText.polarity(definition.polarity)),
                    kpi.target.map { .percent($0) } ?? .blank,
                    definition.benchmark.map { .percent($0.value) } ?? .blank,
                    definition.benchmark.map { .text($0.label) } ?? .blank,
                ], at: row)
                row += 1
            }
        }

        row += 1
        try sheet.write("Input files", row: row, column: 0, style: .sectionHeading)
        row += 1
        try sheet.writeHeader(["File", "Encoding", "SHA-256", "Rows", "Accepted", "Rejected"], at: row, numeric: [3, 4, 5])
        row += 1
        for input in inputs {
            try sheet.write(row: [.text(input.file), .text(DataQualitySheet.encoding(input.encoding)), .code(input.sha256),
                                  .integer(input.rows), .integer(input.accepted), .integer(input.rejected)], at: row)
            row += 1
        }

        try sheet.setColumn(2, width: 80)
        try sheet.fitColumns(minimum: 8, maximum: 45)
        try sheet.setUpPrinting(repeatRows: kpiHeaderRow...kpiHeaderRow,
                                footer: DashboardText.footer(authority: dashboard.authority, asOf: dashboard.asOf))
    }
}
