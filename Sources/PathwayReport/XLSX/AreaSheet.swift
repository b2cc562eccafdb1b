import PathwayCore

/// One sheet per KPI area, laid out for a manager reading top down:
/// 1. a line chart per rate KPI (value and target over the 12 months) and a bar chart by team for the
///    area's key KPIs;
/// 2. the values: monthly (months as rows, one column per KPI, with the target beside each rate) and by team;
/// 3. the numerators and denominators behind every rate, by month and by team.
/// Values and counts are separate tables so the values fit on a screen (and a printed page) without
/// scrolling sideways.
enum AreaSheet {
    /// One column of a table: its sub-heading and how a tally fills it (nil tally: no record for that row).
    struct Column {
        let heading: String
        let cell: (Tally?) -> TableCell
    }

    /// A KPI's columns in a table, under its title.
    struct Group {
        let kpi: KPIResult
        let columns: [Column]
    }

    /// Where a written table is.
    struct Placement {
        let firstDataRow: Int
        let lastDataRow: Int
        /// KPI id → first column of its group.
        let firstColumn: [String: Int]
        let lastColumn: Int
    }

    static let chartWidth = 500
    static let chartHeight = 250
    /// Space above and below each chart within its rows, so no chart border sits on a page break.
    static let chartMargin = 5
    static let chartGap = 20
    static let chartsPerRow = 2
    static let defaultRowPixels = 20
    static let chartTopRow = 5
    static let valueColumnWidth = 10.0
    static let maxTeamCharts = 3

    static let valueColour: UInt32 = 0x1F4E79
    static let targetColour: UInt32 = 0x7F7F7F
    static let teamColour: UInt32 = 0x2E75B6

