import Testing
@testable import PathwayCore

/// The records' public inits hand every argument to the synthesized memberwise init, whose labels come
/// in another order (see the comment on each init). Each test gives every argument a value no other
/// argument of the same type has, so a label passed to the wrong field fails it.
@Suite struct RecordInitTests {
    static func day(_ n: Int) -> Day { Day(daysSinceEpoch: 20_000 + n) }

    @Test func contactStoresEveryArgumentInItsField() {
        let contact = Contact(id: "C1", childID: "CH1", contactDate: Self.day(1), source: "Police", isPolice: true,
                              marf: false, marfRequestedDate: Self.day(2), marfReceivedDate: Self.day(3),
                              policeIncidentDate: Self.day(4), decisionDate: Self.day(5), outcome: .earlyHelp,
                              referralDate: Self.day(6), team: "North", line: 7)
        #expect(contact.id == "C1" && contact.childID == "CH1" && contact.source == "Police" && contact.team == "North")
        #expect(contact.contactDate == Self.day(1) && contact.marfRequestedDate == Self.day(2))
        #expect(contact.marfReceivedDate == Self.day(3) && contact.policeIncidentDate == Self.day(4))
        #expect(contact.decisionDate == Self.day(5) && contact.referralDate == Self.day(6))
        #expect(contact.isPolice && contact.marf == false && contact.outcome == .earlyHelp && contact.line == 7)
    }

    @Test func enquiryStoresEveryArgumentInItsField() {
        let enquiry = Section47Enquiry(id: "S1", childID: "CH1", contactID: "C1", strategyDate: Self.day(1),
                                       policeAttended: true, healthAttended: false, educationAttended: nil,
                                       endDate: Self.day(2), outcome: .cin, team: "North", line: 7)
        #expect(enquiry.id == "S1" && enquiry.childID == "CH1" && enquiry.contactID == "C1" && enquiry.team == "North")
        #expect(enquiry.strategyDate == Self.day(1) && enquiry.endDate == Self.day(2))
        #expect(enquiry.policeAttended == true && enquiry.healthAttended == false && enquiry.educationAttended == nil)
        #expect(enquiry.outcome == .cin && enquiry.line == 7)
    }

    @Test func conferenceStoresEveryArgumentInItsField() {
        let conference = ChildProtectionConference(id: "CP1", childID: "CH1", type: .transferIn, date: Self.day(1),
                                                   s47ID: "S1", outcome: .noPlan, category: .emotional,
                                                   parentsParticipated: false, team: "North", line: 7)
        #expect(conference.id == "CP1" && conference.childID == "CH1" && conference.s47ID == "S1")
        #expect(conference.team == "North" && conference.type == .transferIn && conference.date == Self.day(1))
        #expect(conference.outcome == .noPlan && conference.category == .emotional)
        #expect(conference.parentsParticipated == false && conference.line == 7)
    }

    @Test func auditStoresEveryArgumentInItsField() {
        let audit = CaseAudit(id: "A1", childID: "CH1", date: Self.day(1), grade: .good, moderatedGrade: .inadequate,
                              actionsDueDate: Self.day(2), actionsCompletedDate: Self.day(3), team: "North",
                              auditor: "D. Patel", auditType: "Routine", line: 7)
        #expect(audit.id == "A1" && audit.childID == "CH1" && audit.team == "North")
        #expect(audit.auditor == "D. Patel" && audit.auditType == "Routine")
        #expect(audit.date == Self.day(1) && audit.actionsDueDate == Self.day(2) && audit.actionsCompletedDate == Self.day(3))
        #expect(audit.grade == .good && audit.moderatedGrade == .inadequate && audit.line == 7)
    }
}
