import Testing
@testable import PathwayCore

/// Boundary cases of the S47 and conference KPIs, each read from SPEC §4.
@Suite struct ConferenceKPITests {
    private func headline(_ id: String, asOf: String = "2026-03-31", enquiries: [Section47Enquiry] = [],
                          conferences: [ChildProtectionConference]) throws -> Tally {
        let kpi = try #require(KPICatalogue.definition(id))
        return try KPIEngine().compute(kpi, LinkedCases(contacts: [], enquiries: enquiries, conferences: conferences,
                                                        audits: []),
                                       context: TestCalendar.context(asOf: asOf)).headline
    }

    private func k(_ id: String, _ child: String, _ type: ConferenceType, _ date: String,
                   _ outcome: ConferenceOutcome? = nil, s47: String? = nil) -> ChildProtectionConference {
        ChildProtectionConference(id: id, childID: child, type: type, date: d(date), s47ID: s47, outcome: outcome)
    }

    static let icpc: [(String, String, String)] = [
        ("2026-03-02", "2026-03-02", "met"),       // same day: WD 0
        ("2026-03-02", "2026-03-23", "met"),       // 15
        ("2026-03-02", "2026-03-24", "notMet"),    // 16
        ("2026-03-06", "2026-03-27", "met"),       // Friday + 15
        ("2026-03-07", "2026-03-27", "met"),       // Saturday strategy: WD(Sat, Fri 3 weeks later) = 15
        ("2026-03-07", "2026-03-30", "notMet"),    // 16
        ("2026-03-18", "2026-04-10", "met"),       // across Easter 2026: 15
        ("2026-03-18", "2026-04-13", "notMet"),
        ("2026-03-10", "2026-03-09", "excluded"),  // conference before strategy
    ]

    @Test(arguments: icpc)
    func icpcWithin15(_ strategy: String, _ conference: String, _ expected: String) throws {
        let tally = try headline("icpc_within_15wd", asOf: "2026-04-30",
                                 enquiries: [Section47Enquiry(id: "s", childID: "A", strategyDate: d(strategy))],
                                 conferences: [k("i", "A", .initial, conference, s47: "s")])
        #expect(FrontDoorKPITests.outcome(tally) == expected)
    }

    @Test func icpcPopulationIsInitialConferencesByConferenceDate() throws {
        let enquiries = [Section47Enquiry(id: "s", childID: "A", strategyDate: d("2025-03-20"))]
        let tally = try headline("icpc_within_15wd", enquiries: enquiries, conferences: [
            k("in", "A", .initial, "2025-04-01", s47: "s"),          // strategy before the window: still counts
            k("out", "A", .initial, "2025-03-31", s47: "s"),
            k("t", "A", .transferIn, "2025-04-02", s47: "s"),
            k("r", "A", .review, "2025-04-02", s47: "s"),
            k("case", "A", .initial, "2025-04-02", s47: "S"),        // ids are case-sensitive: not found
        ])
        #expect(tally == Tally(numerator: 1, denominator: 1, excluded: 1))
    }

    /// rcpc_on_time: (predecessor type, predecessor outcome, predecessor date, review date, expected).
    static let reviews: [(ConferenceType, ConferenceOutcome?, String, String, String)] = [
        (.initial, .plan, "2025-12-01", "2026-03-01", "met"),          // exactly 3 months
        (.initial, .plan, "2025-12-01", "2026-03-02", "notMet"),
        (.transferIn, .plan, "2025-11-30", "2026-02-28", "met"),       // clamped to 28 February
        (.transferIn, .plan, "2025-11-30", "2026-03-01", "notMet"),
        (.review, nil, "2025-08-31", "2026-02-28", "met"),             // 6 months, clamped
        (.review, .continue, "2025-08-31", "2026-03-01", "notMet"),
        (.review, .plan, "2025-09-15", "2026-03-15", "met"),
        (.initial, .plan, "2024-11-29", "2025-02-28", "none"),         // review before the window
        (.initial, .plan, "2024-12-31", "2025-04-01", "notMet"),       // predecessor before the window counts
        (.initial, .noPlan, "2025-12-01", "2026-01-05", "excluded"),
        (.initial, nil, "2025-12-01", "2026-01-05", "excluded"),
        (.transferIn, .end, "2025-12-01", "2026-01-05", "excluded"),
        (.review, .end, "2025-12-01", "2026-01-05", "excluded"),
        (.review, .noPlan, "2025-12-01", "2026-01-05", "excluded"),
    ]

