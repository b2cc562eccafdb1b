extension KPICatalogue {
    /// audits.csv
    static let qualityAssurance: [KPIDefinition] = [
        KPIDefinition(
            id: "audits", title: "Case audits", area: .qualityAssurance, kind: .count, polarity: .neutral,
            definition: "Audits with audit_date in the period.",
            examples: [
                KPIExample("inside and outside the window", asOf: "2026-03-31", audits: gradeMix + [
                    CaseAudit(id: "old", childID: "Z", date: d("2025-03-01"), grade: .good),
                ], expect: .total(6)),
            ],
            eachAudit: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.date }) { _ in .counted }
            }),

        KPIDefinition(
            id: "audits_good_or_better", title: "Audits graded good or better", area: .qualityAssurance,
            kind: .rate, polarity: .higherIsBetter,
            definition: "Population: audits with audit_date in the period. Final grade: moderated_grade when "
                + "recorded, else grade. Numerator: final grade outstanding or good.",
            target: OneDecimal(80),
            examples: [KPIExample("the moderated grade decides", asOf: "2026-03-31", audits: gradeMix, expect: .fraction(3, 6))],
            eachAudit: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.date }) { a in
                    a.finalGrade.isGoodOrBetter ? .met : .notMet
                }
            }),

        KPIDefinition(
            id: "audits_inadequate", title: "Audits graded inadequate", area: .qualityAssurance,
            kind: .rate, polarity: .lowerIsBetter,
            definition: "Population: audits with audit_date in the period. Numerator: final grade (moderated_grade "
                + "when recorded, else grade) inadequate.",
            target: OneDecimal(5),
            examples: [KPIExample("the moderated grade decides", asOf: "2026-03-31", audits: gradeMix, expect: .fraction(2, 6))],
            eachAudit: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.date }) { a in
                    a.finalGrade == .inadequate ? .met : .notMet
                }
            }),

        KPIDefinition(
            id: "audit_moderation_agreement", title: "Moderated audits where the moderator agreed",
            area: .qualityAssurance, kind: .rate, polarity: .higherIsBetter,
            definition: "Population: audits with audit_date in the period. Excluded: no moderated_grade. "
                + "Numerator: moderated_grade = grade.",
            target: OneDecimal(80),
            examples: [KPIExample("unmoderated audits are excluded", asOf: "2026-03-31", audits: gradeMix,
                                  expect: .fraction(1, 4, excluded: 2))],
            eachAudit: { batch, _, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.date }) { a in
                    guard let moderated = a.moderatedGrade else { return .excluded }
                    return moderated == a.grade ? .met : .notMet
                }
            }),

        KPIDefinition(
            id: "audit_actions_on_time", title: "Audit actions completed on time", area: .qualityAssurance,
            kind: .rate, polarity: .higherIsBetter,
            definition: "Population: audits with audit_date in the period and an actions_due_date. Excluded: no "
                + "actions_completed_date and actions_due_date on or after as_of. Numerator: "
                + "actions_completed_date on or before actions_due_date.",
            target: OneDecimal(90),
            examples: [
                KPIExample("on the due date, a day late, not yet due, overdue, no actions", asOf: "2026-03-31", audits: [
                    CaseAudit(id: "on-time", childID: "A", date: d("2026-02-02"), grade: .good,
                              actionsDueDate: d("2026-03-10"), actionsCompletedDate: d("2026-03-10")),
                    CaseAudit(id: "late", childID: "B", date: d("2026-02-02"), grade: .good,
                              actionsDueDate: d("2026-03-10"), actionsCompletedDate: d("2026-03-11")),
                    CaseAudit(id: "due-today", childID: "C", date: d("2026-02-02"), grade: .good,
                              actionsDueDate: d("2026-03-31")),
                    CaseAudit(id: "overdue", childID: "D", date: d("2026-02-02"), grade: .good,
                              actionsDueDate: d("2026-03-30")),
                    CaseAudit(id: "no-actions", childID: "E", date: d("2026-02-02"), grade: .good),
                ], expect: .fraction(1, 3, excluded: 1)),
            ],
            eachAudit: { batch, ctx, acc throws(CalendarError) in
                try acc.add(batch, anchor: { $0.actionsDueDate == nil ? nil : $0.date }) { a in
                    let due = a.actionsDueDate!
                    guard let completed = a.actionsCompletedDate else { return due >= ctx.asOf ? .excluded : .notMet }
                    return completed <= due ? .met : .notMet
                }
            }),
    ]

    /// Six audits in March 2026: grade / moderated grade.
    private static let gradeMix: [CaseAudit] = [
        CaseAudit(id: "a1", childID: "A", date: d("2026-03-02"), grade: .good),
        CaseAudit(id: "a2", childID: "B", date: d("2026-03-02"), grade: .good, moderatedGrade: .requiresImprovement),
        CaseAudit(id: "a3", childID: "C", date: d("2026-03-02"), grade: .requiresImprovement, moderatedGrade: .outstanding),
        CaseAudit(id: "a4", childID: "D", date: d("2026-03-02"), grade: .inadequate),
        CaseAudit(id: "a5", childID: "E", date: d("2026-03-02"), grade: .good, moderatedGrade: .inadequate),
        CaseAudit(id: "a6", childID: "F", date: d("2026-03-02"), grade: .outstanding, moderatedGrade: .outstanding),
    ]
}
