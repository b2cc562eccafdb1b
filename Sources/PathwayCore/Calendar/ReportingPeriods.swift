/// The periods of SPEC §3 for one as_of date: the 12-month window and the 12 calendar months.
public struct ReportingPeriods: Sendable {
    public struct Month: Sendable, Hashable {
        public let month: YearMonth
        public let range: DayRange
    }

    public let asOf: Day
    /// From add_months(as_of, −12) + 1 day to as_of inclusive.
    public let window: DayRange
    /// The 12 calendar months ending with as_of's month, oldest first; the last runs to as_of.
    public let months: [Month]
    /// The smallest range holding the window and every month: records outside it are in no period.
    public let scope: DayRange

    public init(asOf: Day) {
        self.asOf = asOf
        window = DayRange(start: asOf.adding(-Months(12)).adding(days: 1), end: asOf)
        let last = asOf.yearMonth
        months = (0..<12).map { back in
            let month = last.adding(Months(back - 11))
            return Month(month: month, range: DayRange(start: month.firstDay, end: min(month.lastDay, asOf)))
        }
        scope = DayRange(start: min(window.start, months[0].range.start), end: asOf)
    }

    /// The index in `months` of the month holding `day`, if any.
    @inline(__always)
    public func monthIndex(of day: Day) -> Int? {
        guard day >= months[0].range.start, day <= asOf else { return nil }
        let first = months[0].month
        let m = day.yearMonth
        return (m.year - first.year) * 12 + (m.month - first.month)
    }
}
