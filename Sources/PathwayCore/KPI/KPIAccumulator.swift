/// Aggregates one KPI's outcomes into the headline (window), the 12 months and the teams (window).
public struct KPIAccumulator: Sendable {
    public static let notRecordedTeam = "(not recorded)"

    let periods: ReportingPeriods
    public private(set) var headline = Tally()
    public private(set) var monthly: [Tally]
    public private(set) var byTeam: [ExactText: Tally] = [:]

    public init(periods: ReportingPeriods) {
        self.periods = periods
        self.monthly = Array(repeating: Tally(), count: periods.months.count)
    }

    /// Adds each record whose anchor date falls in a period, classifying only those (so working-day
    /// questions are asked only for records that count). Records without an anchor are not in any population.
    public mutating func add<Record>(
        _ records: [Record], anchor: (Record) -> Day?, team: (Record) -> String?,
        classify: (Record) throws(CalendarError) -> KPIOutcome?
    ) throws(CalendarError) {
        let scope = periods.scope
        for record in records {
            guard let day = anchor(record), scope.contains(day), let outcome = try classify(record) else { continue }
            add(outcome, anchor: day, team: team(record))
        }
    }

    /// Adds one outcome; `classify` returning nil above means "not in the population".
    @inline(__always)
    public mutating func add(_ outcome: KPIOutcome, anchor: Day, team: String?) {
        if periods.window.contains(anchor) {
            headline.add(outcome)
            byTeam[ExactText(team ?? KPIAccumulator.notRecordedTeam), default: Tally()].add(outcome)
        }
        if let month = periods.monthIndex(of: anchor) { monthly[month].add(outcome) }
    }
}
