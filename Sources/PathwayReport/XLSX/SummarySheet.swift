import PathwayCore

/// The "Summary" sheet: the scorecard a manager reads first — one row per KPI grouped by area, with
/// value, target, England benchmark, RAG (word and colour), direction of travel and the counts behind it.
enum SummarySheet {
    static let name = "Summary"

    static let headers = ["KPI", "Value", "Target", "England benchmark", "RAG", "Trend (latest month vs previous)",
                          "Numerator", "Denominator", "Excluded", "Better when", "Benchmark source"]
    static let numericColumns: Set<Int> = [1, 2, 3, 6, 7, 8]
    static let ragColumn = 4
    /// The header row; rows above it hold the title block.
    static let headerRow = 6

    @discardableResult
    static func write(_ dashboard: Dashboard, to workbook: Workbook) throws(XLSXError) -> Worksheet {
        let sheet = try workbook.addWorksheet(name)
        try sheet.write(dashboard.authority + " \u{2014} children's services KPIs", row: 0, column: 0, style: .title)
        try sheet.write("As of", row: 1, column: 0, style: .label)
        try sheet.write(date: dashboard.asOf, row: 1, column: 1, style: .dateLabel)
        try sheet.write("Window (12 months)", row: 2, column: 0, style: .label)
        try sheet.write(date: dashboard.window.start, row: 2, column: 1, style: .dateLabel)
        try sheet.write("to", row: 2, column: 2, style: .label)
        try sheet.write(date: dashboard.window.end, row: 2, column: 3, style: .dateLabel)
        try sheet.write(ragSummary(dashboard), row: 3, column: 0, style: .headline)
        try sheet.write(actionSummary(dashboard.result.exceptions), row: 4, column: 0, style: .headline)

        try sheet.writeHeader(headers, at: headerRow, numeric: numericColumns)
        var row = headerRow + 1
        let firstDataRow = row
        for area in dashboard.areas where !area.kpis.isEmpty {
            try sheet.write(area.area.title, row: row, column: 0, style: .groupHeading)
            for column in 1..<headers.count { try sheet.writeBlank(row: row, column: column, style: .groupHeading) }
            row += 1
            for kpi in area.kpis {
                try sheet.write(row: cells(kpi, dashboard), at: row)
                row += 1
            }
        }
        let lastDataRow = row - 1
        if lastDataRow >= firstDataRow {
            for (word, style) in [("red", CellStyle.ragRed), ("amber", .ragAmber), ("green", .ragGreen)] {
                try sheet.highlight(containing: word, firstRow: firstDataRow, firstColumn: ragColumn,
                                    lastRow: lastDataRow, lastColumn: ragColumn, style: style)
            }
        }
        row += 1
        for note in notes(dashboard) {
            try sheet.write(note, row: row, column: 0, style: .note)
            row += 1
        }

        try sheet.setRow(headerRow, height: 30)
        try sheet.fitColumns(minimum: 8, maximum: 48)
        try sheet.freezePanes(row: headerRow + 1, column: 1)
        try sheet.setUpPrinting(repeatRows: headerRow...headerRow,
                                footer: DashboardText.footer(authority: dashboard.authority, asOf: dashboard.asOf))
        return sheet
    }

    static func cells(_ kpi: KPIResult, _ dashboard: Dashboard) -> [TableCell] {
        let definition = kpi.definition
        let benchmark: TableCell = definition.benchmark.map { .percent($0.value) } ?? .blank
        let source: TableCell = definition.benchmark.map { .text($0.label) } ?? .blank
        let rag: TableCell = kpi.rag.map { .styled(DashboardText.rag($0), .rag) } ?? .styled("", .rag)
        let trend: TableCell = dashboard.trend(kpi).map { .styled(DashboardText.trend($0, polarity: definition.polarity), .trend) }
            ?? .styled("", .trend)
        switch kpi.kind {
        case .count:
            return [.bold(definition.title), .integer(kpi.headline.count), .blank, benchmark, rag, trend,
                    .blank, .blank, .blank, .text("count"), source]
        case .rate:
            let target: TableCell = kpi.target.map { .percent($0) } ?? .blank
            return [.bold(definition.title), .percent(kpi.headline.rate), target, benchmark, rag, trend,
                    .integer(kpi.headline.numerator), .integer(kpi.headline.denominator),
                    .integer(kpi.headline.excluded), .text(DashboardText.polarity(definition.polarity)), source]
        }
    }

    /// "Off target: 2 red, 3 amber. On target: 9 green. ..." — the first thing a manager reads.
    static func ragSummary(_ dashboard: Dashboard) -> String {
        let rated = dashboard.result.kpis.compactMap(\.rag)
        let red = rated.filter { $0 == .red }.count
        let amber = rated.filter { $0 == .amber }.count
        let green = rated.filter { $0 == .green }.count
        let unrated = dashboard.result.kpis.count - rated.count
        return "Off target: \(red) red, \(amber) amber. On target: \(green) green. "
            + "Not rated: \(unrated) (counts, KPIs without a target, and rates with no data)."
    }

    /// One line counting the child-level lists, each on its own sheet.
    static func actionSummary(_ lists: ExceptionLists) -> String {
        let parts = ExceptionSheets.List.allCases.map { list in
            "\(list.count(in: lists)) \(list.summaryPhrase(list.count(in: lists)))"
        }
        return "Cases needing action today: " + parts.joined(separator: " \u{00B7} ")
            + " (one sheet each, most overdue first)."
    }

    static func notes(_ dashboard: Dashboard) -> [String] {
        let last = dashboard.result.periods.months.last!.month
        let previous = dashboard.result.periods.months.dropLast().last?.month
        var notes = [
            "Value: a rate is numerator \u{00F7} denominator over the 12-month window; excluded records are not in the denominator. Counts are whole numbers.",
            "RAG: Green meets the target; Amber is short of it by no more than the amber margin "
                + "(\(dashboard.amberMargin) percentage points); Red is further off. "
                + "Counts, neutral KPIs, KPIs without a target and rates with no data are not rated.",
        ]
        if let previous {
            notes.append("Trend: \(DashboardText.monthLabel(last, asOf: dashboard.asOf)) against \(DashboardText.month(previous)); "
                + "\u{25B2} up, \u{25BC} down, \u{25BA} same; better or worse follows the KPI's polarity.")
        }
        notes.append("Monthly series and team breakdowns are on the area sheets; definitions on 'Definitions'.")
        return notes
    }
}
