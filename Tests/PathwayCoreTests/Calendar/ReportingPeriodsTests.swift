import Testing
@testable import PathwayCore

/// SPEC §3: the window is add_months(as_of, −12) + 1 day to as_of inclusive; the monthly series is the
/// 12 calendar months ending with as_of's month, the last one running to as_of.
@Suite struct ReportingPeriodsTests {
    /// as_of, window start, first month, last month's first day.
    static let cases: [(String, String, String)] = [
        ("2026-03-31", "2025-04-01", "2025-04"),
        ("2024-02-29", "2023-03-01", "2023-03"),  // add_months(2024-02-29, −12) = 2023-02-28, + 1 day
        ("2026-03-15", "2025-03-16", "2025-04"),
        ("2026-01-01", "2025-01-02", "2025-02"),
        ("2025-12-31", "2025-01-01", "2025-01"),
        ("2026-02-28", "2025-03-01", "2025-03"),
        ("2024-03-31", "2023-04-01", "2023-04"),
        ("2025-02-28", "2024-02-29", "2024-03"),  // window is 366 days: see `windowAfterALeapFebruary`
    ]

    @Test(arguments: cases)
    func windowAndMonths(_ asOfText: String, _ windowStart: String, _ firstMonth: String) {
        let asOf = d(asOfText)
        let p = ReportingPeriods(asOf: asOf)
        #expect(p.asOf == asOf)
        #expect(p.window == DayRange(start: d(windowStart), end: asOf))
        #expect(p.window.start == asOf.adding(-Months(12)).adding(days: 1))
        #expect(p.months.count == 12)
        #expect(p.months.first?.month.description == firstMonth)
        #expect(p.months.first?.range.start == p.months.first?.month.firstDay)
        #expect(p.months.last?.month == asOf.yearMonth)
        #expect(p.months.last?.range == DayRange(start: asOf.yearMonth.firstDay, end: asOf))
        // Oldest first, consecutive months, contiguous ranges, each a whole month except the last.
        for i in 0..<12 {
            let m = p.months[i]
            #expect(m.month == asOf.yearMonth.adding(Months(i - 11)))
            #expect(m.range.start == m.month.firstDay)
            if i < 11 {
                #expect(m.range.end == m.month.lastDay)
                #expect(m.range.end.adding(days: 1) == p.months[i + 1].range.start)
            }
        }
        #expect(p.scope == DayRange(start: min(p.window.start, p.months[0].range.start), end: asOf))
    }

    @Test func specExamples() {
        let march = ReportingPeriods(asOf: d("2026-03-31"))
        #expect(march.window.start == d("2025-04-01") && march.window.end == d("2026-03-31"))
        let leap = ReportingPeriods(asOf: d("2024-02-29"))
        #expect(leap.window.start == d("2023-03-01") && leap.window.end == d("2024-02-29"))
        #expect(leap.months.last?.range == DayRange(start: d("2024-02-01"), end: d("2024-02-29")))
    }

    /// At a month end the window is exactly the 12 months (so a headline is the sum of its months)...
    @Test(arguments: ["2026-03-31", "2024-02-29", "2026-02-28", "2025-12-31", "2026-04-30", "2023-02-28"])
    func monthEndWindowEqualsTheMonths(_ asOfText: String) {
        let p = ReportingPeriods(asOf: d(asOfText))
        #expect(p.window.start == p.months[0].range.start)
        #expect(p.scope == p.window)
    }

    /// ...except on 28 February after a leap February: SPEC §3 taken literally gives
    /// add_months(2025-02-28, −12) + 1 = 2024-02-29, a day in the window but in no month of the series.
    @Test func windowAfterALeapFebruary() {
        let p = ReportingPeriods(asOf: d("2025-02-28"))
        #expect(p.window.start == d("2024-02-29"))
        #expect(p.months[0].range.start == d("2024-03-01"))
        #expect(p.monthIndex(of: d("2024-02-29")) == nil)
        #expect(p.window.contains(d("2024-02-29")))
    }

    @Test(arguments: [
        ("2026-03-31", "2025-04-01", 0), ("2026-03-31", "2025-04-30", 0), ("2026-03-31", "2025-05-01", 1),
        ("2026-03-31", "2025-12-25", 8), ("2026-03-31", "2026-03-01", 11), ("2026-03-31", "2026-03-31", 11),
        ("2026-03-15", "2026-03-15", 11), ("2026-03-15", "2025-04-01", 0), ("2024-02-29", "2023-03-01", 0),
        ("2024-02-29", "2024-02-29", 11), ("2026-01-01", "2025-02-01", 0), ("2026-01-01", "2025-12-31", 10),
    ])
    func monthIndex(_ asOf: String, _ dayText: String, _ expected: Int) {
        #expect(ReportingPeriods(asOf: d(asOf)).monthIndex(of: d(dayText)) == expected)
    }

    @Test(arguments: [
        ("2026-03-31", "2025-03-31"), ("2026-03-31", "2026-04-01"), ("2026-03-15", "2026-03-16"),
        ("2026-03-15", "2025-03-20"), ("2026-03-15", "2026-03-31"), ("2024-02-29", "2023-02-28"),
        ("2026-03-31", "2015-01-01"), ("2026-03-31", "2030-01-01"),
    ])
    func monthIndexIsNilOutsideTheSeries(_ asOf: String, _ dayText: String) {
        #expect(ReportingPeriods(asOf: d(asOf)).monthIndex(of: d(dayText)) == nil)
    }

    /// monthIndex agrees with a linear search over `months` for every day around the periods.
    @Test(arguments: ["2026-03-31", "2026-03-15", "2024-02-29", "2025-02-28", "2026-01-01"])
    func monthIndexAgreesWithRanges(_ asOfText: String) {
        let p = ReportingPeriods(asOf: d(asOfText))
        var day = p.scope.start.adding(days: -40)
        while day <= p.asOf.adding(days: 40) {
            let linear = p.months.firstIndex { $0.range.contains(day) }
            #expect(p.monthIndex(of: day) == linear, "\(day)")
            day = day.adding(days: 1)
        }
    }

    @Test func scopeCoversWindowAndMonthsWhenMidMonth() {
        let p = ReportingPeriods(asOf: d("2026-03-15"))
        #expect(p.scope == DayRange(start: d("2025-03-16"), end: d("2026-03-15")))
        #expect(p.scope.contains(p.window.start))
        #expect(p.scope.contains(p.months[0].range.start))
    }
}
