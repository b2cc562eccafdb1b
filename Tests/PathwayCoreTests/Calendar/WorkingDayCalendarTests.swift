import Testing
@testable import PathwayCore

/// SPEC §3: a working day is Monday to Friday and not an England and Wales bank holiday; WD(a, b) counts
/// working days d with a < d ≤ b; a question outside the holiday file's coverage stops the run.
@Suite struct WorkingDayCalendarTests {
    let calendar = TestCalendar.englandAndWales

    static let wd: [(String, String, Int, String)] = [
        ("2026-03-04", "2026-03-04", 0, "same day"),
        ("2026-03-07", "2026-03-07", 0, "same day, a Saturday"),
        ("2025-12-25", "2025-12-25", 0, "same day, a holiday"),
        ("2026-03-06", "2026-03-09", 1, "Friday to Monday"),
        ("2026-03-07", "2026-03-09", 1, "Saturday to Monday"),
        ("2026-03-08", "2026-03-09", 1, "Sunday to Monday"),
        ("2026-03-06", "2026-03-07", 0, "Friday to Saturday"),
        ("2026-03-06", "2026-03-08", 0, "Friday to Sunday"),
        ("2026-03-02", "2026-03-03", 1, "Monday to Tuesday"),
        ("2026-03-02", "2026-03-06", 4, "Monday to Friday"),
        ("2026-03-02", "2026-03-09", 5, "Monday to next Monday"),
        ("2026-03-02", "2026-03-23", 15, "three weeks"),
        ("2025-12-24", "2025-12-29", 1, "Christmas 2025: Thu 25 and Fri 26 are holidays"),
        ("2025-12-24", "2025-12-26", 0, "into Christmas"),
        ("2025-12-24", "2026-01-02", 4, "Christmas and New Year"),
        ("2025-12-31", "2026-01-02", 1, "New Year's Day 2026"),
        ("2025-12-10", "2026-01-02", 14, "strategy to ICPC across Christmas"),
        ("2025-04-17", "2025-04-22", 1, "Easter 2025: Good Friday 18, Easter Monday 21"),
        ("2025-04-17", "2025-04-21", 0, "Easter 2025 into Easter Monday"),
        ("2026-04-02", "2026-04-07", 1, "Easter 2026: Good Friday 3, Easter Monday 6"),
        ("2026-12-24", "2026-12-29", 1, "Christmas 2026: Fri 25, substitute Boxing Day Mon 28"),
        ("2026-12-25", "2026-12-28", 0, "the 2026-12-28 substitute day is not a working day"),
        ("2027-12-24", "2028-01-04", 4, "2027-28 substitute days"),
        ("2024-02-28", "2024-03-01", 2, "leap day 2024 is a working day"),
        ("2028-02-28", "2028-03-01", 2, "leap day 2028"),
        ("2025-01-01", "2025-12-31", 253, "the whole of 2025"),
        ("2015-01-01", "2015-01-05", 2, "the first day of coverage"),
        ("2030-12-24", "2030-12-31", 3, "the last days of coverage"),
        ("2015-01-01", "2030-12-31", 4043, "the whole coverage"),
    ]

    @Test(arguments: wd)
    func workingDays(_ a: String, _ b: String, _ expected: Int, _ note: String) throws {
        #expect(try calendar.workingDays(from: d(a), to: d(b)) == WorkingDays(expected), "\(note)")
    }

    /// WD(a, b) is additive: WD(a, c) = WD(a, b) + WD(b, c), and each step adds 1 exactly on working days.
    @Test func additiveAndStepwise() throws {
        var day = d("2024-11-01")
        var running = 0
        let start = day
        while day < d("2026-02-01") {
            let next = day.adding(days: 1)
            let step = try calendar.workingDays(from: day, to: next).count
            #expect(step == (try calendar.isWorkingDay(next) ? 1 : 0), "\(next)")
            running += step
            #expect(try calendar.workingDays(from: start, to: next).count == running)
            day = next
        }
    }

    static let workingDay: [(String, Bool)] = [
        ("2026-03-02", true),   // Monday
        ("2026-03-06", true),   // Friday
        ("2026-03-07", false),  // Saturday
        ("2026-03-08", false),  // Sunday
        ("2025-12-25", false), ("2025-12-26", false), ("2026-01-01", false),
        ("2025-04-18", false), ("2025-04-21", false), ("2025-04-22", true),
        ("2026-04-03", false), ("2026-04-06", false), ("2026-04-07", true),
        ("2026-12-28", false),  // Boxing Day (substitute day)
        ("2026-12-29", true),
        ("2024-02-29", true),
        ("2015-01-01", false),  // first day of coverage, a holiday
        ("2015-01-02", true),
        ("2030-12-31", true),   // last day of coverage
        ("2030-12-26", false),
        ("2020-05-08", false),  // VE Day (moved early May bank holiday)
        ("2020-05-04", true),
        ("2022-09-19", false),  // State funeral
        ("2023-05-08", false),  // Coronation
    ]

