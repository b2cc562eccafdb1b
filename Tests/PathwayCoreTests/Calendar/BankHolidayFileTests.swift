import Testing
@testable import PathwayCore

/// The bundled holiday list checked against the statutory pattern (SPEC §3 says its 2028–2030 dates
/// follow the pattern and need checking when gov.uk publishes them): New Year's Day, Good Friday,
/// Easter Monday, first and last Monday of May, last Monday of August, Christmas and Boxing Day, each
/// moved to the next free weekday when it falls on a weekend; plus the known one-off changes.
@Suite struct BankHolidayFileTests {
    /// Gregorian Easter Sunday (anonymous Gregorian algorithm).
    static func easter(_ y: Int) -> Day {
        let a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - dd - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: y, month: month, day: dayOfMonth)!
    }

    static func firstMonday(_ y: Int, _ month: Int) -> Day {
        var day = Day(year: y, month: month, day: 1)!
        while day.isoWeekday != 1 { day = day.adding(days: 1) }
        return day
    }

    static func lastMonday(_ y: Int, _ month: Int) -> Day {
        var day = YearMonth(year: y, month: month).lastDay
        while day.isoWeekday != 1 { day = day.adding(days: -1) }
        return day
    }

    static func statutory(_ y: Int) -> Set<Day> {
        var days: Set<Day> = []
        var newYear = Day(year: y, month: 1, day: 1)!
        while newYear.isWeekend { newYear = newYear.adding(days: 1) }
        days.insert(newYear)
        let sunday = easter(y)
        days.insert(sunday.adding(days: -2))
        days.insert(sunday.adding(days: 1))
        days.insert(firstMonday(y, 5))
        days.insert(lastMonday(y, 5))
        days.insert(lastMonday(y, 8))
        // Christmas then Boxing Day, each on the next weekday not already taken.
        for dayOfMonth in [25, 26] {
            var day = Day(year: y, month: 12, day: dayOfMonth)!
            while day.isWeekend || days.contains(day) { day = day.adding(days: 1) }
            days.insert(day)
        }
        // One-off changes by proclamation.
        switch y {
        case 2020:  // early May moved to VE Day
            days.remove(firstMonday(y, 5)); days.insert(d("2020-05-08"))
        case 2022:  // Platinum Jubilee; State funeral
            days.remove(lastMonday(y, 5)); days.insert(d("2022-06-02")); days.insert(d("2022-06-03"))
            days.insert(d("2022-09-19"))
        case 2023:  // Coronation
            days.insert(d("2023-05-08"))
        default: break
        }
        return days
    }

    @Test(arguments: Array(2015...2030))
    func yearMatchesStatutoryPattern(_ year: Int) {
        let listed = Set(TestCalendar.englandAndWales.holidays.filter { $0.components.year == year })
        let expected = Self.statutory(year)
        #expect(listed == expected,
                "missing: \(expected.subtracting(listed).sorted()), unexpected: \(listed.subtracting(expected).sorted())")
    }

    @Test func noHolidayIsAWeekendAndNoneRepeat() {
        let holidays = TestCalendar.englandAndWales.holidays
        #expect(holidays.allSatisfy { !$0.isWeekend })
        #expect(Set(holidays).count == holidays.count)
    }

    @Test func fileHasDateAndNameColumns() {
        let lines = TestCalendar.holidayFileText.split(whereSeparator: \.isNewline)
        #expect(lines.first == "date,name")
        #expect(lines.count == 132)
    }
}
