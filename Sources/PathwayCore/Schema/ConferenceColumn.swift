/// conferences.csv (SPEC §2).
public enum ConferenceColumn: Int, SchemaColumn {
    case conferenceID, childID, type, conferenceDate, s47ID, outcome, category, parentsParticipated, team

    public static let file = InputFile.conferences
    public static let idColumn = ConferenceColumn.conferenceID

    public var spec: ColumnSpec {
        switch self {
        case .conferenceID: return ColumnSpec("conference_id", required: true)
        case .childID: return ColumnSpec("child_id", required: true, aliases: ["Child Unique ID"])
        case .type: return ColumnSpec("type", required: true)
        case .conferenceDate: return ColumnSpec("conference_date", required: true)
        case .s47ID: return ColumnSpec("s47_id")
        case .outcome: return ColumnSpec("outcome")
        case .category: return ColumnSpec("category", aliases: ["Initial Category of Abuse"])
        case .parentsParticipated: return ColumnSpec("parents_participated")
        case .team: return ColumnSpec("team", aliases: ["Allocated Team"])
        }
    }
}
