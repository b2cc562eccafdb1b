/// audits.csv (SPEC §2). Any number of `domain_<name>` columns are read as well.
public enum AuditColumn: Int, SchemaColumn {
    case auditID, childID, auditDate, grade, moderatedGrade, actionsDueDate, actionsCompletedDate
    case team, auditor, auditType

    public static let file = InputFile.audits
    public static let idColumn = AuditColumn.auditID
    public static let acceptsDomainColumns = true
    /// The heading prefix of domain columns.
    public static let domainPrefix = "domain_"

    public var spec: ColumnSpec {
        switch self {
        case .auditID: return ColumnSpec("audit_id", required: true)
        case .childID: return ColumnSpec("child_id", required: true)
        case .auditDate: return ColumnSpec("audit_date", required: true)
        case .grade: return ColumnSpec("grade", required: true, aliases: ["overall_grade"])
        case .moderatedGrade: return ColumnSpec("moderated_grade")
        case .actionsDueDate: return ColumnSpec("actions_due_date")
        case .actionsCompletedDate: return ColumnSpec("actions_completed_date")
        case .team: return ColumnSpec("team")
        case .auditor: return ColumnSpec("auditor")
        case .auditType: return ColumnSpec("audit_type")
        }
    }
}