    @Test(arguments: reviews)
    func reviewOnTime(_ type: ConferenceType, _ outcome: ConferenceOutcome?, _ previous: String, _ review: String,
                      _ expected: String) throws {
        let tally = try headline("rcpc_on_time", conferences: [
            k("p", "A", type, previous, outcome),
            k("r", "A", .review, review),
        ])
        // The predecessor itself may be a review in the window: then it has no predecessor and is excluded.
        var adjusted = tally
        if type == .review && ReportingPeriods(asOf: d("2026-03-31")).window.contains(d(previous)) {
            #expect(adjusted.excluded >= 1)
            adjusted.excluded -= 1
        }
        #expect(FrontDoorKPITests.outcome(adjusted) == expected)
    }

    @Test func reviewPredecessorIgnoresOtherChildrenAndLaterConferences() throws {
        let tally = try headline("rcpc_on_time", conferences: [
            k("a-old", "A", .initial, "2025-06-01", .plan),
            k("b-plan", "B", .initial, "2025-12-01", .plan),        // another child's conference
            k("a-review", "A", .review, "2026-01-10"),              // 7 months after a-old: late
            k("a-later", "A", .initial, "2026-03-01", .plan),       // after the review: not a candidate
        ])
        #expect(tally == Tally(numerator: 0, denominator: 1))
    }

    @Test func plansSecondOrSubsequent() throws {
        let tally = try headline("plans_second_or_subsequent", conferences: [
            k("a1", "A", .transferIn, "2018-02-01", .plan),       // history years before
            k("a2", "A", .initial, "2026-03-01", .plan),          // second plan
            k("b1", "B", .review, "2025-05-01", .plan),           // a review is not an earlier plan
            k("b2", "B", .initial, "2025-06-01", .plan),
            k("c1", "C", .initial, "2025-05-01", .noPlan),
            k("c2", "C", .initial, "2025-06-01", nil),
            k("c3", "C", .initial, "2025-07-01", .plan),
            k("d1", "D", .initial, "2025-06-01", .plan),          // first plan
            k("d2", "D", .transferIn, "2025-06-02", .plan),       // second, one day later
            k("e1", "E", .initial, "2026-04-01", .plan),          // after as_of: not in the window
        ])
        #expect(tally == Tally(numerator: 2, denominator: 5))
    }

    @Test func s47ToIcpcIsByEndDate() throws {
        let kpi = try #require(KPICatalogue.definition("s47_to_icpc"))
        let enquiries = [
            Section47Enquiry(id: "1", childID: "A", strategyDate: d("2025-03-01"), endDate: d("2025-04-01"), outcome: .icpc),
            Section47Enquiry(id: "2", childID: "A", strategyDate: d("2026-03-01"), endDate: d("2026-04-01"), outcome: .icpc),
            Section47Enquiry(id: "3", childID: "A", strategyDate: d("2026-03-01"), endDate: d("2026-03-05"), outcome: .nfa),
            Section47Enquiry(id: "4", childID: "A", strategyDate: d("2026-03-01"), outcome: .icpc),
        ]
        let result = try KPIEngine().compute(kpi, LinkedCases(contacts: [], enquiries: enquiries, conferences: [], audits: []),
                                             context: TestCalendar.context(asOf: "2026-03-31"))
        #expect(result.headline == Tally(numerator: 1, denominator: 2))
        let count = try #require(KPICatalogue.definition("s47_enquiries"))
        #expect(try KPIEngine().compute(count, LinkedCases(contacts: [], enquiries: enquiries, conferences: [], audits: []),
                                        context: TestCalendar.context(asOf: "2026-03-31")).headline == Tally(count: 3))
    }
}
