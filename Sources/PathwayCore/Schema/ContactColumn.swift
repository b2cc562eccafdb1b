/// contacts.csv (SPEC §2).
public enum ContactColumn: Int, SchemaColumn {
    case contactID, childID, contactDate, source, marf, marfRequestedDate, marfReceivedDate
    case policeIncidentDate, decisionDate, outcome, referralDate, team
    case dateOfBirth, gender, ethnicity, disability

    public static let file = InputFile.contacts
    public static let idColumn = ContactColumn.contactID

    public var spec: ColumnSpec {
        switch self {
        case .contactID: return ColumnSpec("contact_id", required: true)
        case .childID: return ColumnSpec("child_id", required: true, aliases: ["Child Unique ID"])
        case .contactDate: return ColumnSpec("contact_date", required: true, aliases: ["Date of Contact"])
        case .source: return ColumnSpec("source", required: true, aliases: ["Contact Source"])
        case .marf: return ColumnSpec("marf")
        case .marfRequestedDate: return ColumnSpec("marf_requested_date")
        case .marfReceivedDate: return ColumnSpec("marf_received_date")
        case .policeIncidentDate: return ColumnSpec("police_incident_date")
        case .decisionDate: return ColumnSpec("decision_date")
        case .outcome: return ColumnSpec("outcome")
        case .referralDate: return ColumnSpec("referral_date", aliases: ["Date of referral"])
        case .team: return ColumnSpec("team", aliases: ["Allocated Team"])
        case .dateOfBirth: return ColumnSpec("date_of_birth", aliases: ["Date of Birth"])
        case .gender: return ColumnSpec("gender", aliases: ["Gender"])
        case .ethnicity: return ColumnSpec("ethnicity", aliases: ["Ethnicity"])
        case .disability: return ColumnSpec("disability", aliases: ["Does the Child have a Disability"])
        }
    }
}
