import PathwayCore

/// The child-level lists managers act on, one sheet each (so each has its own frozen header and filter),
/// already sorted most overdue first by `ExceptionFinder`.
enum ExceptionSheets {
    enum List: CaseIterable {
        case awaitingDecision, outstandingMARFs, lateICPCs, reviewsDue, overdueAuditActions

        var sheetName: String {
            switch self {
            case .awaitingDecision: return "Awaiting decision"
            case .outstandingMARFs: return "MARFs outstanding"
            case .lateICPCs: return "Late ICPCs"
            case .reviewsDue: return "Reviews due"
            case .overdueAuditActions: return "Audit actions overdue"
            }
        }

        var title: String {
            switch self {
            case .awaitingDecision: return "Contacts awaiting a decision beyond 1 working day"
            case .outstandingMARFs: return "MARFs requested more than 5 working days ago and not received"
            case .lateICPCs: return "Initial conferences held more than 15 working days after the strategy discussion"
            case .reviewsDue: return "Open child protection plans whose review is overdue or due within 28 days"
            case .overdueAuditActions: return "Audits whose agreed actions are overdue"
            }
        }

        /// How the list is ordered, in words.
        var order: String {
            switch self {
            case .awaitingDecision, .outstandingMARFs: return "Longest waiting first."
            case .lateICPCs: return "Latest first (most working days taken)."
            case .reviewsDue: return "Earliest due date first; a negative 'days overdue' is the days left until the review is due."
            case .overdueAuditActions: return "Earliest due date first."
            }
        }

        func summaryPhrase(_ n: Int) -> String {
            switch self {
            case .awaitingDecision: return n == 1 ? "contact awaiting a decision" : "contacts awaiting a decision"
            case .outstandingMARFs: return n == 1 ? "MARF outstanding" : "MARFs outstanding"
            case .lateICPCs: return n == 1 ? "late ICPC" : "late ICPCs"
            case .reviewsDue: return n == 1 ? "review due or overdue" : "reviews due or overdue"
            case .overdueAuditActions: return n == 1 ? "audit with overdue actions" : "audits with overdue actions"
            }
        }

        var headers: [String] {
            switch self {
            case .awaitingDecision:
                return ["Child ID", "Contact ID", "Contact date", "Working days waiting", "Team", "Source", "Line in contacts.csv"]
            case .outstandingMARFs:
                return ["Child ID", "Contact ID", "Contact date", "MARF requested", "Working days waiting", "Team", "Source",
                        "Line in contacts.csv"]
            case .lateICPCs:
                return ["Child ID", "Conference ID", "S47 ID", "Strategy discussion", "ICPC date", "Working days taken", "Team",
                        "Line in conferences.csv"]
            case .reviewsDue:
                return ["Child ID", "Last conference ID", "Last conference", "Last conference date", "Review due",
                        "Days overdue", "Status", "Team", "Line in conferences.csv"]
            case .overdueAuditActions:
                return ["Child ID", "Audit ID", "Audit date", "Actions due", "Days overdue", "Final grade", "Team", "Auditor",
                        "Line in audits.csv"]
            }
        }

        func count(in lists: ExceptionLists) -> Int {
            switch self {
            case .awaitingDecision: return lists.awaitingDecision.count
            case .outstandingMARFs: return lists.outstandingMARFs.count
            case .lateICPCs: return lists.lateICPCs.count
            case .reviewsDue: return lists.reviewsDue.count
            case .overdueAuditActions: return lists.overdueAuditActions.count
            }
        }

