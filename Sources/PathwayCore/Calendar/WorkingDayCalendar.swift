/// The one working-day calendar (SPEC §3): Monday to Friday and not an England and Wales bank holiday,
/// within the coverage of the holiday list (1 January of its first year to 31 December of its last).
///
/// WD(a, b) is answered in constant time from a prefix count of working days over the coverage.
public struct WorkingDayCalendar: Sendable {
    public let coverage: DayRange
    public let holidays: [Day]
    /// Where the holiday list came from, for messages and the definitions sheet.
    public let source: String
    /// cumulative[i] = working days among coverage.start ... coverage.start + i.
    private let cumulative: [Int32]

    public init(holidays: [Day], coverage: DayRange, source: String) {
        self.coverage = coverage
        self.holidays = holidays.sorted()
        self.source = source
        let holidaySet = Set(holidays)
        var cumulative: [Int32] = []
        let length = coverage.start.days(to: coverage.end) + 1
        cumulative.reserveCapacity(length)
        var running: Int32 = 0
        var day = coverage.start
        for _ in 0..<length {
            if !day.isWeekend && !holidaySet.contains(day) { running += 1 }
            cumulative.append(running)
            day = day.adding(days: 1)
        }
        self.cumulative = cumulative
    }

    /// Reads a `date,name` holiday list (header required). Coverage runs from 1 January of the first
    /// listed year to 31 December of the last.
    public static func load(csv bytes: [UInt8], source: String) throws(CalendarError) -> WorkingDayCalendar {
        var reader = CSVReader(text: SourceDecoder.decode(bytes))
        var record = CSVRecord()
        guard reader.next(&record) else {
            throw .invalidHolidayFile(source: source, line: 1, reason: "the holiday file is empty")
        }
        guard let dateColumn = record.fields.firstIndex(where: { reader.trimmedString($0).lowercased() == "date" }) else {
            throw .invalidHolidayFile(source: source, line: record.line, reason: "the holiday file has no 'date' column")
        }
        var days: [Day] = []
        while reader.next(&record) {
            guard record.malformation == nil, dateColumn < record.fields.count else {
                throw .invalidHolidayFile(source: source, line: record.line, reason: "malformed record")
            }
            let text = reader.trimmedString(record.fields[dateColumn])
            guard let day = DateParser.parse(text) else {
                throw .invalidHolidayFile(source: source, line: record.line, reason: "unparseable date '\(text)'")
            }
            days.append(day)
        }
        guard let first = days.min(), let last = days.max() else {
            throw .invalidHolidayFile(source: source, line: record.line, reason: "the holiday file lists no dates")
        }
        let coverage = DayRange(start: Day(year: first.components.year, month: 1, day: 1)!,
                                end: Day(year: last.components.year, month: 12, day: 31)!)
        return WorkingDayCalendar(holidays: days, coverage: coverage, source: source)
    }

    public func isWorkingDay(_ day: Day) throws(CalendarError) -> Bool {
        let i = try index(day)
        return i == 0 ? cumulative[0] == 1 : cumulative[i] != cumulative[i - 1]
    }

    /// WD(a, b) of SPEC §3: the number of working days d with a < d ≤ b (for b ≥ a; negative of WD(b, a) otherwise).
    public func workingDays(from a: Day, to b: Day) throws(CalendarError) -> WorkingDays {
        let ia = try index(a)
        let ib = try index(b)
        return WorkingDays(Int(cumulative[ib]) - Int(cumulative[ia]))
    }

    @inline(__always)
    private func index(_ day: Day) throws(CalendarError) -> Int {
        guard coverage.contains(day) else {
            throw .outsideCoverage(date: day, coverage: coverage, source: source)
        }
        return coverage.start.days(to: day)
    }
}