    static func write(_ area: Dashboard.Area, _ dashboard: Dashboard, to workbook: Workbook) throws(XLSXError) {
        let sheet = try workbook.addWorksheet(area.area.title)
        let months = dashboard.result.periods.months
        let monthLabels = months.map { DashboardText.monthLabel($0.month, asOf: dashboard.asOf) }
        let teams = teamNames(area)
        let rates = area.kpis.filter { $0.kind == .rate }
        let teamChartKPIs = teams.isEmpty ? [] : keyKPIs(area)

        try sheet.write(area.area.title, row: 0, column: 0, style: .title)
        // Lines short enough not to widen the printed page beyond the charts.
        try sheet.write("Monthly series for the 12 months to \(DashboardText.date(dashboard.asOf)); breakdown by team over the "
            + "window \(DashboardText.date(dashboard.window.start)) to \(DashboardText.date(dashboard.window.end)).",
            row: 1, column: 0, style: .subtitle)
        try sheet.write("Charts: the dark line is the KPI, the dashed grey line its target. An empty % means no records "
            + "in that month or team.", row: 2, column: 0, style: .note)
        try sheet.write("Below the charts: the values by month and by team, then the numerators and denominators behind "
            + "each rate.", row: 3, column: 0, style: .note)

        // Chart grid first (trends are what a manager looks at); the cells they plot follow below.
        let chartHeights = rates.map { _ in chartHeight } + teamChartKPIs.map { _ in teamChartHeight(teams: teams.count) }
        var gridRowTops: [Int] = []
        var row = chartTopRow
        for start in stride(from: 0, to: chartHeights.count, by: chartsPerRow) {
            gridRowTops.append(row)
            let tallest = chartHeights[start..<min(start + chartsPerRow, chartHeights.count)].max()!
            row += (tallest + 2 * chartMargin + defaultRowPixels - 1) / defaultRowPixels
        }
        var sections = [chartTopRow] + gridRowTops.dropFirst()
        var newPages: [Int] = []
        row += 1

        // Values.
        sections.append(row)
        newPages.append(row)
        let monthlyValues = try writeTable(sheet, heading: "Monthly values", firstColumnTitle: "Month", labels: monthLabels,
                                           groups: area.kpis.map(valueGroup), at: &row,
                                           tally: { kpi, index in kpi.monthly[index].tally })
        row += 1
        sections.append(row)
        let teamValues = try writeTable(sheet, heading: "By team (12-month window)", firstColumnTitle: "Team", labels: teams,
                                        groups: area.kpis.map(valueGroup), at: &row,
                                        tally: { kpi, index in kpi.byTeam.first { $0.team == teams[index] }?.tally })
        row += 1

        // Numerators and denominators.
        sections.append(row)
        newPages.append(row)
        let countGroups = rates.map(countGroup)
        if !countGroups.isEmpty {
            _ = try writeTable(sheet, heading: "Numerators and denominators by month", firstColumnTitle: "Month",
                               labels: monthLabels, groups: countGroups, at: &row,
                               tally: { kpi, index in kpi.monthly[index].tally })
            row += 1
            sections.append(row)
            _ = try writeTable(sheet, heading: "Numerators and denominators by team (12-month window)",
                               firstColumnTitle: "Team", labels: teams, groups: countGroups, at: &row,
                               tally: { kpi, index in kpi.byTeam.first { $0.team == teams[index] }?.tally })
        }
        sections.append(row)

        // Charts, now that the cells they plot are known.
        var chartIndex = 0
        func place(_ chart: Chart, height: Int) throws(XLSXError) {
            let gridRow = chartIndex / chartsPerRow
            let gridColumn = chartIndex % chartsPerRow
            try sheet.insert(chart, row: gridRowTops[gridRow], column: 0, xOffset: 4 + gridColumn * (chartWidth + chartGap),
                             yOffset: chartMargin, width: chartWidth, height: height)
            chartIndex += 1
        }
        let monthRows = monthlyValues.firstDataRow...monthlyValues.lastDataRow
        let categories = Chart.Range.column(0, rows: monthRows, on: sheet.name)
        for kpi in rates {
            let valueColumn = monthlyValues.firstColumn[kpi.id]!
            let chart = try workbook.addChart(.line)
            try chart.addSeries(name: "Value", categories: categories,
                                values: .column(valueColumn, rows: monthRows, on: sheet.name),
                                style: .init(colour: valueColour))
            if kpi.target != nil {
                try chart.addSeries(name: "Target", categories: categories,
                                    values: .column(valueColumn + 1, rows: monthRows, on: sheet.name),
                                    style: .init(colour: targetColour, dashed: true, markers: false))
            }
            try chart.setTitles(chart: kpi.definition.title, categoryAxis: "Month", valueAxis: "%",
                                valueFormat: "0%", valueMinimum: 0, valueMaximum: 1)
            try chart.setLegend(atBottom: true)
            try place(chart, height: chartHeight)
        }
        let teamRows = teamValues.firstDataRow...teamValues.lastDataRow
        for kpi in teamChartKPIs {
            let chart = try workbook.addChart(.bar)
            try chart.addSeries(name: "% by team", categories: .column(0, rows: teamRows, on: sheet.name),
                                values: .column(teamValues.firstColumn[kpi.id]!, rows: teamRows, on: sheet.name),
                                style: .init(colour: teamColour, labelFormat: "0.0%"))
            var title = kpi.definition.title + " by team"
            if let target = kpi.target { title += " (target \(target)%)" }
            try chart.setTitles(chart: title, categoryAxis: "Team", valueAxis: "%", valueFormat: "0%",
                                valueMinimum: 0, valueMaximum: 1)
            try chart.reverseCategories()
            try chart.setLegend(atBottom: false)
            try place(chart, height: teamChartHeight(teams: teams.count))
        }

        let lastColumn = max(monthlyValues.lastColumn, teamValues.lastColumn, 1 + 2 * rates.count)
        if lastColumn >= 1 { try sheet.setColumns(1...lastColumn, width: valueColumnWidth) }
        try sheet.fitColumns(minimum: 12, maximum: 40)
        try sheet.setPageBreaks(before: pageBreaks(sheet, sections: sections, newPages: newPages, lastColumn: lastColumn))
        try sheet.setUpPrinting(footer: DashboardText.footer(authority: dashboard.authority, asOf: dashboard.asOf))
    }

    /// A KPI's value column: % (with the target beside it, so a month or team can be read against it) or the count.
    static func valueGroup(_ kpi: KPIResult) -> Group {
        switch kpi.kind {
        case .count:
            return Group(kpi: kpi, columns: [Column(heading: "Count") { .integer($0?.count ?? 0) }])
        case .rate:
            // An empty month stays blank (not text), so the chart shows a gap rather than a zero.
            var columns = [Column(heading: "%") { .percent($0?.rate, blankWhenMissing: true) }]
            if let target = kpi.target {
                columns.append(Column(heading: "Target") { _ in .percent(target) })
            }
            return Group(kpi: kpi, columns: columns)
        }
    }

    /// A rate's numerator and denominator (blank for a team with no records).
    static func countGroup(_ kpi: KPIResult) -> Group {
        Group(kpi: kpi, columns: [
            Column(heading: "Num.") { .integer($0?.numerator) },
            Column(heading: "Den.") { .integer($0?.denominator) },
        ])
    }

