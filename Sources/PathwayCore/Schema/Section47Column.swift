/// s47_enquiries.csv (SPEC §2).
public enum Section47Column: Int, SchemaColumn {
    case s47ID, childID, contactID, strategyDate, policeAttended, healthAttended, educationAttended
    case endDate, outcome, team

    public static let file = InputFile.s47Enquiries
    public static let idColumn = Section47Column.s47ID

    public var spec: ColumnSpec {
        switch self {
        case .s47ID: return ColumnSpec("s47_id", required: true)
        case .childID: return ColumnSpec("child_id", required: true, aliases: ["Child Unique ID"])
        case .contactID: return ColumnSpec("contact_id")
        case .strategyDate:
            return ColumnSpec("strategy_date", required: true,
                              aliases: ["Strategy discussion initiating Section 47 Enquiry Start Date"])
        case .policeAttended: return ColumnSpec("police_attended")
        case .healthAttended: return ColumnSpec("health_attended")
        case .educationAttended: return ColumnSpec("education_attended")
        case .endDate: return ColumnSpec("s47_end_date")
        case .outcome: return ColumnSpec("outcome")
        case .team: return ColumnSpec("team", aliases: ["Allocated Team"])
        }
    }
}
