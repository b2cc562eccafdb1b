import Foundation
import Testing
import PathwayCore
@testable import PathwayReport

/// dashboard.xlsx as written: unzipped and read back part by part.
@Suite("XLSX dashboard")
struct XLSXRendererTests {
    static let expectedSheets = ["Summary", "Front door", "Strategy and S47", "Conferences", "Quality assurance",
                                 "Awaiting decision", "MARFs outstanding", "Late ICPCs", "Reviews due",
                                 "Audit actions overdue", "Data quality", "Definitions"]

    /// Renders into a scratch folder and opens the result.
    static func rendered(_ dashboard: Dashboard, in scratch: borrowing ScratchDirectory,
                         name: String = "dashboard.xlsx") throws -> XLSXPackage {
        let path = scratch.file(name)
        try XLSXRenderer.render(dashboard, to: path)
        return try XLSXPackage(path: path)
    }

    /// The Summary row of each KPI title (1-based row numbers).
    static func summaryRows(_ package: XLSXPackage) throws -> [String: Int] {
        let strings = try package.sharedStrings()
        var rows: [String: Int] = [:]
        for (reference, cell) in try package.cells("Summary") where reference.hasPrefix("A") {
            if let row = Int(reference.dropFirst()), let text = package.text(cell, strings: strings) { rows[text] = row }
        }
        return rows
    }

    @Test("workbook.xml lists the sheets in order")
    func sheetNames() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.small()
        let package = try Self.rendered(dashboard, in: scratch)
        #expect(try package.sheetNames() == Self.expectedSheets)
        #expect(XLSXRenderer.sheetNames(for: dashboard) == Self.expectedSheets)
        for name in Self.expectedSheets { #expect(SheetName.problem(with: name) == nil) }
    }

