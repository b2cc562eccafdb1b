extension KPICatalogue {
    /// conferences.csv, joined to s47_enquiries.csv by s47_id.
    static let conferences: [KPIDefinition] = [
        KPIDefinition(
            id: "icpcs", title: "Initial child protection conferences", area: .conferences, kind: .count,
            polarity: .neutral,
            definition: "Initial conferences with conference_date in the period.",
            examples: [
                KPIExample("initial only", asOf: "2026-03-31", conferences: [
                    ChildProtectionConference(id: "i1", childID: "A", type: .initial, date: d("2026-03-02")),
                    ChildProtectionConference(id: "i2", childID: "B", type: .initial, date: d("2025-06-02")),
                    ChildProtectionConference(id: "r1", childID: "A", type: .review, date: d("2026-03-03")),
                    ChildProtectionConference(id: "t1", childID: "C", type: .transferIn, date: d("2026-03-03")),
                ], expect: .total(2)),
            ]
        ) { cases, _, acc throws(CalendarError) in
            try acc.add(cases.conferences, teams: cases.conferenceTeams, anchor: { $0.type == .initial ? $0.date : nil }) { _ in .counted }
        },

        KPIDefinition(
            id: "icpc_within_15wd", title: "ICPCs within 15 working days of the strategy discussion",
            area: .conferences, kind: .rate, polarity: .higherIsBetter,
            definition: "Population: initial conferences with conference_date in the period. Excluded: s47_id blank "
                + "or not found, or conference_date before that enquiry's strategy_date. "
                + "Numerator: WD(strategy_date, conference_date) ≤ 15.",
            target: OneDecimal(90), benchmark: Benchmark(label: england2425, value: OneDecimal(81.4)),
            examples: [
                KPIExample("15 and 16 working days, Christmas, missing and impossible links", asOf: "2026-03-31",
                           enquiries: [
                    Section47Enquiry(id: "s1", childID: "A", strategyDate: d("2026-03-02")),
                    Section47Enquiry(id: "s2", childID: "B", strategyDate: d("2026-03-02")),
                    Section47Enquiry(id: "s3", childID: "C", strategyDate: d("2025-12-10")),
                    Section47Enquiry(id: "s5", childID: "E", strategyDate: d("2026-03-10")),
                ], conferences: [
                    ChildProtectionConference(id: "i1", childID: "A", type: .initial, date: d("2026-03-23"), s47ID: "s1"),
                    ChildProtectionConference(id: "i2", childID: "B", type: .initial, date: d("2026-03-24"), s47ID: "s2"),
                    ChildProtectionConference(id: "i3", childID: "C", type: .initial, date: d("2026-01-02"), s47ID: "s3"),
                    ChildProtectionConference(id: "i4", childID: "D", type: .initial, date: d("2026-03-02")),
                    ChildProtectionConference(id: "i5", childID: "D", type: .initial, date: d("2026-03-02"), s47ID: "nope"),
                    ChildProtectionConference(id: "i6", childID: "E", type: .initial, date: d("2026-03-09"), s47ID: "s5"),
                    ChildProtectionConference(id: "t1", childID: "F", type: .transferIn, date: d("2026-03-09"), s47ID: "s1"),
                ], expect: .fraction(2, 3, excluded: 3)),
            ]
        ) { cases, ctx, acc throws(CalendarError) in
            try acc.add(cases.conferences, teams: cases.conferenceTeams, anchor: { $0.type == .initial ? $0.date : nil }) {
                c throws(CalendarError) in
                guard let enquiry = cases.enquiry(for: c), c.date >= enquiry.strategyDate else { return .excluded }
                return try ctx.within(Timescales.initialConference, from: enquiry.strategyDate, to: c.date) ? .met : .notMet
            }
        },

        KPIDefinition(
            id: "icpc_to_plan", title: "ICPCs resulting in a plan", area: .conferences, kind: .rate,
            polarity: .neutral,
            definition: "Population: initial conferences with conference_date in the period. Excluded: outcome "
                + "blank. Numerator: outcome = plan.",
            benchmark: Benchmark(label: england2425 + ", approx.", value: OneDecimal(85.8)),
            examples: [
                KPIExample("plan, no plan, blank; reviews are not initial", asOf: "2026-03-31", conferences: [
                    ChildProtectionConference(id: "i1", childID: "A", type: .initial, date: d("2026-03-02"), outcome: .plan),
                    ChildProtectionConference(id: "i2", childID: "B", type: .initial, date: d("2026-03-02"), outcome: .noPlan),
                    ChildProtectionConference(id: "i3", childID: "C", type: .initial, date: d("2026-03-02")),
                    ChildProtectionConference(id: "i4", childID: "D", type: .initial, date: d("2026-03-02"), outcome: .plan),
                    ChildProtectionConference(id: "r1", childID: "A", type: .review, date: d("2026-03-20"), outcome: .plan),
                ], expect: .fraction(2, 3, excluded: 1)),
            ]
        ) { cases, _, acc throws(CalendarError) in
            try acc.add(cases.conferences, teams: cases.conferenceTeams, anchor: { $0.type == .initial ? $0.date : nil }) { c in
                guard let outcome = c.outcome else { return .excluded }
                return outcome == .plan ? .met : .notMet
            }
        },

        KPIDefinition(
            id: "plans_second_or_subsequent", title: "Plans that are a second or subsequent plan",
            area: .conferences, kind: .rate, polarity: .lowerIsBetter,
            definition: "Population: initial or transfer-in conferences with conference_date in the period and "
                + "outcome plan. Numerator: the same child has an earlier (strictly earlier date) initial or "
                + "transfer-in conference with outcome plan.",
            target: OneDecimal(20),
            examples: [
                KPIExample("an earlier plan before the window, same-day plans, an earlier conference without a plan",
                           asOf: "2026-03-31", conferences: [
                    ChildProtectionConference(id: "x1", childID: "X", type: .initial, date: d("2024-05-01"), outcome: .plan),
                    ChildProtectionConference(id: "x2", childID: "X", type: .initial, date: d("2026-01-10"), outcome: .plan),
                    ChildProtectionConference(id: "y1", childID: "Y", type: .transferIn, date: d("2026-02-01"), outcome: .plan),
                    ChildProtectionConference(id: "z1", childID: "Z", type: .initial, date: d("2026-02-01"), outcome: .plan),
                    ChildProtectionConference(id: "z2", childID: "Z", type: .initial, date: d("2026-02-01"), outcome: .plan),
                    ChildProtectionConference(id: "w1", childID: "W", type: .initial, date: d("2025-06-01"), outcome: .noPlan),
                    ChildProtectionConference(id: "w2", childID: "W", type: .initial, date: d("2026-01-01"), outcome: .plan),
                ], expect: .fraction(1, 5)),
            ]
        ) { cases, _, acc throws(CalendarError) in
            try acc.add(cases.conferences, teams: cases.conferenceTeams, anchor: { $0.madePlan ? $0.date : nil }) { c in
                cases.hadPlan(ofChild: c.childID, before: c.date) ? .met : .notMet
            }
        },

        KPIDefinition(
            id: "rcpc_on_time", title: "Review conferences on time", area: .conferences, kind: .rate,
            polarity: .higherIsBetter,
            definition: "Population: review conferences with conference_date in the period. The predecessor P of "
                + "review R is the child's conference with the latest date before R's (same-date conferences are not "
                + "candidates; ties on that date: the greatest conference_id). P is valid when it is initial or "
                + "transfer-in with outcome plan, or a review whose outcome is neither end nor no_plan. Excluded: "
                + "no valid predecessor. Numerator: R on or before the due date, add_months(P, 3) after an initial "
                + "or transfer-in conference and add_months(P, 6) after a review.",
            target: OneDecimal(95),
            examples: [
                KPIExample("due dates, month-end clamping, chains, ended plans, same-day and tied predecessors",
                           asOf: "2026-03-31", conferences: [
                    ChildProtectionConference(id: "a1", childID: "A", type: .initial, date: d("2025-12-01"), outcome: .plan),
                    ChildProtectionConference(id: "a2", childID: "A", type: .review, date: d("2026-03-01"), outcome: .continue),
                    ChildProtectionConference(id: "b1", childID: "B", type: .initial, date: d("2025-11-30"), outcome: .plan),
                    ChildProtectionConference(id: "b2", childID: "B", type: .review, date: d("2026-03-02")),
                    ChildProtectionConference(id: "c1", childID: "C", type: .initial, date: d("2025-04-10"), outcome: .plan),
                    ChildProtectionConference(id: "c2", childID: "C", type: .review, date: d("2025-07-10")),
                    ChildProtectionConference(id: "c3", childID: "C", type: .review, date: d("2026-01-10"), outcome: .continue),
                    ChildProtectionConference(id: "d1", childID: "D", type: .review, date: d("2025-11-01"), outcome: .end),
                    ChildProtectionConference(id: "d2", childID: "D", type: .review, date: d("2026-02-01")),
                    ChildProtectionConference(id: "f1", childID: "F", type: .initial, date: d("2026-01-05"), outcome: .plan),
                    ChildProtectionConference(id: "f2", childID: "F", type: .review, date: d("2026-01-05")),
                    ChildProtectionConference(id: "g-a", childID: "G", type: .initial, date: d("2025-12-01"), outcome: .plan),
                    ChildProtectionConference(id: "g-b", childID: "G", type: .initial, date: d("2025-12-01"), outcome: .noPlan),
                    ChildProtectionConference(id: "g-c", childID: "G", type: .review, date: d("2026-03-01")),
                ], expect: .fraction(3, 4, excluded: 4)),
            ]
        ) { cases, _, acc throws(CalendarError) in
            try acc.add(cases.conferences, teams: cases.conferenceTeams, anchor: { $0.type == .review ? $0.date : nil }) { r in
                guard let p = cases.latestConference(ofChild: r.childID, before: r.date), p.leavesPlanOpen else {
                    return .excluded
                }
                return r.date <= p.nextReviewDue ? .met : .notMet
            }
        },

        KPIDefinition(
            id: "conference_parent_participation", title: "Conferences with parents participating",
            area: .conferences, kind: .rate, polarity: .higherIsBetter,
            definition: "Population: conferences of any type with conference_date in the period. Excluded: "
                + "parents_participated not recorded. Numerator: parents_participated = yes.",
            target: OneDecimal(90),
            examples: [
                KPIExample("every conference type counts", asOf: "2026-03-31", conferences: [
                    ChildProtectionConference(id: "i1", childID: "A", type: .initial, date: d("2026-03-02"), parentsParticipated: true),
                    ChildProtectionConference(id: "i2", childID: "B", type: .initial, date: d("2026-03-02"), parentsParticipated: false),
                    ChildProtectionConference(id: "i3", childID: "C", type: .initial, date: d("2026-03-02")),
                    ChildProtectionConference(id: "r1", childID: "A", type: .review, date: d("2026-03-20"), parentsParticipated: true),
                ], expect: .fraction(2, 3, excluded: 1)),
            ]
        ) { cases, _, acc throws(CalendarError) in
            try acc.add(cases.conferences, teams: cases.conferenceTeams, anchor: { $0.date }) { c in
                guard let yes = c.parentsParticipated else { return .excluded }
                return yes ? .met : .notMet
            }
        },
    ]
}
