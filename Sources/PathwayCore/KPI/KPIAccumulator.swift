/// Aggregates one KPI's outcomes into the headline (window), the 12 months and the teams (window).
public struct KPIAccumulator: Sendable {
    public static let notRecordedTeam = "(not recorded)"

    let periods: ReportingPeriods
    public private(set) var headline = Tally()
    public private(set) var monthly: [Tally]
    /// Each team's tally over the window (only teams with at least one record in the window).
    public private(set) var byTeam: [ExactText: Tally] = [:]

    public init(periods: ReportingPeriods) {
        self.periods = periods
        self.monthly = Array(repeating: Tally(), count: periods.months.count)
    }

    /// Adds another accumulator's counts: the same KPI over other rows.
    mutating func merge(_ other: KPIAccumulator) {
        headline.merge(other.headline)
        for month in monthly.indices { monthly[month].merge(other.monthly[month]) }
        for (team, tally) in other.byTeam { byTeam[team, default: Tally()].merge(tally) }
    }

    /// Adds each record whose anchor date falls in a period, classifying only those (so working-day
    /// questions are asked only for records that count). Records without an anchor are not in any
    /// population. `teams` holds the records' teams (`LinkedCases.conferenceTeams`, or a batch's, `RecordBatch`).
    @inline(__always)
    public mutating func add<Record>(
        _ records: [Record], teams: TeamSlots, anchor: (borrowing Record) -> Day?,
        classify: (borrowing Record) throws(CalendarError) -> KPIOutcome?
    ) throws(CalendarError) {
        try records.withUnsafeBufferPointer { (buffer) throws(CalendarError) in
            try add(buffer, teams: teams, anchor: anchor, classify: classify)
        }
    }

    /// `add` over records in a buffer (a batch of records, `RecordBatch`).
    @inline(__always)
    public mutating func add<Record>(
        _ buffer: UnsafeBufferPointer<Record>, teams: TeamSlots, anchor: (borrowing Record) -> Day?,
        classify: (borrowing Record) throws(CalendarError) -> KPIOutcome?
    ) throws(CalendarError) {
        precondition(teams.slots.count == buffer.count, "the team slots belong to these records")
        let scope = periods.scope, window = periods.window
        // Tallies by team slot while the records are read, then added to `byTeam` by name.
        var teamTallies = [Tally](repeating: Tally(), count: teams.names.count)
        // Inlined into each KPI, so its closures are known here, and read through a buffer pointer: with
        // both, most KPIs read the fields they need instead of copying each record (retaining its Strings);
        // the buffer pointer alone did not remove the copy.
        for index in buffer.indices {
            guard let day = anchor(buffer[index]), scope.contains(day),
                  let outcome = try classify(buffer[index]) else { continue }
            if window.contains(day) {
                headline.add(outcome)
                teamTallies[Int(teams.slots[index])].add(outcome)
            }
            if let month = periods.monthIndex(of: day) { monthly[month].add(outcome) }
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
        try records.withUnsafeBufferPointer { (buffer) throws(CalendarError) in
            try add(buffer, teams: teams, anchorAt: anchor, classifyAt: classify)
        }
    }

    /// `add(_:teams:anchorAt:classifyAt:)` over records in a buffer.
    @inline(__always)
    public mutating func add<Record>(
        _ buffer: UnsafeBufferPointer<Record>, teams: TeamSlots, anchorAt anchor: (UnsafePointer<Record>) -> Day?,
        classifyAt classify: (UnsafePointer<Record>, Int) throws(CalendarError) -> KPIOutcome?
    ) throws(CalendarError) {
        precondition(teams.slots.count == buffer.count, "the team slots belong to these records")
        let scope = periods.scope, window = periods.window
        var teamTallies = [Tally](repeating: Tally(), count: teams.names.count)
        guard let base = buffer.baseAddress else { return }
        for index in buffer.indices {
            let record = base + index
            guard let day = anchor(record), scope.contains(day), let outcome = try classify(record, index)
            else { continue }
            if window.contains(day) {
                headline.add(outcome)
                teamTallies[Int(teams.slots[index])].add(outcome)
            }
            if let month = periods.monthIndex(of: day) { monthly[month].add(outcome) }
        }
        addTeams(teamTallies, teams)
    }

    /// The same for a batch of records and its teams (`RecordFold`).
    @inline(__always)
    public mutating func add<Record>(
        _ batch: RecordBatch<Record>, anchor: (borrowing Record) -> Day?,
        classify: (borrowing Record) throws(CalendarError) -> KPIOutcome?
    ) throws(CalendarError) {
        try add(batch.records, teams: batch.teams, anchor: anchor, classify: classify)
    }

    /// The same for a batch of records, reading them in place.
    @inline(__always)
    public mutating func add<Record>(
        _ batch: RecordBatch<Record>, anchorAt anchor: (UnsafePointer<Record>) -> Day?,
        classifyAt classify: (UnsafePointer<Record>) throws(CalendarError) -> KPIOutcome?
    ) throws(CalendarError) {
        try add(batch.records, teams: batch.teams, anchorAt: anchor) { (record, _) throws(CalendarError) in
            try classify(record)
        }
    }

    /// Adds each team slot's tally to `byTeam` by name. Every outcome adds 1 to some count, so a team
    /// with a record in the window has a non-empty tally.
    private mutating func addTeams(_ teamTallies: [Tally], _ teams: TeamSlots) {
        for slot in teamTallies.indices where teamTallies[slot] != Tally() {
            byTeam[ExactText(teams.names[slot]), default: Tally()].merge(teamTallies[slot])
        }
    }
}