    @Test(arguments: workingDay)
    func isWorkingDay(_ text: String, _ expected: Bool) throws {
        #expect(try calendar.isWorkingDay(d(text)) == expected)
    }

    @Test func coverageIsFirstJanuaryToLastDecember() {
        #expect(calendar.coverage.start == d("2015-01-01"))
        #expect(calendar.coverage.end == d("2030-12-31"))
        #expect(calendar.holidays.count == 131)
        #expect(calendar.holidays == calendar.holidays.sorted())
    }

    @Test(arguments: ["2014-12-31", "2031-01-01", "1999-06-01", "2040-01-01"])
    func outsideCoverageThrows(_ text: String) {
        let day = d(text)
        let expected = CalendarError.outsideCoverage(date: day, coverage: calendar.coverage, source: calendar.source)
        #expect(throws: expected) { try calendar.isWorkingDay(day) }
        // Either end of a WD question outside coverage stops the run, naming that date.
        if day < calendar.coverage.start {
            #expect(throws: expected) { try calendar.workingDays(from: day, to: d("2015-01-05")) }
        } else {
            #expect(throws: expected) { try calendar.workingDays(from: d("2030-12-30"), to: day) }
        }
    }

    @Test func edgesOfCoverageAreAnswered() throws {
        #expect(try calendar.isWorkingDay(d("2015-01-01")) == false)
        #expect(try calendar.isWorkingDay(d("2030-12-31")) == true)
        #expect(try calendar.workingDays(from: d("2015-01-01"), to: d("2015-01-01")) == WorkingDays(0))
        #expect(try calendar.workingDays(from: d("2030-12-31"), to: d("2030-12-31")) == WorkingDays(0))
    }

    @Test func outsideCoverageMessageNamesDateAndCoverage() {
        let error = CalendarError.outsideCoverage(date: d("2031-01-01"), coverage: calendar.coverage, source: "h.csv")
        #expect(error.description.contains("2031-01-01"))
        #expect(error.description.contains("2015-01-01 to 2030-12-31"))
        #expect(error.description.contains("h.csv"))
    }

    // MARK: - Loading holiday files

    private func load(_ text: String) throws(CalendarError) -> WorkingDayCalendar {
        try WorkingDayCalendar.load(csv: Array(text.utf8), source: "test.csv")
    }

    @Test func loadsASmallFileWithYearCoverage() throws {
        let cal = try load("date,name\n2020-05-08,VE Day\n2021-12-27,Christmas Day (substitute day)\n")
        #expect(cal.coverage == DayRange(start: d("2020-01-01"), end: d("2021-12-31")))
        #expect(cal.holidays == [d("2020-05-08"), d("2021-12-27")])
        #expect(try cal.isWorkingDay(d("2020-05-08")) == false)
        #expect(try cal.isWorkingDay(d("2020-05-07")) == true)
        #expect(cal.source == "test.csv")
        #expect(throws: CalendarError.self) { try cal.isWorkingDay(d("2022-01-04")) }
    }

    @Test func loadToleratesOrderCaseCRLFAndBOM() throws {
        let text = "\u{FEFF}Name,DATE\r\nBoxing Day,26/12/2025\r\n\r\nChristmas Day,2025-12-25\r\n"
        let cal = try load(text)
        #expect(cal.coverage == DayRange(start: d("2025-01-01"), end: d("2025-12-31")))
        #expect(cal.holidays == [d("2025-12-25"), d("2025-12-26")])
    }

    @Test(arguments: [
        ("", 1, "empty"),
        ("name\nNew Year's Day\n", 1, "no date column"),
        ("date,name\n", 0, "no dates"),
        ("date,name\n2025-13-01,Nonsense\n", 2, "unparseable"),
        ("date,name\n2025-01-01,New Year\n31/02/2025,Impossible\n", 3, "impossible date"),
        ("date,name\n,Blank date\n", 2, "blank date"),
        ("name,date\nNew Year\n", 2, "short record"),
        ("date,name\n\"2025-01-01\"x,New Year\n", 2, "malformed quoting"),
        ("date,name\n45658,Excel serial\n", 2, "excel serial"),
    ])
    func badHolidayFilesThrow(_ text: String, _ line: Int, _ note: String) {
        do {
            _ = try load(text)
            Issue.record("\(note): expected invalidHolidayFile")
        } catch {
            guard case let .invalidHolidayFile(source, errorLine, _) = error else {
                Issue.record("\(note): wrong error \(error)")
                return
            }
            #expect(source == "test.csv")
            if line > 0 { #expect(errorLine == line, "\(note)") }
        }
    }
}
