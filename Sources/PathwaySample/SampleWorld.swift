import PathwayCore

/// Everything fixed for a whole sample: the dates, the working-day index, the referral-chain model
/// and the mixes ready for drawing. Built once, read by every child.
struct SampleWorld: Sendable {
    let parameters: SampleParameters
    var rates: SampleRates { parameters.rates }
    var asOf: Day { parameters.asOf }
    /// add_months(as_of, −historyMonths) + 1 day: the first day of the history.
    let historyStart: Day
    let historyDays: Int
    /// A day after every date the generator can write (an open plan is busy until then).
    let farFuture: Day
    let index: WorkingDayIndex
    let chain: ReferralChainModel
    /// Share of children with a referral chain.
    let referredShare: Double
    /// Mean contacts per child besides the referral chain's (a child without referrals has 1 more).
    let otherContactsMean: Double
    /// Mean audits per referred child.
    let auditsPerReferredChild: Double
    let slots: SampleSlots

    let sources: WeightedTable<SampleSource>
    let sourceIsPolice: [Bool]
    let teams: WeightedTable<String>
    /// The outcome split without referral (referrals come from the referral chain).
    let otherOutcomes: WeightedTable<ContactOutcome>
    let categories: WeightedTable<AbuseCategory>
    let grades: WeightedTable<AuditGrade>
    let auditors: WeightedTable<String>
    let auditTypes: WeightedTable<String>
    let genders: WeightedTable<String>
    let ethnicities: WeightedTable<String>

    init(_ parameters: SampleParameters, calendar: WorkingDayCalendar) throws(SampleError) {
        let rates = parameters.rates
        try rates.validate()
        self.parameters = parameters
        let asOf = parameters.asOf
        historyStart = asOf.adding(Months(-rates.historyMonths)).adding(days: 1)
        historyDays = historyStart.days(to: asOf) + 1
        farFuture = asOf.adding(days: 100_000)
        // The span of working-day questions: a little before the history (weekend and holiday
        // snapping) to a little after as-of (events that turn out to be after it), inside the coverage.
        let spanStart = historyStart.adding(days: -60)
        guard calendar.coverage.contains(spanStart), calendar.coverage.contains(asOf) else {
            throw .outsideCalendar(needed: "\(spanStart) to \(asOf) (the history and as-of)",
                                   coverage: calendar.coverage.description, source: calendar.source)
        }
        // Earlier plans (previousPlanShare) reach back up to 1,200 days before the history, where
        // the calendar covers it.
        index = try WorkingDayIndex(calendar: calendar,
                                    start: max(calendar.coverage.start, historyStart.adding(days: -1200)),
                                    end: min(asOf.adding(days: 220), calendar.coverage.end))
        chain = ReferralChainModel(days: historyDays, reReferral: rates.reReferralWithin12Months,
                                   laterReferral: rates.laterReferral)

        func table<Value>(_ mix: [SampleWeighted<Value>], _ name: String) throws(SampleError) -> WeightedTable<Value> {
            guard let table = WeightedTable(mix) else {
                throw .invalidParameter("\(name) needs at least one choice, no negative weights and a positive total")
            }
            return table
        }
        sources = try table(rates.sources, "sources")
        sourceIsPolice = sources.values.map { PoliceSource.matches($0.label) }
        teams = try table(rates.teams, "teams")
        otherOutcomes = try table(rates.outcomes.filter { $0.value != .referral }, "outcomes (other than referral)")
        categories = try table(rates.categories, "categories")
        grades = try table(rates.grades, "grades")
        auditors = try table(rates.auditors, "auditors")
        auditTypes = try table(rates.auditTypes, "auditTypes")
        genders = try table([SampleWeighted("Male", 0.49), SampleWeighted("Female", 0.49),
                             SampleWeighted("Not known", 0.02)], "genders")
        ethnicities = try table(SampleWorld.ethnicityMix, "ethnicities")
        for team in rates.teams where team.value.isEmpty { throw .invalidParameter("team names must not be empty") }
        for source in rates.sources where source.value.label.isEmpty {
            throw .invalidParameter("source labels must not be empty")
        }

        // Sizing (see ReferralChainModel): referrals per child = referral share × contacts per child.
        let outcomeTable = try table(rates.outcomes, "outcomes")
        var referralShare = 0.0
        for (i, outcome) in outcomeTable.values.enumerated() where outcome == .referral {
            referralShare += outcomeTable.probability(i)
        }
        let contactsPerChild = rates.contactsPerChild
        referredShare = referralShare * contactsPerChild / chain.expectedReferrals
        guard referredShare <= 1 else {
            throw .invalidParameter("contactsPerChild \(contactsPerChild) needs more referrals per child than the "
                + "referral chain gives; lower it or the referral share")
        }
        otherContactsMean = (1 - referralShare) * contactsPerChild - (1 - referredShare)
        guard otherContactsMean >= 0 else {
            throw .invalidParameter("contactsPerChild \(contactsPerChild) is too low for the referral share: every "
                + "child without a referral needs at least one other contact")
        }
        auditsPerReferredChild = referredShare > 0
            ? rates.auditsPerMonthPer1000Children * Double(rates.historyMonths) / (1000 * referredShare) : 0
        slots = SampleSlots(domains: rates.auditDomains.count)
    }

    /// The working day nearest after `day` (or before, when that would pass as-of).
    func workingDayNear(_ day: Day) -> Day {
        if let after = index.onOrAfter(day), after <= asOf { return after }
        return index.onOrBefore(min(day, asOf))!
    }

    /// Fixed (not a rate): a CIN census–like ethnicity mix.
    static let ethnicityMix: [SampleWeighted<String>] = [
        SampleWeighted("WBRI", 0.62), SampleWeighted("WIRI", 0.01), SampleWeighted("WOTH", 0.05),
        SampleWeighted("WROM", 0.01), SampleWeighted("MWBC", 0.03), SampleWeighted("MWBA", 0.01),
        SampleWeighted("MWAS", 0.02), SampleWeighted("MOTH", 0.03), SampleWeighted("AIND", 0.03),
        SampleWeighted("APKN", 0.04), SampleWeighted("ABAN", 0.01), SampleWeighted("AOTH", 0.02),
        SampleWeighted("BCRB", 0.01), SampleWeighted("BAFR", 0.04), SampleWeighted("BOTH", 0.01),
        SampleWeighted("CHNE", 0.01), SampleWeighted("OOTH", 0.02), SampleWeighted("REFU", 0.01),
        SampleWeighted("NOBT", 0.02),
    ]
}
