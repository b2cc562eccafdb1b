/// Local settings that shape decoding: extra vocabulary labels and team display names.
public struct DecodingOptions: Sendable {
    public var contactOutcomes: Vocabulary<ContactOutcome>
    public var section47Outcomes: Vocabulary<Section47Outcome>
    public var conferenceTypes: Vocabulary<ConferenceType>
    public var conferenceOutcomes: Vocabulary<ConferenceOutcome>
    public var categories: Vocabulary<AbuseCategory>
    public var grades: Vocabulary<AuditGrade>
    public var yesNo: Vocabulary<YesNo>
    /// Local team name (trimmed) → the name shown in outputs.
    public var teamNames: [String: String]

    public init(contactOutcomes: Vocabulary<ContactOutcome> = .init(),
                section47Outcomes: Vocabulary<Section47Outcome> = .init(),
                conferenceTypes: Vocabulary<ConferenceType> = .init(),
                conferenceOutcomes: Vocabulary<ConferenceOutcome> = .init(),
                categories: Vocabulary<AbuseCategory> = .init(),
                grades: Vocabulary<AuditGrade> = .init(),
                yesNo: Vocabulary<YesNo> = .init(),
                teamNames: [String: String] = [:]) {
        self.contactOutcomes = contactOutcomes
        self.section47Outcomes = section47Outcomes
        self.conferenceTypes = conferenceTypes
        self.conferenceOutcomes = conferenceOutcomes
        self.categories = categories
        self.grades = grades
        self.yesNo = yesNo
        self.teamNames = teamNames
    }
}