        func rows(in lists: ExceptionLists) -> [[TableCell]] {
            switch self {
            case .awaitingDecision:
                return lists.awaitingDecision.map {
                    [.code($0.contact.childID), .code($0.contact.id), .date($0.contact.contactDate),
                     .integer($0.workingDaysWaiting.count), .text(DashboardText.team($0.contact.team)),
                     .text($0.contact.source), .integer($0.contact.line)]
                }
            case .outstandingMARFs:
                return lists.outstandingMARFs.map {
                    [.code($0.contact.childID), .code($0.contact.id), .date($0.contact.contactDate),
                     .date($0.contact.marfRequestedDate), .integer($0.workingDaysWaiting.count),
                     .text(DashboardText.team($0.contact.team)), .text($0.contact.source), .integer($0.contact.line)]
                }
            case .lateICPCs:
                return lists.lateICPCs.map {
                    [.code($0.conference.childID), .code($0.conference.id), .code($0.conference.s47ID ?? ""),
                     .date($0.strategyDate), .date($0.conference.date), .integer($0.workingDaysTaken.count),
                     .text(DashboardText.team($0.conference.team)), .integer($0.conference.line)]
                }
            case .reviewsDue:
                return lists.reviewsDue.map {
                    [.code($0.lastConference.childID), .code($0.lastConference.id),
                     .text(ExceptionSheets.label($0.lastConference.type)), .date($0.lastConference.date), .date($0.dueDate),
                     .integer($0.daysOverdue), .text(ExceptionSheets.status(daysOverdue: $0.daysOverdue)),
                     .text(DashboardText.team($0.lastConference.team)), .integer($0.lastConference.line)]
                }
            case .overdueAuditActions:
                return lists.overdueAuditActions.map {
                    [.code($0.audit.childID), .code($0.audit.id), .date($0.audit.date), .date($0.dueDate),
                     .integer($0.daysOverdue), .text(ExceptionSheets.label($0.audit.finalGrade)),
                     .text(DashboardText.team($0.audit.team)), .text($0.audit.auditor ?? ""), .integer($0.audit.line)]
                }
            }
        }
    }

    static let actionTabColour: UInt32 = 0xC65911
    static let titleRow = 0
    static let headerRow = 3

    static func write(_ dashboard: Dashboard, to workbook: Workbook) throws(XLSXError) {
        for list in List.allCases {
            try write(list, dashboard, to: workbook)
        }
    }

    static func write(_ list: List, _ dashboard: Dashboard, to workbook: Workbook) throws(XLSXError) {
        let lists = dashboard.result.exceptions
        // The lists are most of the workbook's cells (a quarter of a million at 1M children): streamed, they
        // skip the shared-string table and the library's cell tree. Rows are then written top to bottom.
        let sheet = try workbook.addWorksheet(list.sheetName, streamed: true)
        let count = list.count(in: lists)
        try sheet.write(list.title, row: titleRow, column: 0, style: .title)
        try sheet.write("As of \(DashboardText.date(dashboard.asOf)): "
            + DashboardText.count(count, "case", "cases") + ". " + list.order,
            row: 1, column: 0, style: .subtitle)
        let headers = list.headers
        let numeric = Set(headers.indices.filter { headers[$0].hasPrefix("Working days") || headers[$0].hasPrefix("Days")
            || headers[$0].hasPrefix("Line") })
        try sheet.writeHeader(headers, at: headerRow, numeric: numeric)
        let rows = list.rows(in: lists)
        let body: [[TableCell]] = rows.isEmpty ? [[.bold("None today")]] : rows
        let writeBody = { (sheet: Worksheet) throws(XLSXError) in
            for (offset, cells) in body.enumerated() {
                try sheet.write(row: cells, at: headerRow + 1 + offset)
            }
        }
        // Column widths, and so the header row's height, come from every row: the same writes are
        // measured first, then made once the columns and the header row are sized.
        try sheet.measuring(writeBody)
        try sheet.setRow(headerRow, height: 30)
        try sheet.fitColumns(minimum: 10, maximum: 40, padding: 3)
        try writeBody(sheet)
        if !rows.isEmpty {
            try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: headerRow + rows.count, lastColumn: headers.count - 1)
        }
        // A coloured tab marks a list with cases in it, so they stand out along the bottom of the window.
        if count > 0 { try sheet.setTabColour(actionTabColour) }
        try sheet.freezePanes(row: headerRow + 1, column: 0)
        try sheet.setUpPrinting(landscape: true, repeatRows: headerRow...headerRow,
                                footer: DashboardText.footer(authority: dashboard.authority, asOf: dashboard.asOf))
    }

    static func status(daysOverdue: Int) -> String {
        if daysOverdue > 0 { return "overdue by " + DashboardText.count(daysOverdue, "day", "days") }
        if daysOverdue == 0 { return "due today" }
        return "due in " + DashboardText.count(-daysOverdue, "day", "days")
    }

    static func label(_ type: ConferenceType) -> String {
        switch type {
        case .initial: return "Initial"
        case .review: return "Review"
        case .transferIn: return "Transfer in"
        }
    }

    static func label(_ grade: AuditGrade) -> String {
        switch grade {
        case .outstanding: return "Outstanding"
        case .good: return "Good"
        case .requiresImprovement: return "Requires improvement"
        case .inadequate: return "Inadequate"
        }
    }
}
