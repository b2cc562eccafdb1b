import Testing
@testable import PathwayCore

/// Boundary cases of the audit KPIs, each read from SPEC §4.
@Suite struct QualityAssuranceKPITests {
    private func headline(_ id: String, asOf: String = "2026-03-31", _ audits: [CaseAudit]) throws -> Tally {
        let kpi = try #require(KPICatalogue.definition(id))
        return try KPIEngine().compute(kpi, LinkedCases(contacts: [], enquiries: [], conferences: [], audits: audits),
                                       context: TestCalendar.context(asOf: asOf)).headline
    }

    /// audit_actions_on_time: (due, completed or nil, expected) with as_of 2026-03-31.
    static let actions: [(String, String?, String)] = [
        ("2026-03-10", "2026-03-10", "met"),        // on the due date
        ("2026-03-10", "2026-03-01", "met"),
        ("2026-03-10", "2026-03-11", "notMet"),
        ("2026-03-31", nil, "excluded"),            // due on as_of: not yet overdue
        ("2026-04-30", nil, "excluded"),
        ("2026-03-30", nil, "notMet"),              // overdue
        ("2026-04-30", "2026-05-02", "notMet"),     // dates after as_of used as recorded
        ("2026-04-30", "2026-04-01", "met"),
    ]

    @Test(arguments: actions)
    func actionsOnTime(_ due: String, _ completed: String?, _ expected: String) throws {
        let tally = try headline("audit_actions_on_time", [
            CaseAudit(id: "a", childID: "A", date: d("2026-02-02"), grade: .good, actionsDueDate: d(due),
                      actionsCompletedDate: completed.map(d)),
        ])
        #expect(FrontDoorKPITests.outcome(tally) == expected)
    }

    @Test func actionsPopulationNeedsADueDateAndIsByAuditDate() throws {
        let tally = try headline("audit_actions_on_time", [
            CaseAudit(id: "no-due", childID: "A", date: d("2026-02-02"), grade: .good, actionsCompletedDate: d("2026-02-03")),
            CaseAudit(id: "old", childID: "A", date: d("2025-03-31"), grade: .good, actionsDueDate: d("2025-04-30"),
                      actionsCompletedDate: d("2025-04-30")),
            CaseAudit(id: "in", childID: "A", date: d("2025-04-01"), grade: .good, actionsDueDate: d("2025-03-30"),
                      actionsCompletedDate: d("2025-03-30")),
        ])
        #expect(tally == Tally(numerator: 1, denominator: 1))
    }

    static let grades: [AuditGrade?] = [nil, .outstanding, .good, .requiresImprovement, .inadequate]

    /// Every (grade, moderated grade) pair against the three grade KPIs.
    @Test(arguments: [AuditGrade.outstanding, .good, .requiresImprovement, .inadequate], grades)
    func gradePairs(_ grade: AuditGrade, _ moderated: AuditGrade?) throws {
        let audit = [CaseAudit(id: "a", childID: "A", date: d("2026-03-02"), grade: grade, moderatedGrade: moderated)]
        let final = moderated ?? grade
        let good = try headline("audits_good_or_better", audit)
        #expect(good == Tally(numerator: final == .outstanding || final == .good ? 1 : 0, denominator: 1))
        let inadequate = try headline("audits_inadequate", audit)
        #expect(inadequate == Tally(numerator: final == .inadequate ? 1 : 0, denominator: 1))
        let agreement = try headline("audit_moderation_agreement", audit)
        if let moderated {
            #expect(agreement == Tally(numerator: moderated == grade ? 1 : 0, denominator: 1))
        } else {
            #expect(agreement == Tally(excluded: 1))
        }
    }
}
