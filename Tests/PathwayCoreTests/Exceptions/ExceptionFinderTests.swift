@testable import PathwayCore
import Testing

/// The child-level lists managers act on (SPEC §4 "Exception lists"), as of Tuesday 31 March 2026.
@Suite("exception lists")
struct ExceptionFinderTests {
    static let context = TestCalendar.context(asOf: "2026-03-31")

    static func find(contacts: [Contact] = [], enquiries: [Section47Enquiry] = [],
                     conferences: [ChildProtectionConference] = [], audits: [CaseAudit] = []) throws -> ExceptionLists {
        try ExceptionFinder.find(LinkedCases(contacts: contacts, enquiries: enquiries, conferences: conferences, audits: audits),
                                 context: context)
    }

    @Test("contacts awaiting a decision beyond 1 working day, longest wait first")
    func awaitingDecision() throws {
        let lists = try Self.find(contacts: [
            Contact(id: "one-day", childID: "A", contactDate: d("2026-03-30")),             // WD 1: not yet late
            Contact(id: "three-days", childID: "B", contactDate: d("2026-03-26")),          // WD 3
            Contact(id: "month", childID: "C", contactDate: d("2026-03-02")),               // WD 21
            Contact(id: "decided", childID: "D", contactDate: d("2026-03-02"), decisionDate: d("2026-03-03")),
            Contact(id: "old", childID: "E", contactDate: d("2025-03-31")),                 // outside the window
        ])
        #expect(lists.awaitingDecision.map(\.contact.id) == ["month", "three-days"])
        #expect(lists.awaitingDecision.map(\.workingDaysWaiting) == [WorkingDays(21), WorkingDays(3)])
    }

    @Test("MARFs requested and not received after more than 5 working days")
    func outstandingMARFs() throws {
        let lists = try Self.find(contacts: [
            Contact(id: "five", childID: "A", contactDate: d("2026-03-24"), marfRequestedDate: d("2026-03-24")),  // WD 5
            Contact(id: "six", childID: "B", contactDate: d("2026-03-23"), marfRequestedDate: d("2026-03-23")),   // WD 6
            Contact(id: "arrived", childID: "C", contactDate: d("2026-03-02"), marfRequestedDate: d("2026-03-02"),
                    marfReceivedDate: d("2026-03-20")),
        ])
        #expect(lists.outstandingMARFs.map(\.contact.id) == ["six"])
        #expect(lists.outstandingMARFs.first?.workingDaysWaiting == WorkingDays(6))
    }

    @Test("ICPCs in the window held more than 15 working days after the strategy discussion")
    func lateICPCs() throws {
        let lists = try Self.find(enquiries: [
            Section47Enquiry(id: "s1", childID: "A", strategyDate: d("2026-03-02")),
            Section47Enquiry(id: "s2", childID: "B", strategyDate: d("2026-03-02")),
        ], conferences: [
            ChildProtectionConference(id: "on-time", childID: "A", type: .initial, date: d("2026-03-23"), s47ID: "s1"),
            ChildProtectionConference(id: "late", childID: "B", type: .initial, date: d("2026-03-24"), s47ID: "s2"),
            ChildProtectionConference(id: "unlinked", childID: "C", type: .initial, date: d("2026-03-30")),
            ChildProtectionConference(id: "review", childID: "B", type: .review, date: d("2026-03-30"), s47ID: "s2"),
        ])
        #expect(lists.lateICPCs.map(\.conference.id) == ["late"])
        #expect(lists.lateICPCs.first?.workingDaysTaken == WorkingDays(16))
        #expect(lists.lateICPCs.first?.strategyDate == d("2026-03-02"))
    }

    @Test("open plans whose review is overdue or due within 28 days, earliest due first")
    func reviewsDue() throws {
        let lists = try Self.find(conferences: [
            ChildProtectionConference(id: "a1", childID: "A", type: .initial, date: d("2025-12-01"), outcome: .plan),  // due 1 Mar: overdue 30
            ChildProtectionConference(id: "b1", childID: "B", type: .initial, date: d("2026-01-15"), outcome: .plan),  // due 15 Apr: in 15 days
            ChildProtectionConference(id: "c1", childID: "C", type: .initial, date: d("2026-03-01"), outcome: .plan),  // due 1 Jun: not yet
            ChildProtectionConference(id: "d1", childID: "D", type: .initial, date: d("2025-06-01"), outcome: .plan),
            ChildProtectionConference(id: "d2", childID: "D", type: .review, date: d("2025-09-01"), outcome: .end),   // plan ended
            ChildProtectionConference(id: "e1", childID: "E", type: .initial, date: d("2025-04-20"), outcome: .plan),
            ChildProtectionConference(id: "e2", childID: "E", type: .review, date: d("2025-10-28"), outcome: .continue), // due 28 Apr: in 28 days
            ChildProtectionConference(id: "f1", childID: "F", type: .initial, date: d("2026-01-02"), outcome: .plan),
            ChildProtectionConference(id: "f2", childID: "F", type: .review, date: d("2026-04-02")),  // after as-of: f1 still counts
        ])
        #expect(lists.reviewsDue.map(\.lastConference.id) == ["a1", "f1", "b1", "e2"])
        #expect(lists.reviewsDue.map(\.daysOverdue) == [30, -2, -15, -28])
    }

    /// Plans due the same day go by child id; ids that Swift's `<` finds equal (canonically equivalent,
    /// but different children) go in code-point order, whatever order the children are visited in.
    @Test("reviews due the same day: by child id, then by code point")
    func reviewsDueSameDay() throws {
        let children = ["e\u{301}", "B", "\u{E9}", "A"]
        for shift in children.indices {
            let rotated = Array(children[shift...] + children[..<shift])
            let lists = try Self.find(conferences: rotated.enumerated().map { i, child in
                ChildProtectionConference(id: "k\(i)", childID: child, type: .initial, date: d("2026-01-15"), outcome: .plan)
            })
            #expect(lists.reviewsDue.map(\.lastConference.childID).map { Array($0.unicodeScalars) }
                    == ["A", "B", "e\u{301}", "\u{E9}"].map { Array($0.unicodeScalars) })
        }
    }

    @Test("audits whose actions are past their due date and not completed, most overdue first")
    func overdueAuditActions() throws {
        let lists = try Self.find(audits: [
            CaseAudit(id: "due-today", childID: "A", date: d("2026-02-02"), grade: .good, actionsDueDate: d("2026-03-31")),
            CaseAudit(id: "overdue", childID: "B", date: d("2026-02-02"), grade: .good, actionsDueDate: d("2026-03-30")),
            CaseAudit(id: "long-overdue", childID: "C", date: d("2024-01-10"), grade: .good, actionsDueDate: d("2024-02-10")),
            CaseAudit(id: "done", childID: "D", date: d("2026-02-02"), grade: .good, actionsDueDate: d("2026-03-01"),
                      actionsCompletedDate: d("2026-03-05")),
        ])
        #expect(lists.overdueAuditActions.map(\.audit.id) == ["long-overdue", "overdue"])
        #expect(lists.overdueAuditActions.map(\.daysOverdue) == [780, 1])
    }
}
