import PathwayCore

/// The "Data quality" sheet: what was read from each file, the findings grouped by rule with what each
/// rule means, and the first findings of each rule with where they are.
enum DataQualitySheet {
    static let name = "Data quality"

    static func write(_ dashboard: Dashboard, to workbook: Workbook) throws(XLSXError) {
        let sheet = try workbook.addWorksheet(name)
        let result = dashboard.result
        try sheet.write("Data quality", row: 0, column: 0, style: .title)
        try sheet.write("As of \(DashboardText.date(dashboard.asOf)): "
            + DashboardText.count(result.errorCount, "error", "errors") + " (each rejected one row) and "
            + DashboardText.count(result.warningCount, "warning", "warnings") + " (the row was kept). "
            + "Every finding is in data-quality.csv.", row: 1, column: 0, style: .subtitle)

        var row = 3
        try sheet.write("Input files", row: row, column: 0, style: .sectionHeading)
        row += 1
        try sheet.writeHeader(["File", "Rows", "Accepted", "Rejected", "Rejected %", "Encoding"], at: row, numeric: [1, 2, 3, 4])
        row += 1
        for input in result.inputs {
            let rejectedShare = OneDecimal.percentage(input.rejected, of: input.rows)
            try sheet.write(row: [.text(input.file), .integer(input.rows), .integer(input.accepted), .integer(input.rejected),
                                  .percent(rejectedShare, blankWhenMissing: true), .text(encoding(input.encoding))], at: row)
            row += 1
        }
        if result.inputs.isEmpty {
            try sheet.write("No input files", row: row, column: 0, style: .missing)
            row += 1
        }

        row += 1
        try sheet.write("Findings by rule", row: row, column: 0, style: .sectionHeading)
        row += 1
        try sheet.writeHeader(["Rule", "Findings", "Severity", "", "", "What it means"], at: row, numeric: [1])
        row += 1
        if dashboard.findingsByRule.isEmpty {
            try sheet.write("No findings: every row was accepted without warnings.", row: row, column: 0, style: .textBold)
            row += 1
        }
        for summary in dashboard.findingsByRule {
            try sheet.write(row: [.code(summary.rule.rawValue), .integer(summary.count), .text(summary.rule.severity.rawValue),
                                  .blank, .blank, .wrap(summary.rule.summary)], at: row)
            row += 1
        }

        row += 1
        if !dashboard.findingsByRule.isEmpty {
            try sheet.write("First \(Dashboard.examplesPerRule) findings of each rule", row: row, column: 0, style: .sectionHeading)
            row += 1
            try sheet.writeHeader(["Rule", "File", "Line", "Column", "Value", "Message"], at: row, numeric: [2])
            row += 1
            for summary in dashboard.findingsByRule {
                for finding in summary.examples {
                    try sheet.write(row: [.code(finding.rule.rawValue), .text(finding.file), .integer(finding.line),
                                          .text(finding.column ?? ""), .text(finding.value ?? ""), .wrap(finding.message)],
                                    at: row)
                    row += 1
                }
            }
        }

        try sheet.setColumn(5, width: 70)
        try sheet.fitColumns(minimum: 10, maximum: 32)
        try sheet.setUpPrinting(footer: DashboardText.footer(authority: dashboard.authority, asOf: dashboard.asOf))
    }

    static func encoding(_ encoding: SourceEncoding) -> String {
        switch encoding {
        case .utf8: return "UTF-8"
        case .windows1252: return "Windows-1252 (not valid UTF-8)"
        }
    }
}
