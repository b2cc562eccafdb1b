/// One accepted row of audits.csv.
public struct CaseAudit: Sendable, Hashable {
    public var id: String
    public var childID: String
    public var date: Day
    public var grade: AuditGrade
    public var moderatedGrade: AuditGrade?
    public var actionsDueDate: Day?
    public var actionsCompletedDate: Day?
    public var team: String?
    public var auditor: String?
    public var auditType: String?
    public var line: Int

    public init(id: String, childID: String, date: Day, grade: AuditGrade, moderatedGrade: AuditGrade? = nil,
                actionsDueDate: Day? = nil, actionsCompletedDate: Day? = nil, team: String? = nil,
                auditor: String? = nil, auditType: String? = nil, line: Int = 0) {
        self.id = id
        self.childID = childID
        self.date = date
        self.grade = grade
        self.moderatedGrade = moderatedGrade
        self.actionsDueDate = actionsDueDate
        self.actionsCompletedDate = actionsCompletedDate
        self.team = team
        self.auditor = auditor
        self.auditType = auditType
        self.line = line
    }

    /// The final grade: the moderated grade when recorded, else the grade.
    public var finalGrade: AuditGrade { moderatedGrade ?? grade }
}
