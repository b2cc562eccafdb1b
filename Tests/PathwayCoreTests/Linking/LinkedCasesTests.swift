import Testing
@testable import PathwayCore
import PathwayTestSupport

/// The link stage (SPEC §4 joins): conference chains with the rcpc_on_time tie rule, referral history,
/// earlier plans, and the S47 enquiry an initial conference followed.
@Suite struct LinkedCasesTests {
    private func conference(_ id: String, _ child: String, _ type: ConferenceType, _ date: String,
                            outcome: ConferenceOutcome? = nil, s47: String? = nil) -> ChildProtectionConference {
        ChildProtectionConference(id: id, childID: child, type: type, date: d(date), s47ID: s47, outcome: outcome)
    }

    private func linked(contacts: [Contact] = [], enquiries: [Section47Enquiry] = [],
                        conferences: [ChildProtectionConference] = []) -> LinkedCases {
        LinkedCases(contacts: contacts, enquiries: enquiries, conferences: conferences, audits: [])
    }

    @Test func latestConferenceStrictlyBefore() {
        let cases = linked(conferences: [
            conference("k3", "A", .review, "2026-03-01"),
            conference("k1", "A", .initial, "2025-12-01", outcome: .plan),
            conference("k2", "A", .review, "2026-01-15"),
            conference("x1", "B", .initial, "2026-02-01", outcome: .plan),
        ])
        #expect(cases.latestConference(ofChild: "A", before: d("2026-03-01"))?.id == "k2")
        #expect(cases.latestConference(ofChild: "A", before: d("2026-03-02"))?.id == "k3")
        #expect(cases.latestConference(ofChild: "A", before: d("2026-01-15"))?.id == "k1")
        #expect(cases.latestConference(ofChild: "A", before: d("2025-12-01")) == nil)   // same date is not a candidate
        #expect(cases.latestConference(ofChild: "A", onOrBefore: d("2025-12-01"))?.id == "k1")
        #expect(cases.latestConference(ofChild: "C", before: d("2030-01-01")) == nil)
        #expect(cases.latestConference(ofChild: "B", before: d("2030-01-01"))?.id == "x1")
    }

    /// Ties on the latest date go to the greatest conference_id by code-point comparison (not numeric,
    /// not case-insensitive, not locale order), whatever the input order.
    @Test(arguments: [
        (["k9", "k10"], "k9"),                  // "k9" > "k10" by code point
        (["K1", "k1"], "k1"),                   // 'k' U+006B > 'K' U+004B
        (["b", "a", "c"], "c"),
        (["z", "é"], "é"),                      // U+00E9 > 'z'
        (["abc", "ab"], "abc"),                 // a longer id with the same start is greater
        (["conf-2", "conf_2", "conf2"], "conf_2"), // '_' U+005F > '2' U+0032 > '-' U+002D
        (["e\u{0301}", "\u{00E9}"], "\u{00E9}"), // decomposed vs precomposed: code points differ
    ])
    func tieOnLatestDate(_ ids: [String], _ expected: String) throws {
        for order in [ids, ids.reversed()] {
            let conferences = order.map { conference($0, "A", .initial, "2025-12-01", outcome: .plan) }
                + [conference("early", "A", .initial, "2025-06-01")]
            let cases = linked(conferences: conferences)
            let latest = try #require(cases.latestConference(ofChild: "A", before: d("2026-03-01")))
            #expect(latest.id.unicodeScalars.elementsEqual(expected.unicodeScalars), "\(order) → \(latest.id)")
        }
    }

    private func referral(_ id: String, _ child: String, decision: String? = nil, referral: String? = nil,
                          outcome: ContactOutcome = .referral) -> Contact {
        Contact(id: id, childID: child, contactDate: d("2024-01-01"), decisionDate: decision.map(d),
                outcome: outcome, referralDate: referral.map(d))
    }

