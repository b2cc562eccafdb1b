/// One accepted row of s47_enquiries.csv: a strategy discussion and the section 47 enquiry it started.
public struct Section47Enquiry: Sendable, Hashable {
    public var id: String
    public var childID: String
    public var contactID: String?
    public var strategyDate: Day
    public var policeAttended: Bool?
    public var healthAttended: Bool?
    public var educationAttended: Bool?
    public var endDate: Day?
    public var outcome: Section47Outcome?
    public var team: String?
    public var line: Int

    public init(id: String, childID: String, contactID: String? = nil, strategyDate: Day,
                policeAttended: Bool? = nil, healthAttended: Bool? = nil, educationAttended: Bool? = nil,
                endDate: Day? = nil, outcome: Section47Outcome? = nil, team: String? = nil, line: Int = 0) {
        self.id = id
        self.childID = childID
        self.contactID = contactID
        self.strategyDate = strategyDate
        self.policeAttended = policeAttended
        self.healthAttended = healthAttended
        self.educationAttended = educationAttended
        self.endDate = endDate
        self.outcome = outcome
        self.team = team
        self.line = line
    }
}
