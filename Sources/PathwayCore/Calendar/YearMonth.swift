/// A calendar month, written `YYYY-MM`: the unit of the monthly series.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
    }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysInMonth(year: year, month: month))! }

    public func adding(_ months: Months) -> YearMonth {
        let index = year * 12 + (month - 1) + months.count
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return YearMonth(year: y, month: index - y * 12 + 1)
    }

    public var description: String { Day.pad(year, 4) + "-" + Day.pad(month, 2) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
