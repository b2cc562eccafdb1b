import PathwayTestSupport
import Testing
@testable import PathwayCore

/// Which contacts a run keeps (`ContactHorizon`): each of the four dates a front-door KPI or list reads
/// keeps a contact on its own from the first day it can count, and not a day before.
@Suite struct ContactHorizonTests {
    @Test("the first day kept is the first day of any period", arguments: [
        ("2026-03-31", "2025-04-01", "2024-04-01"),
        // Mid-month: the window starts before the first month of the series.
        ("2025-06-15", "2024-06-16", "2023-06-16"),
        ("2024-02-29", "2023-03-01", "2022-03-01"),
        // 1 January: the window starts on the 2nd, the series on 1 February.
        ("2026-01-01", "2025-01-02", "2024-01-02"),
    ])
    func firstDays(asOf: String, from: String, referralsFrom: String) {
        let horizon = ContactHorizon(periods: ReportingPeriods(asOf: d(asOf)))
        #expect(horizon.from == d(from))
        #expect(horizon.referralsFrom == d(referralsFrom))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let contact: Contact
        let kept: Bool
        var testDescription: String { name }
    }

    /// From 2025-04-01 (as_of 2026-03-31); referrals from 2024-04-01.
    static let from = d("2025-04-01")
    static let old = d("2023-06-01")
    static func contact(date: Day = old, decision: Day? = nil, requested: Day? = nil, outcome: ContactOutcome? = nil,
                        referral: Day? = nil) -> Contact {
        Contact(id: "C1", childID: "K1", contactDate: date, marfRequestedDate: requested, decisionDate: decision,
                outcome: outcome, referralDate: referral)
    }

    static let cases: [Case] = [
        Case(name: "contact_date on the first day", contact: contact(date: from), kept: true),
        Case(name: "contact_date the day before", contact: contact(date: from.adding(days: -1)), kept: false),
        Case(name: "contact_date after as_of", contact: contact(date: d("2026-05-01")), kept: true),
        Case(name: "decision_date on the first day", contact: contact(decision: from), kept: true),
        Case(name: "decision_date the day before", contact: contact(decision: from.adding(days: -1)), kept: false),
        Case(name: "marf_requested_date on the first day", contact: contact(requested: from), kept: true),
        Case(name: "marf_requested_date the day before", contact: contact(requested: from.adding(days: -1)),
             kept: false),
        Case(name: "referral_date 12 months before the first day",
             contact: contact(outcome: .referral, referral: d("2024-04-01")), kept: true),
        Case(name: "referral_date a day earlier", contact: contact(outcome: .referral, referral: d("2024-03-31")),
             kept: false),
        Case(name: "a referral dated by its decision, 12 months before",
             contact: contact(decision: d("2024-04-01"), outcome: .referral), kept: true),
        Case(name: "a referral dated by its decision, a day earlier",
             contact: contact(decision: d("2024-03-31"), outcome: .referral), kept: false),
        Case(name: "referral_date wins over a later decision_date",
             contact: contact(decision: d("2024-05-01"), outcome: .referral, referral: d("2024-03-31")), kept: false),
        Case(name: "not a referral: its referral_date is no history",
             contact: contact(outcome: .earlyHelp, referral: d("2024-06-01")), kept: false),
        Case(name: "a referral without a date", contact: contact(outcome: .referral), kept: false),
        Case(name: "every date old", contact: contact(decision: old, requested: old, outcome: .referral, referral: old),
             kept: false),
    ]

    @Test(arguments: cases)
    func keeps(_ c: Case) {
        let horizon = ContactHorizon(periods: ReportingPeriods(asOf: d("2026-03-31")))
        #expect(horizon.keeps(c.contact) == c.kept)
    }
}
