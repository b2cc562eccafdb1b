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
    /// For each day of `scope` (by offset from its start), the index of its month in `months`, or -1.
    private let monthByOffset: [Int8]

    public init(asOf: Day) {
        self.asOf = asOf
        window = DayRange(start: asOf.adding(-Months(12)).adding(days: 1), end: asOf)
        let last = asOf.yearMonth
        months = (0..<12).map { back in
            let month = last.adding(Months(back - 11))
            return Month(month: month, range: DayRange(start: month.firstDay, end: min(month.lastDay, asOf)))
        }
        scope = DayRange(start: min(window.start, months[0].range.start), end: asOf)
        var table = [Int8](repeating: -1, count: scope.start.days(to: scope.end) + 1)
        for (index, month) in months.enumerated() {
            for offset in scope.start.days(to: month.range.start)...scope.start.days(to: month.range.end) {
                table[offset] = Int8(index)
            }
        }
        monthByOffset = table
    }

    /// The index in `months` of the month holding `day`, if any.
    @inline(__always)
    public func monthIndex(of day: Day) -> Int? {
        guard scope.contains(day) else { return nil }
        let index = monthByOffset[scope.start.days(to: day)]
        return index < 0 ? nil : Int(index)
    }
}