    @Test("every sheet prints landscape A4, one page wide; the summary's dates are Excel dates")
    func pageSetupAndDates() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.small()
        let package = try Self.rendered(dashboard, in: scratch)
        for name in Self.expectedSheets {
            let sheet = try package.sheetXML(name)
            let setup = try #require(sheet.first("pageSetup"), "\(name) has no page setup")
            #expect(setup.attributes["orientation"] == "landscape", "\(name)")
            #expect(setup.attributes["paperSize"] == "9", "\(name)")
            #expect(setup.attributes["fitToHeight"] == "0", "\(name)")
            #expect(setup.attributes["fitToWidth"] == nil || setup.attributes["fitToWidth"] == "1", "\(name)")
            #expect(sheet.first("pageSetUpPr")?.attributes["fitToPage"] == "1", "\(name)")
            #expect(sheet.first("oddFooter")?.text.contains("&P of &N") == true, "\(name)")
        }
        let workbook = try package.xml("xl/workbook.xml")
        let printTitles = workbook.all("definedName").filter { $0.attributes["name"] == "_xlnm.Print_Titles" }.map(\.text)
        #expect(printTitles.contains("Summary!$7:$7"))
        let cells = try package.cells("Summary")
        let formats = try package.numberFormats()
        for (reference, day) in [("B2", dashboard.asOf), ("B3", dashboard.window.start), ("D3", dashboard.window.end)] {
            #expect(cells[reference]?.value.flatMap(Double.init) == ExcelDate.serial(day), "\(reference)")
            #expect(formats[cells[reference]!.style] == "dd/mm/yyyy")
        }
        #expect(ExcelDate.serial(dashboard.asOf) == 46_112) // 31/03/2026 in Excel
    }

    @Test("every Summary value, target and count equals the KPI's", arguments: [false, true])
    func summaryValues(realistic: Bool) throws {
        let scratch = try ScratchDirectory()
        let dashboard = realistic ? try DashboardFixture.realistic() : try DashboardFixture.small()
        let package = try Self.rendered(dashboard, in: scratch)
        let cells = try package.cells("Summary")
        let strings = try package.sharedStrings()
        let formats = try package.numberFormats()
        let rows = try Self.summaryRows(package)
        #expect(dashboard.result.kpis.count == KPICatalogue.all.count)
        for kpi in dashboard.result.kpis {
            let row = try #require(rows[kpi.definition.title], "no Summary row for \(kpi.id)")
            let value = cells["B\(row)"]
            switch kpi.kind {
            case .count:
                #expect(value?.type == nil)
                #expect(value?.value.flatMap(Int.init) == kpi.headline.count, "\(kpi.id)")
                #expect(formats[value?.style ?? 0] == "#,##0")
            case .rate:
                if let rate = kpi.headline.rate {
                    let stored = try #require(value?.value.flatMap(Double.init), "\(kpi.id) has no number")
                    #expect(value?.type == nil, "\(kpi.id) value is not a number")
                    #expect(Int((stored * 1000).rounded()) == rate.tenths, "\(kpi.id): \(stored) vs \(rate)")
                    #expect(formats[value!.style] == "0.0%", "\(kpi.id) value is not a percentage")
                } else {
                    #expect(package.text(value, strings: strings) == "no data")
                }
                #expect(cells["G\(row)"]?.value.flatMap(Int.init) == kpi.headline.numerator, "\(kpi.id) numerator")
                #expect(cells["H\(row)"]?.value.flatMap(Int.init) == kpi.headline.denominator, "\(kpi.id) denominator")
                #expect(cells["I\(row)"]?.value.flatMap(Int.init) == kpi.headline.excluded, "\(kpi.id) excluded")
                for column in ["G", "H", "I"] {
                    #expect(formats[cells["\(column)\(row)"]!.style] == "#,##0")
                }
                if let target = kpi.target {
                    let stored = try #require(cells["C\(row)"]?.value.flatMap(Double.init))
                    #expect(Int((stored * 1000).rounded()) == target.tenths)
                    #expect(formats[cells["C\(row)"]!.style] == "0.0%")
                }
                if let benchmark = kpi.definition.benchmark {
                    let stored = try #require(cells["D\(row)"]?.value.flatMap(Double.init))
                    #expect(Int((stored * 1000).rounded()) == benchmark.value.tenths)
                    #expect(formats[cells["D\(row)"]!.style] == "0.0%")
                }
            }
            let rag = package.text(cells["E\(row)"], strings: strings)
            #expect(rag == kpi.rag.map { DashboardText.rag($0) }, "\(kpi.id) RAG word")
            if let trend = dashboard.trend(kpi) {
                #expect(package.text(cells["F\(row)"], strings: strings)?.hasPrefix(trend.symbol) == true)
            }
        }
    }

    @Test("the RAG column is coloured by conditional formats on the words red, amber and green")
    func ragConditionalFormats() throws {
        let scratch = try ScratchDirectory()
        let package = try Self.rendered(try DashboardFixture.realistic(), in: scratch)
        let sheet = try package.sheetXML("Summary")
        let rules = sheet.all("cfRule").filter { $0.attributes["type"] == "containsText" }
        #expect(rules.compactMap { $0.attributes["text"] }.sorted() == ["amber", "green", "red"])
        let ranges = Set(sheet.all("conditionalFormatting").compactMap { $0.attributes["sqref"] })
        #expect(ranges.count == 1)
        #expect(ranges.first?.hasPrefix("E8:E") == true)
        let dxfs = try package.xml("xl/styles.xml").all("dxf")
        let fills = Set(dxfs.flatMap { $0.all("bgColor") }.compactMap { $0.attributes["rgb"] })
        #expect(fills.isSuperset(of: ["FFFFC7CE", "FFFFEB9C", "FFC6EFCE"]))
        // The header is frozen and the RAG words are there for readers who cannot see the colours.
        let pane = try #require(sheet.first("pane"))
        #expect(pane.attributes["state"] == "frozen")
        #expect(pane.attributes["ySplit"] == "7")
    }

    @Test("exception dates are Excel dates with a date format, lists most overdue first, empty lists say so")
    func exceptionSheets() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.small()
        let package = try Self.rendered(dashboard, in: scratch)
        let formats = try package.numberFormats()
        let strings = try package.sharedStrings()
        let lists = dashboard.result.exceptions

        let awaiting = try package.cells("Awaiting decision")
        let first = try #require(lists.awaitingDecision.first)
        #expect(package.text(awaiting["A5"], strings: strings) == first.contact.childID)
        #expect(package.text(awaiting["B5"], strings: strings) == first.contact.id)
        #expect(awaiting["C5"]?.type == nil)
        #expect(awaiting["C5"]?.value == String(ExcelDate.serial(first.contact.contactDate)!.formatted(.number.grouping(.never))))
        #expect(formats[awaiting["C5"]!.style] == "dd/mm/yyyy")
        #expect(awaiting["D5"]?.value == String(first.workingDaysWaiting.count))

        let reviews = try package.cells("Reviews due")
        let review = try #require(lists.reviewsDue.first)
        for (column, day) in [("D", review.lastConference.date), ("E", review.dueDate)] {
            let cell = try #require(reviews["\(column)5"])
            #expect(cell.type == nil)
            #expect(cell.value.flatMap(Double.init) == ExcelDate.serial(day))
            #expect(formats[cell.style] == "dd/mm/yyyy")
        }

        let audits = try package.cells("Audit actions overdue")
        let overdue = try #require(lists.overdueAuditActions.first)
        #expect(audits["D5"]?.value.flatMap(Double.init) == ExcelDate.serial(overdue.dueDate))
        #expect(formats[audits["D5"]!.style] == "dd/mm/yyyy")

        for list in ExceptionSheets.List.allCases {
            let sheet = try package.sheetXML(list.sheetName)
            #expect(sheet.first("pane")?.attributes["ySplit"] == "4", "\(list.sheetName) header not frozen")
            let cells = try package.cells(list.sheetName)
            if list.count(in: lists) == 0 {
                #expect(package.text(cells["A5"], strings: strings) == "None today")
                #expect(sheet.first("autoFilter") == nil)
            } else {
                let filter = try #require(sheet.first("autoFilter")?.attributes["ref"])
                #expect(filter.hasPrefix("A4:"))
                #expect(filter.hasSuffix(String(4 + list.count(in: lists))))
            }
        }
    }

    @Test("the realistic lists keep the finder's order (most overdue first)")
    func exceptionOrder() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.realistic()
        let package = try Self.rendered(dashboard, in: scratch)
        let lists = dashboard.result.exceptions
        #expect(!lists.awaitingDecision.isEmpty && !lists.reviewsDue.isEmpty && !lists.overdueAuditActions.isEmpty)
        let cells = try package.cells("Awaiting decision")
        let waits = (0..<lists.awaitingDecision.count).compactMap { cells["D\($0 + 5)"]?.value.flatMap(Int.init) }
        #expect(waits == lists.awaitingDecision.map(\.workingDaysWaiting.count))
        #expect(waits == waits.sorted(by: >))
    }

    @Test("the lists are streamed: text in the cells, no child id in the shared strings, columns sized to every row")
    func streamedLists() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.realistic()
        let package = try Self.rendered(dashboard, in: scratch)
        let strings = Set(try package.sharedStrings())
        let lists = Set(ExceptionSheets.List.allCases.map(\.sheetName))
        for name in try package.sheetNames() {
            let types = Set(try package.cells(name).values.compactMap(\.type))
            #expect(types.contains(lists.contains(name) ? "inlineStr" : "s"), "\(name)")
            #expect(!types.contains(lists.contains(name) ? "s" : "inlineStr"), "\(name)")
        }
        let awaiting = dashboard.result.exceptions.awaitingDecision
        #expect(awaiting.count > 1)
        #expect(awaiting.allSatisfy { !strings.contains($0.contact.childID) })
        // Every row was measured before the first was written: the Team column (E) is as wide as its
        // widest team name, not only its header, and the header row (4) is taller than one line.
        let sheet = try package.sheetXML("Awaiting decision")
        let widest = awaiting.map { DashboardText.team($0.contact.team).count }.max()!
        #expect(widest > "Team".count + 3)
        let team = try #require(sheet.all("col").first { $0.attributes["min"] == "5" }?.attributes["width"].flatMap(Double.init))
        #expect(team >= Double(min(widest + 3, 40)))
        let header = try #require(sheet.all("row").first { $0.attributes["r"] == "4" })
        #expect(header.attributes["ht"].flatMap(Double.init).map { $0 >= 30 } == true)
    }

    @Test("two renders of the same dashboard are byte-identical, and created is as-of midnight UTC")
    func reproducible() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.realistic()
        try XLSXRenderer.render(dashboard, to: scratch.file("one.xlsx"))
        try XLSXRenderer.render(try DashboardFixture.realistic(), to: scratch.file("two.xlsx"))
        let one = try Data(contentsOf: URL(fileURLWithPath: scratch.file("one.xlsx")))
        let two = try Data(contentsOf: URL(fileURLWithPath: scratch.file("two.xlsx")))
        #expect(one == two)
        let core = try XLSXPackage(path: scratch.file("one.xlsx")).xml("docProps/core.xml")
        #expect(core.first("created")?.text == "2026-03-31T00:00:00Z")
        #expect(core.first("title")?.text == "Exampleshire County Council \u{2014} children's services KPIs")
    }

    @Test("team names and ids from the data are strings, never formulas, and huge ones are cut safely")
    func hostileTeamNames() throws {
        let scratch = try ScratchDirectory()
        let huge = String(repeating: "T", count: 40_000)
        let teams = ["=1+2", "+44", "-x", "@sum", "|", "\"Team\" 'B'", huge]
        let dashboard = try DashboardFixture.small(teams: teams, authority: "Smith & Jones =Borough")
        let package = try Self.rendered(dashboard, in: scratch)
        let strings = try package.sharedStrings()
        var seen: Set<String> = []
        let lists = Set(ExceptionSheets.List.allCases.map(\.sheetName))
        for name in try package.sheetNames() {
            // A string cell: in the shared-string table, or in the cell itself on the streamed lists.
            let stringType = lists.contains(name) ? "inlineStr" : "s"
            for cell in try package.cells(name).values {
                #expect(!cell.hasFormula, "formula in \(name)!\(cell.reference)")
                guard let text = package.text(cell, strings: strings) else { continue }
                for team in teams.dropLast() where text == team {
                    #expect(cell.type == stringType, "\(name)!\(cell.reference) holds \(team) as \(cell.type ?? "number")")
                    seen.insert(team)
                }
                if text.hasPrefix("TTTT") {
                    #expect(cell.type == stringType)
                    #expect(text.utf16.count == CellText.maxLength)
                    #expect(text.hasSuffix("…"))
                    seen.insert(huge)
                }
            }
        }
        #expect(seen == Set(teams))
        let title = try package.cells("Summary")["A1"]
        #expect(package.text(title, strings: strings) == "Smith & Jones =Borough \u{2014} children's services KPIs")
    }

    @Test("each rate KPI has a titled line chart with Month and % axes; key KPIs a chart by team")
    func charts() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.realistic()
        let package = try Self.rendered(dashboard, in: scratch)
        let chartParts = package.parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.sorted()
        let rates = dashboard.result.kpis.filter { $0.kind == .rate }
        let teamCharts = dashboard.areas.map { AreaSheet.keyKPIs($0).count }.reduce(0, +)
        #expect(chartParts.count == rates.count + teamCharts)
        var titles: [String] = []
        for part in chartParts {
            let chart = try package.xml(part)
            let plotTitles = chart.all("title").map(\.allText)
            #expect(plotTitles.count == 3, "\(part): chart title and two axis titles")
            titles.append(plotTitles.first ?? "")
            let axisTitles = Set(plotTitles.dropFirst())
            #expect(axisTitles == ["Month", "%"] || axisTitles == ["Team", "%"], "\(part): \(axisTitles)")
        }
        for kpi in rates { #expect(titles.contains(kpi.definition.title), "no chart for \(kpi.id)") }
        #expect(titles.contains { $0.hasSuffix("by team (target 95.0%)") })
    }

    @Test("monthly and team tables hold the engine's figures")
    func areaTables() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.realistic()
        let package = try Self.rendered(dashboard, in: scratch)
        let strings = try package.sharedStrings()
        let formats = try package.numberFormats()
        let area = try #require(dashboard.areas.first { $0.area == .conferences })
        let cells = try package.cells(area.area.title)
        // Find the "Apr 2025" row (first month) and the KPI's title column in the header above it.
        // The first "Apr 2025" is the monthly values table's first row (the counts table repeats the months).
        let monthRow = try #require(cells.values.filter { package.text($0, strings: strings) == "Apr 2025" }
            .map { Int($0.reference.drop { $0.isLetter })! }.min())
        let kpi = try #require(area.kpis.first { $0.id == "icpc_within_15wd" })
        let header = try #require(cells.values.first {
            package.text($0, strings: strings) == kpi.definition.title && Int($0.reference.drop { $0.isLetter })! == monthRow - 2
        })
        let column = String(header.reference.prefix { $0.isLetter })
        for (index, month) in kpi.monthly.enumerated() {
            let cell = cells["\(column)\(monthRow + index)"]
            if let rate = month.tally.rate {
                #expect(cell?.value.flatMap(Double.init).map { Int(($0 * 1000).rounded()) } == rate.tenths)
                #expect(formats[cell!.style] == "0.0%")
            } else {
                #expect(cell?.value == nil)
            }
        }
    }

    @Test("a dashboard with no records renders, with 'None today' and 'no data'")
    func emptyDashboard() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.dashboard()
        let package = try Self.rendered(dashboard, in: scratch)
        #expect(try package.sheetNames() == Self.expectedSheets)
        let strings = try package.sharedStrings()
        for list in ExceptionSheets.List.allCases {
            let cells = try package.cells(list.sheetName)
            #expect(package.text(cells["A5"], strings: strings) == "None today", "\(list.sheetName)")
            #expect(cells.keys.allSatisfy { !$0.hasSuffix("6") }, "\(list.sheetName) has cells below 'None today'")
        }
        #expect(strings.contains("no data"))
    }

    @Test("the definitions sheet carries every definition, the working-day rule and the versions")
    func definitions() throws {
        let scratch = try ScratchDirectory()
        let dashboard = try DashboardFixture.small()
        let package = try Self.rendered(dashboard, in: scratch)
        let strings = Set(try package.sharedStrings())
        for kpi in dashboard.result.kpis { #expect(strings.contains(kpi.definition.definition), "\(kpi.id)") }
        #expect(strings.contains { $0.hasPrefix("WD(a, b) counts working days d with a < d \u{2264} b; Monday to Friday, not an England and Wales bank holiday") })
        #expect(strings.contains("pathway " + ProgramVersion.current))
        #expect(strings.contains("1.1.4"))
        #expect(Workbook.libraryVersion == "1.1.4")
        #expect(strings.contains(String(repeating: "0123456789abcdef", count: 4)))
    }

    /// Writes the realistic dashboard where PATHWAY_XLSX_SAMPLE points, to look at it in LibreOffice.
    @Test("sample for visual review", .enabled(if: ProcessInfo.processInfo.environment["PATHWAY_XLSX_SAMPLE"] != nil))
    func sample() throws {
        let path = ProcessInfo.processInfo.environment["PATHWAY_XLSX_SAMPLE"]!
        try XLSXRenderer.render(try DashboardFixture.realistic(), to: path)
        let teams = ["=1+2", "+44", "-x", "@sum", "|", "\"Team\" 'B'", String(repeating: "T", count: 40_000)]
        try XLSXRenderer.render(try DashboardFixture.small(teams: teams, authority: "Smith & Jones =Borough"),
                                to: path.replacingOccurrences(of: ".xlsx", with: "-hostile.xlsx"))
        try XLSXRenderer.render(try DashboardFixture.dashboard(), to: path.replacingOccurrences(of: ".xlsx", with: "-empty.xlsx"))
    }
}
