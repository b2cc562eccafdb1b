/// How far back a run's contacts can matter: which accepted contacts it keeps after decoding them, those
/// a front-door KPI or an exception list can read (SPEC §4). Every front-door KPI takes its population
/// by one of four dates in the period (contact_date, marf_requested_date, decision_date, the referral
/// date), and the two contact lists by contact_date or marf_requested_date in the window;
/// re_referrals_12m also reads each child's earlier referrals, back to 12 months before a referral in
/// the period. A contact with none of those dates late enough cannot change any figure or list, so the
/// decoder counts it as accepted (its findings and its id, for the duplicate check, are kept) and then
/// lets it go: a file that holds many years of history needs memory for the period, not for every row.
///
/// Only lower bounds are tested, so contacts dated after as_of are kept, as the KPIs use them as recorded.
/// `KPIPropertyTests.keptContactsGiveTheSameFigures` checks, on random cases and eight as_of dates, that
/// every KPI and both contact lists come out the same from the kept contacts as from all of them.
public struct ContactHorizon: Sendable, Equatable {
    /// The first day of any period (`ReportingPeriods.scope.start`): the window or the first month of
    /// the series, whichever starts earlier.
    public let from: Day
    /// The first referral date that can be the earlier referral of one in a period.
    public let referralsFrom: Day

    public init(from: Day) {
        self.from = from
        referralsFrom = from.adding(-Timescales.reReferralLookBack)
    }

    public init(periods: ReportingPeriods) {
        self.init(from: periods.scope.start)
    }

    /// Whether the contact can be in a KPI's population, a list, or a referral's history.
    @inline(__always)
    public func keeps(_ contact: borrowing Contact) -> Bool {
        keeps(contactDate: contact.contactDate, decisionDate: contact.decisionDate,
              marfRequestedDate: contact.marfRequestedDate,
              referralDay: Contact.referralDay(outcome: contact.outcome, referralDate: contact.referralDate,
                                               decisionDate: contact.decisionDate))
    }

    /// `keeps` from a contact's four dates, before any record is built (`Contact.decodeKept`).
    @inline(__always)
    public func keeps(contactDate: Day, decisionDate: Day?, marfRequestedDate: Day?, referralDay: Day?) -> Bool {
        if contactDate >= from { return true }
        if let day = decisionDate, day >= from { return true }
        if let day = marfRequestedDate, day >= from { return true }
        if let day = referralDay, day >= referralsFrom { return true }
        return false
    }
}
