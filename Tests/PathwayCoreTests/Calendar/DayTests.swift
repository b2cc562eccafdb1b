import Testing
@testable import PathwayCore

@Suite struct DayTests {
    /// (year, month, day, days since 1970-01-01, ISO weekday), checked against an independent calendar.
    static let known: [(Int, Int, Int, Int, Int)] = [
        (1900, 1, 1, -25_567, 1),
        (1900, 2, 28, -25_509, 3),
        (1900, 3, 1, -25_508, 4),   // 1900 is not a leap year: 28 Feb is followed by 1 Mar
        (1969, 12, 31, -1, 3),
        (1970, 1, 1, 0, 4),
        (2000, 2, 29, 11_016, 2),   // 2000 is a leap year (divisible by 400)
        (2000, 3, 1, 11_017, 3),
        (2024, 2, 29, 19_782, 4),
        (2025, 12, 25, 20_447, 4),
        (2026, 3, 31, 20_543, 2),
        (2026, 12, 28, 20_815, 1),
        (2100, 2, 28, 47_540, 7),
        (2100, 3, 1, 47_541, 1),    // 2100 is not a leap year
        (2100, 12, 31, 47_846, 5),
    ]

    @Test(arguments: known)
    func knownDates(_ entry: (Int, Int, Int, Int, Int)) throws {
        let (y, m, dd, epoch, weekday) = entry
        let day = try #require(Day(year: y, month: m, day: dd))
        #expect(Int(day.daysSinceEpoch) == epoch)
        #expect(day.isoWeekday == weekday)
        #expect(day.isWeekend == (weekday >= 6))
        let c = day.components
        #expect(c.year == y && c.month == m && c.day == dd)
        #expect(Day(daysSinceEpoch: epoch) == day)
    }

    /// Every day from 1900-01-01 to 2100-12-31: components round-trip, days are consecutive,
    /// weekdays cycle, and the day count per year matches the leap-year rule.
    @Test func roundTripsEveryDay1900To2100() throws {
        var day = try #require(Day(year: 1900, month: 1, day: 1))
        let last = try #require(Day(year: 2100, month: 12, day: 31))
        var expectedWeekday = 1
        var daysInYear: [Int: Int] = [:]
        var failures = 0
        while day <= last {
            let c = day.components
            if Day(year: c.year, month: c.month, day: c.day) != day { failures += 1 }
            if day.isoWeekday != expectedWeekday { failures += 1 }
            daysInYear[c.year, default: 0] += 1
            let next = day.adding(days: 1)
            if next.daysSinceEpoch != day.daysSinceEpoch + 1 { failures += 1 }
            expectedWeekday = expectedWeekday % 7 + 1
            day = next
        }
        #expect(failures == 0)
        for year in 1900...2100 {
            #expect(daysInYear[year] == (Day.isLeapYear(year) ? 366 : 365), "year \(year)")
        }
    }

    @Test(arguments: [
        (1900, false), (1904, true), (1996, true), (2000, true), (2023, false), (2024, true),
        (2025, false), (2028, true), (2100, false), (2400, true),
    ])
    func leapYears(_ year: Int, _ leap: Bool) {
        #expect(Day.isLeapYear(year) == leap)
        #expect((Day(year: year, month: 2, day: 29) != nil) == leap)
        #expect(Day.daysInMonth(year: year, month: 2) == (leap ? 29 : 28))
    }

    @Test(arguments: [
        (2025, 2, 31), (2025, 2, 29), (2025, 13, 1), (2025, 0, 1), (2025, 1, 0), (2025, 1, 32),
        (2025, 4, 31), (2025, 6, 31), (2025, 9, 31), (2025, 11, 31), (1900, 2, 29), (2100, 2, 29),
        (0, 1, 1), (10_000, 1, 1), (2025, -1, 1), (2025, 1, -1),
    ])
    func invalidDatesAreNil(_ y: Int, _ m: Int, _ dd: Int) {
        #expect(Day(year: y, month: m, day: dd) == nil)
    }

    /// Every day number from -1 to 33 of every month of years around the leap-year exceptions: valid
    /// exactly when it is 1 to the month's length (counted here from the months' lengths, not with
    /// `daysInMonth`), and then it reads back. Guards the shortcut for days up to the 28th.
    @Test(arguments: [1, 4, 1899, 1900, 1903, 1904, 1999, 2000, 2023, 2024, 2100, 2400, 9999])
    func validExactlyWithinTheMonth(_ year: Int) {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var wrong: [String] = []
        for month in 1...12 {
            for day in -1...33 {
                let made = Day(year: year, month: month, day: day)
                let valid = day >= 1 && day <= lengths[month - 1]
                if (made != nil) != valid { wrong.append("\(year)-\(month)-\(day)") }
                if let made, made.components != (year, month, day) { wrong.append("\(year)-\(month)-\(day) reads back") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test(arguments: [1, 3, 5, 7, 8, 10, 12])
    func thirtyOneDayMonths(_ month: Int) {
        #expect(Day(year: 2025, month: month, day: 31) != nil)
        #expect(Day.daysInMonth(year: 2025, month: month) == 31)
    }

    @Test func descriptionIsISO() throws {
        #expect(try #require(Day(year: 2025, month: 1, day: 5)).description == "2025-01-05")
        #expect(try #require(Day(year: 1900, month: 12, day: 31)).description == "1900-12-31")
        #expect(try #require(Day(year: 2026, month: 3, day: 31)).yearMonth.description == "2026-03")
    }

    @Test func differencesAndOrdering() {
        #expect(d("2026-03-01").days(to: d("2026-03-02")) == 1)
        #expect(d("2026-03-02").days(to: d("2026-03-01")) == -1)
        #expect(d("2024-02-28").days(to: d("2024-03-01")) == 2)
        #expect(d("2025-02-28").days(to: d("2025-03-01")) == 1)
        #expect(d("2025-12-31") < d("2026-01-01"))
    }
}
