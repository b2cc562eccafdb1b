/// Aggregates one KPI's outcomes into the headline (window), the 12 months and the teams (window).
public struct KPIAccumulator: Sendable {
    public static let notRecordedTeam = "(not recorded)"

    let periods: ReportingPeriods
    public private(set) var headline = Tally()
    public private(set) var monthly: [Tally]
    /// Each team's tally over the window (only teams with at least one record in the window).
    public private(set) var byTeam: [ExactText: Tally] = [:]
    /// When set, `add` reads only these rows of the records it was made for (see `RowBlock`).
    var block: RowBlock?

    public init(periods: ReportingPeriods) {
        self.periods = periods
        self.monthly = Array(repeating: Tally(), count: periods.months.count)
    }

    /// Some rows of one array of records: `KPIEngine` evaluates the KPIs whose population is
    /// contacts.csv one block of contacts at a time, all of them on a block while it is in the cache
    /// (each of them read all 1.7 million contacts from memory at 1M children, about 20 ms apiece
    /// whatever the KPI asked of them). `add` checks that it is given the array the block belongs to.
    struct RowBlock: Sendable {
        let rows: Range<Int>
        /// The address of the first record of the array the rows belong to.
        let base: Int
    }

    /// Adds another accumulator's counts: the same KPI over other rows.
    mutating func merge(_ other: KPIAccumulator) {
        headline.merge(other.headline)
        for month in monthly.indices { monthly[month].merge(other.monthly[month]) }
        for (team, tally) in other.byTeam { byTeam[team, default: Tally()].merge(tally) }
    }

    /// The rows of `buffer` that `add` reads: the block's, or all of them.
    @inline(__always)
    private func rows<Record>(of buffer: UnsafeBufferPointer<Record>) -> Range<Int> {
        guard let block else { return buffer.indices }
        precondition(Int(bitPattern: buffer.baseAddress) == block.base && block.rows.upperBound <= buffer.count,
                     "a block is read from the records it was made for")
        return block.rows
    }

    /// Adds each record whose anchor date falls in a period, classifying only those (so working-day
    /// questions are asked only for records that count). Records without an anchor are not in any
    /// population. `teams` holds the records' teams (`LinkedCases.contactTeams` and so on).
    @inline(__always)
    public mutating func add<Record>(
        _ records: [Record], teams: TeamSlots, anchor: (borrowing Record) -> Day?,
        classify: (borrowing Record) throws(CalendarError) -> KPIOutcome?
    ) throws(CalendarError) {
        precondition(teams.slots.count == records.count, "the team slots belong to these records")
        let scope = periods.scope, window = periods.window
        // Tallies by team slot while the records are read, then added to `byTeam` by name.
        var teamTallies = [Tally](repeating: Tally(), count: teams.names.count)
        // Inlined into each KPI, so its closures are known here, and read through a buffer pointer: with
        // both, most KPIs read the fields they need instead of copying each record (retaining its Strings);
        // the buffer pointer alone did not remove the copy.
        try records.withUnsafeBufferPointer { (buffer) throws(CalendarError) in
            for index in rows(of: buffer) {
                guard let day = anchor(buffer[index]), scope.contains(day),
                      let outcome = try classify(buffer[index]) else { continue }
                if window.contains(day) {
                    headline.add(outcome)
                    let slot = Int(teams.slots[index])
                    teamTallies[slot].add(outcome)
                }
                if let month = periods.monthIndex(of: day) { monthly[month].add(outcome) }
            }
        }
        addTeams(teamTallies, teams)
    }

    /// `add` for KPIs whose closures would otherwise copy each record (retaining its Strings): the
    /// closures get the record's address and read only the fields they need. Measured with callgrind,
    /// three front-door KPIs copied every contact through the by-value form. `classify` also gets the
    /// record's index in `records`, for what the link stage keeps by index.
    @inline(__always)
    public mutating func add<Record>(
        _ records: [Record], teams: TeamSlots, anchorAt anchor: (UnsafePointer<Record>) -> Day?,
        classifyAt classify: (UnsafePointer<Record>, Int) throws(CalendarError) -> KPIOutcome?
    ) throws(CalendarError) {
        precondition(teams.slots.count == records.count, "the team slots belong to these records")
        let scope = periods.scope, window = periods.window
        var teamTallies = [Tally](repeating: Tally(), count: teams.names.count)
        try records.withUnsafeBufferPointer { (buffer) throws(CalendarError) in
            guard let base = buffer.baseAddress else { return }
            for index in rows(of: buffer) {
                let record = base + index
                guard let day = anchor(record), scope.contains(day), let outcome = try classify(record, index)
                else { continue }
                if window.contains(day) {
                    headline.add(outcome)
                    teamTallies[Int(teams.slots[index])].add(outcome)
                }
                if let month = periods.monthIndex(of: day) { monthly[month].add(outcome) }
            }
        }
        addTeams(teamTallies, teams)
    }

    /// Adds each team slot's tally to `byTeam` by name. Every outcome adds 1 to some count, so a team
    /// with a record in the window has a non-empty tally.
    private mutating func addTeams(_ teamTallies: [Tally], _ teams: TeamSlots) {
        for slot in teamTallies.indices where teamTallies[slot] != Tally() {
            byTeam[ExactText(teams.names[slot]), default: Tally()].merge(teamTallies[slot])
        }
    }
}
