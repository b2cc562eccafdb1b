/// One accepted row of audits.csv.
public struct CaseAudit: Sendable, Hashable, TeamNamed {
    /// Physical line in the file (first, so that the memberwise init, which `init` below calls, has
    /// other labels than `init`).
    public var line: Int
    public var id: String
    public var childID: String
    public var date: Day
    public var grade: AuditGrade
    public var moderatedGrade: AuditGrade?
    public var actionsDueDate: Day?
    public var actionsCompletedDate: Day?
    public var teamName: SharedName?
    public var auditor: String?
    public var auditType: String?

    /// The final grade: the moderated grade when recorded, else the grade.
    public var finalGrade: AuditGrade { moderatedGrade ?? grade }
}

extension CaseAudit {
    /// Fields set by the synthesized memberwise init: with Swift 6.3, an init that assigns the fields one
    /// by one built the record, copied it (retaining every String) and destroyed the original, for every
    /// decoded row.
    public init(id: String, childID: String, date: Day, grade: AuditGrade, moderatedGrade: AuditGrade? = nil,
                actionsDueDate: Day? = nil, actionsCompletedDate: Day? = nil, team: String? = nil,
                auditor: String? = nil, auditType: String? = nil, line: Int = 0) {
        self.init(line: line, id: id, childID: childID, date: date, grade: grade, moderatedGrade: moderatedGrade,
                  actionsDueDate: actionsDueDate, actionsCompletedDate: actionsCompletedDate,
                  teamName: team.map(SharedName.init),
                  auditor: auditor, auditType: auditType)
    }
}
