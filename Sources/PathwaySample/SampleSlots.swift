import PathwayCore

/// Where each canonical column sits in a generated row: its position in the schema's column order
/// (`Column.allCases`), so rows follow the schema even if its order changes. Audit rows end with the
/// configured `domain_*` columns.
struct SampleSlots: Sendable {
    static func of<Column: SchemaColumn>(_ column: Column) -> Int { Column.allCases.firstIndex(of: column)! }

    let contactCount = ContactColumn.allCases.count
    let contactID = of(ContactColumn.contactID)
    let contactChild = of(ContactColumn.childID)
    let contactDate = of(ContactColumn.contactDate)
    let source = of(ContactColumn.source)
    let marf = of(ContactColumn.marf)
    let marfRequested = of(ContactColumn.marfRequestedDate)
    let marfReceived = of(ContactColumn.marfReceivedDate)
    let policeIncident = of(ContactColumn.policeIncidentDate)
    let decision = of(ContactColumn.decisionDate)
    let contactOutcome = of(ContactColumn.outcome)
    let referralDate = of(ContactColumn.referralDate)
    let contactTeam = of(ContactColumn.team)
    let dateOfBirth = of(ContactColumn.dateOfBirth)
    let gender = of(ContactColumn.gender)
    let ethnicity = of(ContactColumn.ethnicity)
    let disability = of(ContactColumn.disability)

    let enquiryCount = Section47Column.allCases.count
    let enquiryID = of(Section47Column.s47ID)
    let enquiryChild = of(Section47Column.childID)
    let enquiryContact = of(Section47Column.contactID)
    let strategyDate = of(Section47Column.strategyDate)
    let policeAttended = of(Section47Column.policeAttended)
    let healthAttended = of(Section47Column.healthAttended)
    let educationAttended = of(Section47Column.educationAttended)
    let enquiryEnd = of(Section47Column.endDate)
    let enquiryOutcome = of(Section47Column.outcome)
    let enquiryTeam = of(Section47Column.team)

    let conferenceCount = ConferenceColumn.allCases.count
    let conferenceID = of(ConferenceColumn.conferenceID)
    let conferenceChild = of(ConferenceColumn.childID)
    let conferenceType = of(ConferenceColumn.type)
    let conferenceDate = of(ConferenceColumn.conferenceDate)
    let conferenceEnquiry = of(ConferenceColumn.s47ID)
    let conferenceOutcome = of(ConferenceColumn.outcome)
    let category = of(ConferenceColumn.category)
    let parents = of(ConferenceColumn.parentsParticipated)
    let conferenceTeam = of(ConferenceColumn.team)

    let auditColumnCount = AuditColumn.allCases.count
    let auditID = of(AuditColumn.auditID)
    let auditChild = of(AuditColumn.childID)
    let auditDate = of(AuditColumn.auditDate)
    let grade = of(AuditColumn.grade)
    let moderatedGrade = of(AuditColumn.moderatedGrade)
    let actionsDue = of(AuditColumn.actionsDueDate)
    let actionsCompleted = of(AuditColumn.actionsCompletedDate)
    let auditTeam = of(AuditColumn.team)
    let auditor = of(AuditColumn.auditor)
    let auditType = of(AuditColumn.auditType)
    /// Cells of an audit row: the schema's columns, then one per domain.
    let auditCount: Int

    init(domains: Int) {
        auditCount = AuditColumn.allCases.count + domains
    }

    /// The cell of the i-th domain column.
    func domain(_ i: Int) -> Int { auditColumnCount + i }
}
