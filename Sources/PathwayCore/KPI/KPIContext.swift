/// What a KPI may know besides the records: as_of, the periods and the working-day calendar.
/// Nothing here reads the clock.
public struct KPIContext: Sendable {
    public let periods: ReportingPeriods
    public let calendar: WorkingDayCalendar

    public init(asOf: Day, calendar: WorkingDayCalendar) {
        self.periods = ReportingPeriods(asOf: asOf)
        self.calendar = calendar
    }

    public var asOf: Day { periods.asOf }

    /// WD(a, b) of SPEC §3.
    @inline(__always)
    public func workingDays(from a: Day, to b: Day) throws(CalendarError) -> WorkingDays {
        try calendar.workingDays(from: a, to: b)
    }

    /// "Within N working days": WD(a, b) ≤ N.
    @inline(__always)
    public func within(_ limit: WorkingDays, from a: Day, to b: Day) throws(CalendarError) -> Bool {
        try calendar.workingDays(from: a, to: b) <= limit
    }
}