    @Test func previousReferralDay() {
        let contacts = [
            referral("0", "A", decision: "2025-03-10"),
            referral("1", "A", decision: "2025-01-01", referral: "2025-06-01"),    // referral_date wins
            referral("2", "A", decision: "2025-09-01", outcome: .earlyHelp),       // not a referral
            referral("3", "A"),                                                    // undated
            referral("4", "B", decision: "2025-03-10"),                            // B's first
            referral("5", "A", referral: "2025-06-01"),                            // same day as 1
            referral("6", "A", decision: "2025-03-10"),                            // same day as A's first
            referral("7", "A", decision: "2025-12-01"),
            referral("8", "a", decision: "2025-12-02"),                            // another child (case)
        ]
        let cases = linked(contacts: contacts)
        // The dated referrals, in file order: contacts 2 and 3 are not.
        #expect(cases.referrals.map(\.childID) == ["A", "A", "B", "A", "A", "A", "a"])
        #expect(cases.referrals.map(\.day) == ["2025-03-10", "2025-06-01", "2025-03-10", "2025-06-01", "2025-03-10",
                                               "2025-12-01", "2025-12-02"].map(d))
        let expected: [String?] = [nil, "2025-03-10", nil, "2025-03-10", nil, "2025-06-01", nil]
        for index in expected.indices {
            #expect(cases.previousReferralDay(ofReferral: index) == expected[index].map(d), "referral \(index)")
        }
    }

    /// Against the definition, for random histories: the latest referral day r′ of the same child with
    /// r′ < r, for every dated referral r (the other contacts are not among the referrals).
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func previousReferralDayMatchesTheDefinition(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let outcomes: [ContactOutcome] = [.referral, .referral, .earlyHelp, .nfa, .other]
        let contacts = (0..<400).map { index in
            let day = { "2025-0\(1 + random.below(3))-1\(random.below(3))" }
            return referral("c\(index)", "child\(random.below(40))",
                            decision: random.chance(percent: 80) ? day() : nil,
                            referral: random.chance(percent: 50) ? day() : nil,
                            outcome: random.pick(outcomes))
        }
        let cases = linked(contacts: contacts)
        let referrals = contacts.filter { $0.referralDay != nil }
        #expect(cases.referrals.count == referrals.count)
        var checked = 0
        for (index, contact) in referrals.enumerated() {
            let r = contact.referralDay!
            #expect(cases.referrals[index] == ReferralFact(childID: contact.childID, day: r, teamName: contact.teamName))
            let expected = contacts.filter { $0.childID == contact.childID }.compactMap(\.referralDay).filter { $0 < r }.max()
            #expect(cases.previousReferralDay(ofReferral: index) == expected, "seed \(seed), referral \(index)")
            if expected != nil { checked += 1 }
        }
        #expect(checked > 50, "the histories repeat children's referrals")
    }

    @Test func hadPlan() {
        let cases = linked(conferences: [
            conference("a1", "A", .initial, "2025-01-10", outcome: .noPlan),
            conference("a2", "A", .review, "2025-03-10", outcome: .plan),       // a review never makes a plan
            conference("a3", "A", .transferIn, "2025-06-10", outcome: .plan),
            conference("a4", "A", .initial, "2025-09-10", outcome: .plan),
            conference("b1", "B", .initial, "2025-05-01"),                      // blank outcome
        ])
        #expect(!cases.hadPlan(ofChild: "A", before: d("2025-06-10")))   // strictly earlier
        #expect(cases.hadPlan(ofChild: "A", before: d("2025-06-11")))
        #expect(cases.hadPlan(ofChild: "A", before: d("2030-01-01")))
        #expect(!cases.hadPlan(ofChild: "B", before: d("2030-01-01")))
        #expect(!cases.hadPlan(ofChild: "Z", before: d("2030-01-01")))
    }

    @Test func enquiryForConference() {
        let enquiries = [
            Section47Enquiry(id: "s1", childID: "A", strategyDate: d("2026-03-02")),
            Section47Enquiry(id: "S1", childID: "B", strategyDate: d("2026-03-03")),
        ]
        let cases = linked(enquiries: enquiries, conferences: [])
        #expect(cases.enquiry(for: conference("k", "A", .initial, "2026-03-09", s47: "s1")) == EnquiryFact(id: "s1", strategyDate: d("2026-03-02")))
        #expect(cases.enquiry(for: conference("k", "A", .initial, "2026-03-09", s47: "S1")) == EnquiryFact(id: "S1", strategyDate: d("2026-03-03")))  // exact
        #expect(cases.enquiry(for: conference("k", "A", .initial, "2026-03-09", s47: "s2")) == nil)
        #expect(cases.enquiry(for: conference("k", "A", .initial, "2026-03-09")) == nil)
    }

    /// Joins by id (s47_id, child_id) should compare exactly (SPEC §2); canonically equivalent but different
    /// ids ("\u{E9}" and "e\u{301}") are joined today because dictionary keys use String equality.
    @Test
    func joinsCompareIDsExactly() {
        let cases = linked(enquiries: [Section47Enquiry(id: "s\u{E9}", childID: "A", strategyDate: d("2026-03-02"))],
                           conferences: [conference("k1", "\u{E9}", .initial, "2025-12-01", outcome: .plan)])
        #expect(cases.enquiry(for: conference("k", "A", .initial, "2026-03-09", s47: "se\u{301}")) == nil)
        #expect(!cases.hadPlan(ofChild: "e\u{301}", before: d("2026-01-01")))
        #expect(cases.latestConference(ofChild: "e\u{301}", before: d("2026-01-01")) == nil)
    }

    /// Every child with a conference on or before the day, once, with the conference
    /// `latestConference(ofChild:onOrBefore:)` gives (exactly compared ids stay apart).
    @Test func eachChildsLatestConference() {
        let cases = linked(conferences: [conference("1", "b", .initial, "2026-01-01"),
                                         conference("2", "B", .initial, "2026-01-01"),
                                         conference("3", "\u{E9}", .initial, "2026-01-01"),
                                         conference("4", "b", .review, "2026-02-01"),
                                         conference("5", "e\u{301}", .initial, "2026-02-02"),
                                         conference("6", "B", .review, "2026-02-02")])
        var seen: [String: String] = [:]
        cases.forEachLatestConference(onOrBefore: d("2026-02-01")) { seen[$0.childID + "/" + $0.id] = $0.id }
        #expect(seen.keys.sorted { CodePoint.less($0, $1) } == ["B/2", "b/4", "\u{E9}/3"])
    }

    /// The flat conference chains against a brute force over the same conferences, in several file
    /// orders: each child's latest conference before and on or before a day (ties on the date to the
    /// greatest id by code point), whether they had a plan before a day, and every child's latest
    /// conference exactly once. Ids and child ids include ones that differ only by case or by
    /// canonically equivalent spellings, which must stay apart.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func chainsMatchBruteForce(_ seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let children = ["a", "A", "b", "\u{E9}", "e\u{301}", "c10", "c9", "d"]
        let types: [ConferenceType] = [.initial, .transferIn, .review]
        let outcomes: [ConferenceOutcome?] = [nil, .plan, .noPlan, .end]
        let ids = (0..<120).map { "k\($0 % 7 == 0 ? "K" : "")\($0)" }
        var conferences = ids.map { id in
            conference(id, children.randomElement(using: &random)!, types.randomElement(using: &random)!,
                       d("2026-01-01").adding(days: Int.random(in: 0..<40, using: &random)).description,
                       outcome: outcomes.randomElement(using: &random)!)
        }
        conferences.shuffle(using: &random)
        let cases = linked(conferences: conferences)
        func bruteLatest(_ child: String, before day: Day) -> String? {
            conferences.filter { ExactText($0.childID) == ExactText(child) && $0.date < day }
                .max { $0.date != $1.date ? $0.date < $1.date : CodePoint.less($0.id, $1.id) }?.id
        }
        for child in children + ["z"] {
            for offset in stride(from: -1, through: 41, by: 3) {
                let day = d("2026-01-01").adding(days: offset)
                #expect(cases.latestConference(ofChild: child, before: day)?.id == bruteLatest(child, before: day))
                #expect(cases.latestConference(ofChild: child, onOrBefore: day)?.id
                        == bruteLatest(child, before: day.adding(days: 1)))
                let planned = conferences.contains {
                    ExactText($0.childID) == ExactText(child) && $0.madePlan && $0.date < day
                }
                #expect(cases.hadPlan(ofChild: child, before: day) == planned)
            }
        }
        let asOf = d("2026-01-20")
        var seen: [String] = []
        cases.forEachLatestConference(onOrBefore: asOf) { seen.append($0.childID + "/" + $0.id) }
        let expected = children.compactMap { child in
            bruteLatest(child, before: asOf.adding(days: 1)).map { child + "/" + $0 }
        }
        #expect(seen.sorted { CodePoint.less($0, $1) } == expected.sorted { CodePoint.less($0, $1) })
    }

    /// The valid-predecessor rule of rcpc_on_time and the next review due date.
    @Test(arguments: [
        (ConferenceType.initial, ConferenceOutcome?.some(.plan), true, "2026-03-31"),
        (.initial, .some(.noPlan), false, "2026-03-31"),
        (.initial, nil, false, "2026-03-31"),
        (.transferIn, .some(.plan), true, "2026-03-31"),
        (.transferIn, .some(.continue), false, "2026-03-31"),
        (.review, nil, true, "2026-06-30"),
        (.review, .some(.continue), true, "2026-06-30"),
        (.review, .some(.plan), true, "2026-06-30"),
        (.review, .some(.end), false, "2026-06-30"),
        (.review, .some(.noPlan), false, "2026-06-30"),
    ])
    func validPredecessor(_ type: ConferenceType, _ outcome: ConferenceOutcome?, _ valid: Bool, _ due: String) {
        let p = conference("p", "A", type, "2025-12-31", outcome: outcome)
        #expect(p.leavesPlanOpen == valid)
        #expect(p.nextReviewDue == d(due))   // add_months(2025-12-31, 3 or 6), clamped
    }
}
