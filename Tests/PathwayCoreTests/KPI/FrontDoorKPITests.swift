import Testing
@testable import PathwayCore

/// Boundary cases of the front-door KPIs, each read from SPEC §4 (beyond the declarations' own examples).
@Suite struct FrontDoorKPITests {
    private func headline(_ id: String, asOf: String, _ contacts: [Contact]) throws -> Tally {
        let kpi = try #require(KPICatalogue.definition(id))
        return try KPIEngine().compute(kpi, LinkedCases(contacts: contacts, enquiries: [], conferences: [], audits: []),
                                       context: TestCalendar.context(asOf: asOf)).headline
    }

    /// contact_decision_1wd: (contact, decision or nil, as_of, expected outcome).
    static let decisions: [(String, String?, String, String)] = [
        ("2026-03-04", "2026-03-04", "2026-03-31", "met"),        // same day: WD 0
        ("2026-03-06", "2026-03-09", "2026-03-31", "met"),        // Friday → Monday: 1
        ("2026-03-07", "2026-03-09", "2026-03-31", "met"),        // Saturday → Monday: 1
        ("2026-03-07", "2026-03-10", "2026-03-31", "notMet"),     // Saturday → Tuesday: 2
        ("2026-04-02", "2026-04-07", "2026-04-30", "met"),        // Thursday before Easter → Tuesday after: 1
        ("2026-04-03", "2026-04-07", "2026-04-30", "met"),        // contact on Good Friday
        ("2025-12-24", "2025-12-30", "2026-03-31", "notMet"),     // WD 2 across Christmas
        ("2026-03-10", "2026-03-09", "2026-03-31", "excluded"),   // decision before contact
        ("2026-03-27", nil, "2026-03-30", "excluded"),            // Friday, as_of Monday: WD 1, still in time
        ("2026-03-27", nil, "2026-03-31", "notMet"),              // as_of Tuesday: WD 2, overdue
        ("2026-03-31", nil, "2026-03-31", "excluded"),            // contact on as_of
        ("2026-03-28", nil, "2026-03-30", "excluded"),            // Saturday contact, as_of Monday
        ("2026-03-02", "2026-04-20", "2026-03-31", "notMet"),     // decision after as_of: used as recorded
        ("2026-03-30", "2026-03-31", "2026-03-31", "met"),
    ]

    @Test(arguments: decisions)
    func contactDecision(_ contact: String, _ decision: String?, _ asOf: String, _ expected: String) throws {
        let tally = try headline("contact_decision_1wd", asOf: asOf, [
            Contact(id: "c", childID: "A", contactDate: d(contact), decisionDate: decision.map(d)),
        ])
        #expect(Self.outcome(tally) == expected)
    }

    static let marf: [(String, String?, String, String)] = [
        ("2026-03-02", "2026-03-02", "2026-03-31", "met"),        // same day
        ("2026-03-02", "2026-03-09", "2026-03-31", "met"),        // 5
        ("2026-03-02", "2026-03-10", "2026-03-31", "notMet"),     // 6
        ("2026-03-06", "2026-03-14", "2026-03-31", "met"),        // Friday → next Saturday: 5
        ("2026-03-06", "2026-03-16", "2026-03-31", "notMet"),     // Friday → Monday week: 6
        ("2026-04-01", "2026-04-10", "2026-04-30", "met"),        // across Easter 2026: 5
        ("2026-04-01", "2026-04-13", "2026-04-30", "notMet"),
        ("2026-03-24", nil, "2026-03-31", "excluded"),            // WD(24, 31) = 5: still in time
        ("2026-03-23", nil, "2026-03-31", "notMet"),              // WD 6
        ("2026-03-05", "2026-03-04", "2026-03-31", "excluded"),   // received before requested
    ]

    @Test(arguments: marf)
    func marfFollowUp(_ requested: String, _ received: String?, _ asOf: String, _ expected: String) throws {
        let tally = try headline("marf_follow_up_5wd", asOf: asOf, [
            Contact(id: "c", childID: "A", contactDate: d("2025-12-01"), marfRequestedDate: d(requested),
                    marfReceivedDate: received.map(d)),
        ])
        // The contact date (2025-12-01) plays no part: the population is by marf_requested_date.
        #expect(Self.outcome(tally) == expected)
    }

    @Test func marfPopulationIsByRequestDate() throws {
        let tally = try headline("marf_follow_up_5wd", asOf: "2026-03-31", [
            Contact(id: "in", childID: "A", contactDate: d("2025-03-01"), marfRequestedDate: d("2025-04-01"),
                    marfReceivedDate: d("2025-04-02")),
            Contact(id: "out", childID: "A", contactDate: d("2025-04-01"), marfRequestedDate: d("2025-03-31"),
                    marfReceivedDate: d("2025-04-02")),
            Contact(id: "none", childID: "A", contactDate: d("2025-04-01")),
        ])
        #expect(tally == Tally(numerator: 1, denominator: 1))
    }

