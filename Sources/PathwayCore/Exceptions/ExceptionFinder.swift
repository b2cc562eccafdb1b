/// Builds the exception lists from the linked cases, with the same timescales as the KPIs.
public enum ExceptionFinder {
    /// Whether a contact may go on a contact list: undecided and dated in the window, or with a MARF
    /// requested in the window and not received. Which ones do depends on the working days waited by
    /// as_of, which the lists below count; the contacts folded as they are decoded (`ContactFold`) keep
    /// these ones only.
    @inline(__always)
    public static func mayList(_ contact: UnsafePointer<Contact>, window: DayRange) -> Bool {
        if contact.pointee.decisionDate == nil, window.contains(contact.pointee.contactDate) { return true }
        if contact.pointee.marfReceivedDate == nil, let requested = contact.pointee.marfRequestedDate,
           window.contains(requested) { return true }
        return false
    }

    /// Whether an audit may go on the overdue audit actions list: actions due before as_of and not
    /// completed (all of them do; the audits folded as they are decoded keep these ones only).
    @inline(__always)
    public static func mayList(_ audit: UnsafePointer<CaseAudit>, asOf: Day) -> Bool {
        guard audit.pointee.actionsCompletedDate == nil, let due = audit.pointee.actionsDueDate else { return false }
        return due < asOf
    }

    public static func find(_ cases: LinkedCases, context: KPIContext) throws(CalendarError) -> ExceptionLists {
        let asOf = context.asOf
        let window = context.periods.window
        var lists = ExceptionLists()

        // One pass over the contacts for both lists, reading fields in place: a `for contact in` loop
        // copied every contact (retaining its Strings), and each of two passes took about 20 ms at 1M children.
        // A run's contacts were folded as they were decoded, which kept only those that `mayList`.
        try cases.contactsForLists.withUnsafeBufferPointer { (contacts) throws(CalendarError) in
            for index in contacts.indices where mayList(contacts.baseAddress! + index, window: window) {
                if contacts[index].decisionDate == nil, window.contains(contacts[index].contactDate) {
                    let waiting = try context.workingDays(from: contacts[index].contactDate, to: asOf)
                    if waiting > Timescales.contactDecision {
                        lists.awaitingDecision.append(.init(contact: contacts[index], workingDaysWaiting: waiting))
                    }
                }
                if contacts[index].marfReceivedDate == nil, let requested = contacts[index].marfRequestedDate,
                   window.contains(requested) {
                    let waiting = try context.workingDays(from: requested, to: asOf)
                    if waiting > Timescales.marfFollowUp {
                        lists.outstandingMARFs.append(.init(contact: contacts[index], workingDaysWaiting: waiting))
                    }
                }
            }
        }
        lists.awaitingDecision.sort { ($1.workingDaysWaiting, $0.contact.contactDate, $0.contact.id) < ($0.workingDaysWaiting, $1.contact.contactDate, $1.contact.id) }
        lists.outstandingMARFs.sort { ($1.workingDaysWaiting, $0.contact.id) < ($0.workingDaysWaiting, $1.contact.id) }

        for conference in cases.conferences where conference.type == .initial && window.contains(conference.date) {
            guard let enquiry = cases.enquiry(for: conference), conference.date >= enquiry.strategyDate else { continue }
            let taken = try context.workingDays(from: enquiry.strategyDate, to: conference.date)
            if taken > Timescales.initialConference {
                lists.lateICPCs.append(.init(conference: conference, strategyDate: enquiry.strategyDate, workingDaysTaken: taken))
            }
        }
        lists.lateICPCs.sort { ($1.workingDaysTaken, $0.conference.id) < ($0.workingDaysTaken, $1.conference.id) }

        cases.forEachLatestConference(onOrBefore: asOf) { last in
            guard last.leavesPlanOpen else { return }
            let due = last.nextReviewDue
            let overdue = due.days(to: asOf)
            if overdue > 0 || -overdue <= Timescales.reviewDueSoon.count {
                lists.reviewsDue.append(.init(lastConference: last, dueDate: due, daysOverdue: overdue))
            }
        }
        // The children came in no particular order: ids that `<` finds equal (canonically equivalent
        // text, which stays distinct children) are put in code-point order, so the order never depends on it.
        lists.reviewsDue.sort { a, b in
            let x = a.lastConference.childID, y = b.lastConference.childID
            if a.dueDate != b.dueDate { return a.dueDate < b.dueDate }
            return x != y ? x < y : CodePoint.less(x, y)
        }

        cases.auditsForLists.withUnsafeBufferPointer { audits in
            for index in audits.indices where mayList(audits.baseAddress! + index, asOf: asOf) {
                let due = audits[index].actionsDueDate!
                lists.overdueAuditActions.append(.init(audit: audits[index], dueDate: due,
                                                       daysOverdue: due.days(to: asOf)))
            }
        }
        lists.overdueAuditActions.sort { ($0.dueDate, $0.audit.id) < ($1.dueDate, $1.audit.id) }
        return lists
    }
}
