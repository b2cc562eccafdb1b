import PathwayCore

/// Working days over the span the generator needs, answered in constant time: the day n working
/// days after another (so that WD(d, result) = n), and the nearest working day on either side.
/// Built once from the `WorkingDayCalendar`, so every working-day question stays inside its coverage.
struct WorkingDayIndex: Sendable {
    let start: Day
    let end: Day
    /// cumulative[i] = working days among start ... start + i.
    private let cumulative: [Int32]
    /// The k-th working day of the span (0-based).
    private let workingDays: [Day]

    init(calendar: WorkingDayCalendar, start: Day, end: Day) throws(SampleError) {
        guard calendar.coverage.contains(start), calendar.coverage.contains(end), start <= end else {
            throw .outsideCalendar(needed: "\(start) to \(end)", coverage: calendar.coverage.description,
                                   source: calendar.source)
        }
        self.start = start
        self.end = end
        var cumulative: [Int32] = []
        var workingDays: [Day] = []
        var running: Int32 = 0
        var day = start
        while day <= end {
            let working: Bool
            do { working = try calendar.isWorkingDay(day) } catch {
                throw .outsideCalendar(needed: day.description, coverage: calendar.coverage.description,
                                       source: calendar.source)
            }
            if working {
                running += 1
                workingDays.append(day)
            }
            cumulative.append(running)
            day = day.adding(days: 1)
        }
        self.cumulative = cumulative
        self.workingDays = workingDays
    }

    @inline(__always)
    private func offset(_ day: Day) -> Int {
        let i = start.days(to: day)
        precondition(i >= 0, "a working-day question before the generator's span")
        return i
    }

    func isWorkingDay(_ day: Day) -> Bool {
        let i = offset(day)
        guard day <= end else { return false }
        return i == 0 ? cumulative[0] == 1 : cumulative[i] != cumulative[i - 1]
    }

    /// The earliest day d with WD(day, d) = n (n ≥ 0); nil when it lies beyond the span.
    @inline(__always)
    func adding(_ n: Int, to day: Day) -> Day? {
        if n == 0 { return day <= end ? day : nil }
        guard day <= end else { return nil }
        let target = Int(cumulative[offset(day)]) + n
        return target <= workingDays.count ? workingDays[target - 1] : nil
    }

    /// The latest working day on or before `day`; nil when there is none in the span.
    func onOrBefore(_ day: Day) -> Day? {
        let clamped = min(day, end)
        let c = Int(cumulative[offset(clamped)])
        return c == 0 ? nil : workingDays[c - 1]
    }

    /// The earliest working day on or after `day`; nil when it lies beyond the span.
    func onOrAfter(_ day: Day) -> Day? {
        guard day <= end else { return nil }
        if isWorkingDay(day) { return day }
        let c = Int(cumulative[offset(day)])
        return c < workingDays.count ? workingDays[c] : nil
    }
}
