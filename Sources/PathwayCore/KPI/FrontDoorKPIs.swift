extension KPICatalogue {
    /// contacts.csv. Every one but re_referrals_12m counts each contact on its own fields (`eachContact`),
    /// so a run counts them as the contacts are decoded, a batch at a time (`ContactFold`);
    /// re_referrals_12m compares each child's referrals, which the link stage keeps (`ReferralFact`).
    static let frontDoor: [KPIDefinition] = [
        KPIDefinition(
            id: "contacts", title: "Contacts", area: .frontDoor, kind: .count, polarity: .neutral,
            definition: "Contacts with contact_date in the period.",
            examples: [
                KPIExample("only contacts dated inside the window count", asOf: "2026-03-31", contacts: [
                    Contact(id: "c1", childID: "A", contactDate: d("2026-03-02")),
                    Contact(id: "c2", childID: "B", contactDate: d("2025-04-01")),
                    Contact(id: "c3", childID: "C", contactDate: d("2025-03-31")),
                    Contact(id: "c4", childID: "D", contactDate: d("2026-04-01")),
                ], expect: .total(2)),
            ],
            eachContact: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.contactDate }) { _ in .counted }
            }),

        KPIDefinition(
            id: "contact_decision_1wd", title: "Contact decisions within 1 working day", area: .frontDoor,
            kind: .rate, polarity: .higherIsBetter,
            definition: "Population: contacts with contact_date in the period. Excluded: no decision_date and "
                + "at most 1 working day elapsed by as_of, or decision_date before contact_date. "
                + "Numerator: decision within 1 working day of the contact (WD(contact_date, decision_date) ≤ 1).",
            target: OneDecimal(95),
            examples: [
                KPIExample("weekends, Christmas, pending and impossible decisions", asOf: "2026-03-31", contacts: [
                    Contact(id: "fri-mon", childID: "A", contactDate: d("2026-03-06"), decisionDate: d("2026-03-09")),
                    Contact(id: "two-days", childID: "B", contactDate: d("2026-03-02"), decisionDate: d("2026-03-04")),
                    Contact(id: "christmas", childID: "C", contactDate: d("2025-12-24"), decisionDate: d("2025-12-29")),
                    Contact(id: "pending-1wd", childID: "D", contactDate: d("2026-03-30")),
                    Contact(id: "pending-late", childID: "E", contactDate: d("2026-03-26")),
                    Contact(id: "before", childID: "F", contactDate: d("2026-03-10"), decisionDate: d("2026-03-09")),
                ], expect: .fraction(2, 4, excluded: 2)),
            ],
            eachContact: { batch, ctx, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.contactDate }) { c throws(CalendarError) in
                    guard let decision = c.decisionDate else {
                        return try ctx.within(Timescales.contactDecision, from: c.contactDate, to: ctx.asOf) ? .excluded : .notMet
                    }
                    if decision < c.contactDate { return .excluded }
                    return try ctx.within(Timescales.contactDecision, from: c.contactDate, to: decision) ? .met : .notMet
                }
            }),

        KPIDefinition(
            id: "contacts_marf", title: "Contacts arriving as a written MARF", area: .frontDoor,
            kind: .rate, polarity: .higherIsBetter,
            definition: "Population: contacts with contact_date in the period. Excluded: marf not recorded. "
                + "Numerator: marf = yes.",
            target: OneDecimal(90),
            examples: [
                KPIExample("yes, no and not recorded", asOf: "2026-03-31", contacts: [
                    Contact(id: "y", childID: "A", contactDate: d("2026-03-02"), marf: true),
                    Contact(id: "n", childID: "B", contactDate: d("2026-03-02"), marf: false),
                    Contact(id: "blank", childID: "C", contactDate: d("2026-03-02")),
                ], expect: .fraction(1, 2, excluded: 1)),
            ],
            eachContact: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.contactDate }) { c in
                    guard let marf = c.marf else { return .excluded }
                    return marf ? .met : .notMet
                }
            }),

        KPIDefinition(
            id: "marf_follow_up_5wd", title: "Requested MARFs received within 5 working days", area: .frontDoor,
            kind: .rate, polarity: .higherIsBetter,
            definition: "Population: contacts with marf_requested_date in the period. Excluded: no "
                + "marf_received_date and at most 5 working days elapsed by as_of, or received before requested. "
                + "Numerator: WD(marf_requested_date, marf_received_date) ≤ 5.",
            target: OneDecimal(90),
            examples: [
                KPIExample("five working days exactly, Easter, pending and outstanding", asOf: "2026-03-31", contacts: [
                    Contact(id: "5wd", childID: "A", contactDate: d("2026-03-02"),
                            marfRequestedDate: d("2026-03-02"), marfReceivedDate: d("2026-03-09")),
                    Contact(id: "6wd", childID: "B", contactDate: d("2026-03-02"),
                            marfRequestedDate: d("2026-03-02"), marfReceivedDate: d("2026-03-10")),
                    Contact(id: "pending", childID: "C", contactDate: d("2026-03-27"), marfRequestedDate: d("2026-03-27")),
                    Contact(id: "outstanding", childID: "D", contactDate: d("2026-03-02"), marfRequestedDate: d("2026-03-02")),
                    Contact(id: "before", childID: "E", contactDate: d("2026-03-05"),
                            marfRequestedDate: d("2026-03-05"), marfReceivedDate: d("2026-03-04")),
                    Contact(id: "future", childID: "F", contactDate: d("2026-03-31"), marfRequestedDate: d("2026-04-02")),
                    Contact(id: "easter", childID: "G", contactDate: d("2025-04-17"),
                            marfRequestedDate: d("2025-04-17"), marfReceivedDate: d("2025-04-25")),
                ], expect: .fraction(2, 4, excluded: 2)),
            ],
            eachContact: { batch, ctx, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.marfRequestedDate }) { c throws(CalendarError) in
                    let requested = c.marfRequestedDate!
                    guard let received = c.marfReceivedDate else {
                        return try ctx.within(Timescales.marfFollowUp, from: requested, to: ctx.asOf) ? .excluded : .notMet
                    }
                    if received < requested { return .excluded }
                    return try ctx.within(Timescales.marfFollowUp, from: requested, to: received) ? .met : .notMet
                }
            }),

        KPIDefinition(
            id: "police_notification_timely", title: "Police notifications within 1 day of the incident",
            area: .frontDoor, kind: .rate, polarity: .higherIsBetter,
            definition: "Population: police-source contacts with contact_date in the period and a "
                + "police_incident_date. Excluded: police_incident_date after contact_date. "
                + "Numerator: contact_date − police_incident_date ≤ 1 calendar day.",
            target: OneDecimal(90),
            examples: [
                KPIExample("next day, three days, incident after contact, not police, no incident date",
                           asOf: "2026-03-31", contacts: [
                    Contact(id: "next-day", childID: "A", contactDate: d("2026-03-02"), isPolice: true,
                            policeIncidentDate: d("2026-03-01")),
                    Contact(id: "late", childID: "B", contactDate: d("2026-03-02"), isPolice: true,
                            policeIncidentDate: d("2026-02-27")),
                    Contact(id: "after", childID: "C", contactDate: d("2026-03-02"), isPolice: true,
                            policeIncidentDate: d("2026-03-03")),
                    Contact(id: "school", childID: "D", contactDate: d("2026-03-02"), policeIncidentDate: d("2026-02-01")),
                    Contact(id: "no-incident", childID: "E", contactDate: d("2026-03-02"), isPolice: true),
                ], expect: .fraction(1, 2, excluded: 1)),
            ],
            eachContact: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.contactDate }) { c in
                    guard c.isPolice, let incident = c.policeIncidentDate else { return nil }
                    if incident > c.contactDate { return .excluded }
                    return incident.days(to: c.contactDate) <= Timescales.policeNotification.count ? .met : .notMet
                }
            }),

        decisionOutcomeRate(
            id: "contact_to_referral", title: "Contacts leading to a referral", outcome: .referral,
            example: .fraction(1, 3, excluded: 1)),
        decisionOutcomeRate(
            id: "contact_to_early_help", title: "Contacts leading to early help", outcome: .earlyHelp,
            example: .fraction(1, 3, excluded: 1)),

        KPIDefinition(
            id: "referrals", title: "Referrals", area: .frontDoor, kind: .count, polarity: .neutral,
            definition: "Contacts with outcome referral whose referral date (referral_date, else decision_date) "
                + "is in the period. A referral with neither date is not a dated referral (a warning says so).",
            examples: [
                KPIExample("referral date, else decision date", asOf: "2026-03-31", contacts: [
                    Contact(id: "dated", childID: "A", contactDate: d("2026-02-27"), decisionDate: d("2026-02-27"),
                            outcome: .referral, referralDate: d("2026-03-01")),
                    Contact(id: "decision", childID: "B", contactDate: d("2026-01-05"), decisionDate: d("2026-01-05"),
                            outcome: .referral),
                    Contact(id: "old", childID: "C", contactDate: d("2025-03-20"), decisionDate: d("2025-03-20"),
                            outcome: .referral),
                    Contact(id: "undated", childID: "D", contactDate: d("2026-03-02"), outcome: .referral),
                    Contact(id: "early-help", childID: "E", contactDate: d("2026-03-02"), decisionDate: d("2026-03-02"),
                            outcome: .earlyHelp),
                ], expect: .total(2)),
            ],
            eachContact: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchorAt: Contact.referralDay(at:)) { _ in .counted }
            }),

        KPIDefinition(
            id: "re_referrals_12m", title: "Re-referrals within 12 months", area: .frontDoor,
            kind: .rate, polarity: .lowerIsBetter,
            definition: "Population: referrals with referral date r in the period. Numerator: the same child has "
                + "another referral dated r′ with add_months(r, −12) ≤ r′ < r (history before the window counts).",
            target: OneDecimal(20), benchmark: Benchmark(label: england2425, value: OneDecimal(22.6)),
            examples: [
                KPIExample("history before the window, 12 months exactly, same-day referrals", asOf: "2026-03-31", contacts: [
                    Contact(id: "a1", childID: "A", contactDate: d("2025-02-10"), decisionDate: d("2025-02-10"), outcome: .referral),
                    Contact(id: "a2", childID: "A", contactDate: d("2026-01-15"), decisionDate: d("2026-01-15"), outcome: .referral),
                    Contact(id: "b1", childID: "B", contactDate: d("2026-02-01"), decisionDate: d("2026-02-01"), outcome: .referral),
                    Contact(id: "c1", childID: "C", contactDate: d("2025-01-10"), decisionDate: d("2025-01-10"), outcome: .referral),
                    Contact(id: "c2", childID: "C", contactDate: d("2026-01-15"), decisionDate: d("2026-01-15"), outcome: .referral),
                    Contact(id: "d1", childID: "D", contactDate: d("2026-03-03"), decisionDate: d("2026-03-03"), outcome: .referral),
                    Contact(id: "d2", childID: "D", contactDate: d("2026-03-03"), decisionDate: d("2026-03-03"), outcome: .referral),
                ], expect: .fraction(1, 5)),
                KPIExample("add_months clamps: 29 Feb 2024 looks back to 28 Feb 2023", asOf: "2024-03-31", contacts: [
                    Contact(id: "e1", childID: "E", contactDate: d("2023-02-28"), decisionDate: d("2023-02-28"), outcome: .referral),
                    Contact(id: "e2", childID: "E", contactDate: d("2024-02-29"), decisionDate: d("2024-02-29"), outcome: .referral),
                ], expect: .fraction(1, 1)),
            ]
        ) { cases, _, acc throws(CalendarError) in
            // Each referral against the child's others: over the referrals the link stage kept
            // (`LinkedCases.referrals`, from the contacts' fold), not the contacts.
            try acc.add(cases.referrals, teams: cases.referralTeams, anchorAt: { $0.pointee.day }) { referral, index in
                // The child's latest referral before r is in the look-back exactly when any one is.
                guard let previous = cases.previousReferralDay(ofReferral: index) else { return .notMet }
                return previous >= referral.pointee.day.adding(-Timescales.reReferralLookBack) ? .met : .notMet
            }
        },
    ]

    /// contact_to_referral and contact_to_early_help: the same population, a different outcome.
    private static func decisionOutcomeRate(id: String, title: String, outcome: ContactOutcome,
                                            example: Tally) -> KPIDefinition {
        KPIDefinition(
            id: id, title: title, area: .frontDoor, kind: .rate, polarity: .neutral,
            definition: "Population: contacts with decision_date in the period. Excluded: outcome blank. "
                + "Numerator: outcome = \(outcome.rawValue).",
            examples: [
                KPIExample("one of each outcome, a blank outcome and an undecided contact", asOf: "2026-03-31", contacts: [
                    Contact(id: "r", childID: "A", contactDate: d("2026-03-02"), decisionDate: d("2026-03-02"), outcome: .referral),
                    Contact(id: "eh", childID: "B", contactDate: d("2026-03-03"), decisionDate: d("2026-03-03"), outcome: .earlyHelp),
                    Contact(id: "blank", childID: "C", contactDate: d("2026-03-03"), decisionDate: d("2026-03-03")),
                    Contact(id: "undecided", childID: "D", contactDate: d("2026-03-03"), outcome: .referral),
                    Contact(id: "other", childID: "E", contactDate: d("2026-03-04"), decisionDate: d("2026-03-04"), outcome: .other),
                ], expect: example),
            ],
            eachContact: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchorAt: { $0.pointee.decisionDate }) { c in
                    guard let recorded = c.pointee.outcome else { return .excluded }
                    return recorded == outcome ? .met : .notMet
                }
            })
    }
}
