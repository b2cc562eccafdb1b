import PathwayTestSupport
import Testing
@testable import PathwayCore

/// add_months(d, n) of SPEC §3: the same day of the month n months later (n may be negative), clamped to
/// the last day of that month.
@Suite struct AddMonthsTests {
    static let cases: [(String, Int, String)] = [
        ("2026-01-31", 3, "2026-04-30"),      // SPEC §3 example
        ("2024-02-29", -12, "2023-02-28"),    // SPEC §3 example
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2024-02-29", -48, "2020-02-29"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2024-03-31", -1, "2024-02-29"),
        ("2026-01-15", -13, "2024-12-15"),    // negative across a year boundary
        ("2026-01-31", -2, "2025-11-30"),
        ("2026-03-31", -25, "2024-02-29"),
        ("2025-12-31", 2, "2026-02-28"),
        ("2025-11-30", 3, "2026-02-28"),
        ("2025-12-15", 1, "2026-01-15"),      // positive across a year boundary
        ("2025-12-01", 3, "2026-03-01"),
        ("2026-08-31", -6, "2026-02-28"),
        ("2026-05-31", -12, "2025-05-31"),
        ("2000-01-31", 1, "2000-02-29"),
        ("1900-01-31", 1, "1900-02-28"),
        ("2026-01-31", 0, "2026-01-31"),      // +0 is the identity
        ("2024-02-29", 0, "2024-02-29"),
        ("2025-07-10", 6, "2026-01-10"),
        ("2025-04-10", 3, "2025-07-10"),
    ]

    @Test(arguments: cases)
    func addMonths(_ start: String, _ months: Int, _ expected: String) {
        #expect(d(start).adding(Months(months)).description == expected)
    }

    @Test func negationOperator() {
        #expect(d("2024-02-29").adding(-Months(12)) == d("2023-02-28"))
        #expect((-Months(3)).count == -3)
    }

    /// Property: the result is always in the target calendar month, never later than the same day number.
    @Test func resultIsInTheTargetMonth() {
        var rng = SeededRandom(seed: 0xADD_0001)
        for _ in 0..<5_000 {
            let start = Day(daysSinceEpoch: 10_000 + rng.below(20_000))
            let n = rng.below(121) - 60
            let result = start.adding(Months(n))
            let s = start.components, r = result.components
            let expectedMonth = YearMonth(year: s.year, month: s.month).adding(Months(n))
            #expect(r.year == expectedMonth.year && r.month == expectedMonth.month, "\(start) + \(n)")
            #expect(r.day == min(s.day, Day.daysInMonth(year: r.year, month: r.month)), "\(start) + \(n)")
        }
    }

    @Test(arguments: [
        (2026, 1, -1, "2025-12"), (2026, 1, -13, "2024-12"), (2026, 12, 1, "2027-01"), (2026, 3, -11, "2025-04"),
        (2026, 3, 0, "2026-03"), (2000, 1, -24_000, "0000-01"),
    ])
    func yearMonthAdding(_ year: Int, _ month: Int, _ n: Int, _ expected: String) {
        #expect(YearMonth(year: year, month: month).adding(Months(n)).description == expected)
    }
}