    static let police: [(String, String?, Bool, String)] = [
        ("2026-03-02", "2026-03-02", true, "met"),       // same day
        ("2026-03-02", "2026-03-01", true, "met"),       // 1 calendar day
        ("2026-03-02", "2026-02-28", true, "notMet"),    // 2 calendar days (a weekend does not matter)
        ("2026-03-02", "2026-03-03", true, "excluded"),  // incident after contact
        ("2026-03-02", nil, true, "none"),               // no incident date: not in the population
        ("2026-03-02", "2026-03-01", false, "none"),     // not a police source
        ("2024-03-01", "2024-02-29", true, "met"),       // leap day
    ]

    @Test(arguments: police)
    func policeNotification(_ contact: String, _ incident: String?, _ isPolice: Bool, _ expected: String) throws {
        let asOf = contact.hasPrefix("2024") ? "2024-03-31" : "2026-03-31"
        let tally = try headline("police_notification_timely", asOf: asOf, [
            Contact(id: "c", childID: "A", contactDate: d(contact), source: isPolice ? "Police" : "School",
                    isPolice: isPolice, policeIncidentDate: incident.map(d)),
        ])
        #expect(Self.outcome(tally) == expected)
    }

    @Test func outcomeRatesAreByDecisionDate() throws {
        let contacts = [
            Contact(id: "1", childID: "A", contactDate: d("2025-03-28"), decisionDate: d("2025-04-01"), outcome: .referral),
            Contact(id: "2", childID: "A", contactDate: d("2026-03-30"), decisionDate: d("2026-04-01"), outcome: .referral),
            Contact(id: "3", childID: "A", contactDate: d("2026-03-02"), decisionDate: d("2026-03-02"), outcome: .openCase),
            Contact(id: "4", childID: "A", contactDate: d("2026-03-02"), decisionDate: d("2026-03-02"), outcome: .earlyHelp),
        ]
        #expect(try headline("contact_to_referral", asOf: "2026-03-31", contacts) == Tally(numerator: 1, denominator: 3))
        #expect(try headline("contact_to_early_help", asOf: "2026-03-31", contacts) == Tally(numerator: 1, denominator: 3))
    }

    /// re_referrals_12m: add_months(r, −12) ≤ r′ < r, history before the window counts.
    static let reReferrals: [(String, String, String)] = [
        ("2026-01-15", "2025-01-15", "met"),      // exactly 12 months earlier: included
        ("2026-01-15", "2025-01-14", "notMet"),   // a day more than 12 months
        ("2026-01-15", "2026-01-14", "met"),
        ("2026-01-15", "2026-01-15", "notMet"),   // same day is not earlier
        ("2026-01-15", "2026-01-16", "notMet"),   // later referral
        ("2025-02-28", "2024-02-28", "met"),      // add_months(2025-02-28, −12) = 2024-02-28
        ("2025-02-28", "2024-02-27", "notMet"),
        ("2024-02-29", "2023-02-28", "met"),      // add_months(2024-02-29, −12) = 2023-02-28
        ("2024-02-29", "2023-02-27", "notMet"),
        ("2026-03-31", "2025-03-31", "met"),
        ("2026-03-31", "2025-03-30", "notMet"),
    ]

    @Test(arguments: reReferrals)
    func reReferral(_ r: String, _ earlier: String, _ expected: String) throws {
        let asOf = r.hasPrefix("2024") ? "2024-03-31" : (r.hasPrefix("2025") ? "2025-03-31" : "2026-03-31")
        let kpi = try #require(KPICatalogue.definition("re_referrals_12m"))
        let cases = LinkedCases(contacts: [
            Contact(id: "now", childID: "A", contactDate: d(r), decisionDate: d(r), outcome: .referral),
            Contact(id: "then", childID: "A", contactDate: d("2020-01-01"), decisionDate: d("2020-01-01"),
                    outcome: .referral, referralDate: d(earlier), team: "elsewhere"),
            Contact(id: "other-child", childID: "B", contactDate: d("2015-06-01"), decisionDate: d("2015-06-01"),
                    outcome: .referral),
        ], enquiries: [], conferences: [], audits: [])
        let result = try KPIEngine().compute(kpi, cases, context: TestCalendar.context(asOf: asOf))
        // Only "now" is asserted (it alone has no team); "then" may itself be in the window.
        let now = try #require(result.byTeam.first { $0.team == "(not recorded)" })
        #expect(FrontDoorKPITests.outcome(now.tally) == expected)
    }

    @Test func undatedReferralsAreNotReferralsAndNotHistory() throws {
        let contacts = [
            Contact(id: "1", childID: "A", contactDate: d("2026-03-02"), outcome: .referral),
            Contact(id: "2", childID: "A", contactDate: d("2026-03-03"), decisionDate: d("2026-03-03"), outcome: .referral),
        ]
        #expect(try headline("referrals", asOf: "2026-03-31", contacts) == Tally(count: 1))
        #expect(try headline("re_referrals_12m", asOf: "2026-03-31", contacts) == Tally(numerator: 0, denominator: 1))
    }

    static func outcome(_ tally: Tally) -> String {
        switch (tally.numerator, tally.denominator, tally.excluded) {
        case (1, 1, 0): return "met"
        case (0, 1, 0): return "notMet"
        case (0, 0, 1): return "excluded"
        case (0, 0, 0): return "none"
        default: return "unexpected \(tally)"
        }
    }
}