    /// A table under a heading: row 1 each KPI's title over its columns, row 2 the sub-headings, then one
    /// row per label. Returns where it was written; `row` ends just below it.
    static func writeTable(_ sheet: Worksheet, heading: String, firstColumnTitle: String, labels: [String],
                           groups: [Group], at row: inout Int,
                           tally: (KPIResult, Int) -> Tally?) throws(XLSXError) -> Placement {
        try sheet.write(heading, row: row, column: 0, style: .sectionHeading)
        row += 1
        let headerRow = row
        try sheet.write(firstColumnTitle, row: row, column: 0, style: .header)
        try sheet.writeBlank(row: row + 1, column: 0, style: .header)
        var firstColumn: [String: Int] = [:]
        var column = 1
        var lines = 1
        for group in groups {
            firstColumn[group.kpi.id] = column
            let title = group.kpi.definition.title
            if group.columns.count == 1 {
                try sheet.write(title, row: row, column: column, style: .header)
            } else {
                try sheet.merge(title, firstRow: row, firstColumn: column, lastRow: row,
                                lastColumn: column + group.columns.count - 1, style: .header)
            }
            for (offset, heading) in group.columns.map(\.heading).enumerated() {
                try sheet.write(heading, row: row + 1, column: column + offset, style: .headerNumber)
            }
            lines = max(lines, CellText.lines(title, width: Double(group.columns.count) * valueColumnWidth - 0.5,
                                              characterWidth: 0.85))
            column += group.columns.count
        }
        try sheet.setRow(headerRow, height: Double(lines) * Worksheet.defaultRowHeight + 3)
        row += 2
        let firstDataRow = row
        if labels.isEmpty {
            try sheet.write("No records in the window", row: row, column: 0, style: .missing)
            row += 1
        }
        for (index, label) in labels.enumerated() {
            try sheet.write(label, row: row, column: 0, style: .text)
            for group in groups {
                let value = tally(group.kpi, index)
                for (offset, spec) in group.columns.enumerated() {
                    try sheet.write(spec.cell(value), row: row, column: firstColumn[group.kpi.id]! + offset)
                }
            }
            row += 1
        }
        return Placement(firstDataRow: firstDataRow, lastDataRow: max(row - 1, firstDataRow),
                         firstColumn: firstColumn, lastColumn: column - 1)
    }

    /// Every team of any KPI of the area, in code-point order.
    static func teamNames(_ area: Dashboard.Area) -> [String] {
        Set(area.kpis.flatMap { $0.byTeam.map(\.team) }).sorted(by: CodePoint.less)
    }

    /// The KPIs charted by team: the area's first rate with a target, then others rated red, at most three.
    static func keyKPIs(_ area: Dashboard.Area) -> [KPIResult] {
        let targeted = area.kpis.filter { $0.kind == .rate && $0.target != nil }
        guard let first = targeted.first else { return [] }
        let red = targeted.dropFirst().filter { $0.rag == .red }
        return Array(([first] + red).prefix(maxTeamCharts))
    }

    static func teamChartHeight(teams: Int) -> Int {
        max(chartHeight, 90 + 24 * teams)
    }

    /// Where printed pages break so no chart or table is cut in two. The sheet prints one page wide
    /// (landscape A4), so the columns' widths give the scale and hence the rows a page holds; the
    /// sections (rows `sections[i] ..< sections[i + 1]`) are laid on pages greedily, and each row of
    /// `newPages` starts a page.
    static func pageBreaks(_ sheet: Worksheet, sections: [Int], newPages: [Int], lastColumn: Int) -> [Int] {
        let printableWidth = 1_040.0, printableHeight = 680.0 // pixels of landscape A4 inside the margins
        let columnsWidth = (0...max(lastColumn, 0)).reduce(0.0) { $0 + (sheet.columnWidth($1) * 7 + 5).rounded(.down) }
        let chartsWidth = Double(4 + chartsPerRow * (chartWidth + chartGap))
        let scale = min(1, printableWidth / max(columnsWidth, chartsWidth))
        let budget = printableHeight / scale * 0.97
        func pixels(_ rows: Range<Int>) -> Double {
            rows.reduce(0.0) { $0 + sheet.rowHeight($1) * 4 / 3 } + (rows.contains(0) ? 10 : 0) // the title is taller
        }
        var breaks: [Int] = []
        var used = pixels(0..<(sections.first ?? 0))
        for (start, end) in zip(sections, sections.dropFirst()) where start < end {
            let height = pixels(start..<end)
            if used > 0, newPages.contains(start) || used + height > budget {
                breaks.append(start)
                used = 0
            }
            used += height
        }
        return breaks
    }
}
