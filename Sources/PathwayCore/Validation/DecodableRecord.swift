/// A record type that one input file decodes into.
public protocol DecodableRecord: Sendable {
    associatedtype Column: SchemaColumn
    var id: String { get }
    /// Physical line on which the record starts (set by the decoder when it joins the parts of a file).
    var line: Int { get set }
    /// Reads the row's fields; returns nil when a required value is missing or invalid
    /// (the row decoder then holds the error).
    static func decode(_ row: inout RowDecoder<Column>) -> Self?
    /// Whether an accepted record is kept for linking and computing, or only counted (its findings and
    /// its id, for the duplicate check, are kept either way). Every record is kept unless `options` says
    /// otherwise.
    static func isKept(_ record: borrowing Self, by options: DecodingOptions) -> Bool
}

extension DecodableRecord {
    @inline(__always)
    public static func isKept(_ record: borrowing Self, by options: DecodingOptions) -> Bool { true }
}

extension Contact: DecodableRecord {
    @inline(__always)
    public static func isKept(_ record: borrowing Contact, by options: DecodingOptions) -> Bool {
        options.contactHorizon?.keeps(record) ?? true
    }

    public static func decode(_ row: inout RowDecoder<ContactColumn>) -> Contact? {
        let id = row.requiredText(.contactID)
        let child = row.requiredText(.childID)
        let date = row.requiredDate(.contactDate)
        let source = row.requiredSource(.source)
        let marf = row.yesNo(.marf)
        let requested = row.optionalDate(.marfRequestedDate)
        let received = row.optionalDate(.marfReceivedDate)
        let incident = row.optionalDate(.policeIncidentDate)
        let decision = row.optionalDate(.decisionDate)
        let outcome = row.contactOutcome(.outcome)
        let referral = row.optionalDate(.referralDate)
        _ = row.optionalDate(.dateOfBirth)
        guard let id, let child, let date, let source else { return nil }
        if outcome == .referral, referral == nil, decision == nil {
            row.report(.undatedReferral, .referralDate, value: nil,
                       "referral with neither referral_date nor decision_date; not counted as a dated referral")
        }
        return Contact(id: id, childID: child, contactDate: date, source: source.text,
                       isPolice: source.isPolice, marf: marf, marfRequestedDate: requested,
                       marfReceivedDate: received, policeIncidentDate: incident, decisionDate: decision,
                       outcome: outcome, referralDate: referral, team: row.team(.team), line: row.line)
    }
}

extension Section47Enquiry: DecodableRecord {
    public static func decode(_ row: inout RowDecoder<Section47Column>) -> Section47Enquiry? {
        let id = row.requiredText(.s47ID)
        let child = row.requiredText(.childID)
        let strategy = row.requiredDate(.strategyDate)
        let police = row.yesNo(.policeAttended)
        let health = row.yesNo(.healthAttended)
        let education = row.yesNo(.educationAttended)
        let end = row.optionalDate(.endDate)
        // SPEC §2: any other text is `other` (no warning: 'other' is a legitimate outcome here).
        let outcome = row.optionalCode(.outcome, as: Section47Outcome.self, unknown: .other)
        guard let id, let child, let strategy else { return nil }
        return Section47Enquiry(id: id, childID: child, contactID: row.text(.contactID), strategyDate: strategy,
                                policeAttended: police, healthAttended: health, educationAttended: education,
                                endDate: end, outcome: outcome, team: row.team(.team), line: row.line)
    }
}

extension ChildProtectionConference: DecodableRecord {
    public static func decode(_ row: inout RowDecoder<ConferenceColumn>) -> ChildProtectionConference? {
        let id = row.requiredText(.conferenceID)
        let child = row.requiredText(.childID)
        let type = row.requiredCode(.type, as: ConferenceType.self)
        let date = row.requiredDate(.conferenceDate)
        let outcome = row.optionalCode(.outcome, as: ConferenceOutcome.self)
        let category = row.optionalCode(.category, as: AbuseCategory.self)
        let parents = row.yesNo(.parentsParticipated)
        guard let id, let child, let type, let date else { return nil }
        return ChildProtectionConference(id: id, childID: child, type: type, date: date, s47ID: row.text(.s47ID),
                                         outcome: outcome, category: category, parentsParticipated: parents,
                                         team: row.team(.team), line: row.line)
    }
}

extension CaseAudit: DecodableRecord {
    public static func decode(_ row: inout RowDecoder<AuditColumn>) -> CaseAudit? {
        let id = row.requiredText(.auditID)
        let child = row.requiredText(.childID)
        let date = row.requiredDate(.auditDate)
        let grade: AuditGrade?
        if let value = row.numericText(.grade) {
            row.report(.ambiguousNumericGrade, .grade, value: value,
                       "grade '\(value)' is a number, which is ambiguous; write the grade in words")
            grade = nil
        } else {
            grade = row.requiredCode(.grade, as: AuditGrade.self)
        }
        let moderated = row.optionalCode(.moderatedGrade, as: AuditGrade.self)
        let due = row.optionalDate(.actionsDueDate)
        let completed = row.optionalDate(.actionsCompletedDate)
        row.checkDomainGrades()
        guard let id, let child, let date, let grade else { return nil }
        return CaseAudit(id: id, childID: child, date: date, grade: grade, moderatedGrade: moderated,
                         actionsDueDate: due, actionsCompletedDate: completed, team: row.team(.team),
                         auditor: row.text(.auditor), auditType: row.text(.auditType), line: row.line)
    }
}

/// Numeric grades (SPEC §2: rejected as ambiguous).
enum GradeText {
    static func isNumber(_ value: String) -> Bool {
        let stripped = CodedValue.stripPrefix(value)
        return !stripped.isEmpty && Double(stripped)?.isFinite == true
    }
}
