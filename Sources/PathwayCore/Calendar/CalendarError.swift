/// A working-day question that the holiday calendar cannot answer: the run stops (exit 65).
public enum CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    case outsideCoverage(date: Day, coverage: DayRange, source: String)
    case invalidHolidayFile(source: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .outsideCoverage(date, coverage, source):
            return "the working-day calendar (\(source)) covers \(coverage) only, "
                + "but a KPI needs a working-day count involving \(date); supply a holiday file that covers it (--holidays)"
        case let .invalidHolidayFile(source, line, reason):
            return "\(source), line \(line): \(reason)"
        }
    }
}
