/// One accepted row of s47_enquiries.csv: a strategy discussion and the section 47 enquiry it started.
public struct Section47Enquiry: Sendable, Hashable, TeamNamed {
    /// Physical line in the file (first, so that the memberwise init, which `init` below calls, has
    /// other labels than `init`).
    public var line: Int
    public var id: String
    public var childID: String
    public var contactID: String?
    public var strategyDate: Day
    public var policeAttended: Bool?
    public var healthAttended: Bool?
    public var educationAttended: Bool?
    public var endDate: Day?
    public var outcome: Section47Outcome?
    public var teamName: SharedName?
}

extension Section47Enquiry {
    /// Fields set by the synthesized memberwise init: with Swift 6.3, an init that assigns the fields one
    /// by one built the record, copied it (retaining every String) and destroyed the original, for every
    /// decoded row.
    public init(id: String, childID: String, contactID: String? = nil, strategyDate: Day,
                policeAttended: Bool? = nil, healthAttended: Bool? = nil, educationAttended: Bool? = nil,
                endDate: Day? = nil, outcome: Section47Outcome? = nil, team: String? = nil, line: Int = 0) {
        self.init(line: line, id: id, childID: childID, contactID: contactID, strategyDate: strategyDate,
                  policeAttended: policeAttended, healthAttended: healthAttended,
                  educationAttended: educationAttended, endDate: endDate, outcome: outcome,
                  teamName: team.map(SharedName.init))
    }
}
