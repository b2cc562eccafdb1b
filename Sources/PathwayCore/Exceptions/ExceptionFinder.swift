/// Builds the exception lists from the linked cases, with the same timescales as the KPIs.
public enum ExceptionFinder {
    public static func find(_ cases: LinkedCases, context: KPIContext) throws(CalendarError) -> ExceptionLists {
        let asOf = context.asOf
        let window = context.periods.window
        var lists = ExceptionLists()

        for contact in cases.contacts where window.contains(contact.contactDate) && contact.decisionDate == nil {
            let waiting = try context.workingDays(from: contact.contactDate, to: asOf)
            if waiting > Timescales.contactDecision {
                lists.awaitingDecision.append(.init(contact: contact, workingDaysWaiting: waiting))
            }
        }
        lists.awaitingDecision.sort { ($1.workingDaysWaiting, $0.contact.contactDate, $0.contact.id) < ($0.workingDaysWaiting, $1.contact.contactDate, $1.contact.id) }

        for contact in cases.contacts where contact.marfReceivedDate == nil {
            guard let requested = contact.marfRequestedDate, window.contains(requested) else { continue }
            let waiting = try context.workingDays(from: requested, to: asOf)
            if waiting > Timescales.marfFollowUp {
                lists.outstandingMARFs.append(.init(contact: contact, workingDaysWaiting: waiting))
            }
        }
        lists.outstandingMARFs.sort { ($1.workingDaysWaiting, $0.contact.id) < ($0.workingDaysWaiting, $1.contact.id) }

        for conference in cases.conferences where conference.type == .initial && window.contains(conference.date) {
            guard let enquiry = cases.enquiry(for: conference), conference.date >= enquiry.strategyDate else { continue }
            let taken = try context.workingDays(from: enquiry.strategyDate, to: conference.date)
            if taken > Timescales.initialConference {
                lists.lateICPCs.append(.init(conference: conference, strategyDate: enquiry.strategyDate, workingDaysTaken: taken))
            }
        }
        lists.lateICPCs.sort { ($1.workingDaysTaken, $0.conference.id) < ($0.workingDaysTaken, $1.conference.id) }

        for child in cases.childrenWithConferences {
            guard let last = cases.latestConference(ofChild: child, onOrBefore: asOf), last.leavesPlanOpen else { continue }
            let due = last.nextReviewDue
            let overdue = due.days(to: asOf)
            if overdue > 0 || -overdue <= Timescales.reviewDueSoon.count {
                lists.reviewsDue.append(.init(lastConference: last, dueDate: due, daysOverdue: overdue))
            }
        }
        lists.reviewsDue.sort { ($0.dueDate, $0.lastConference.childID) < ($1.dueDate, $1.lastConference.childID) }

        for audit in cases.audits where audit.actionsCompletedDate == nil {
            guard let due = audit.actionsDueDate, due < asOf else { continue }
            lists.overdueAuditActions.append(.init(audit: audit, dueDate: due, daysOverdue: due.days(to: asOf)))
        }
        lists.overdueAuditActions.sort { ($0.dueDate, $0.audit.id) < ($1.dueDate, $1.audit.id) }
        return lists
    }
}
