/// A record type that one input file decodes into.
public protocol DecodableRecord: Sendable {
    associatedtype Column: SchemaColumn
    var id: String { get }
    /// Physical line on which the record starts (set by the decoder when it joins the parts of a file).
    var line: Int { get set }
    /// Reads the row's fields; returns nil when a required value is missing or invalid
    /// (the row decoder then holds the error).
    static func decode(_ row: inout RowDecoder<Column>) -> Self?
    /// `decode`, for the run's decoder, which may let some accepted rows go (`DecodingOptions`): the
    /// record when it is accepted and kept; nil with `letGo` set to the row's id when it is accepted but
    /// not kept (only its findings and its id, for the duplicate check, are kept); nil otherwise (the row
    /// decoder then holds the error). The findings are `decode`'s.
    static func decodeKept(_ row: inout RowDecoder<Column>, letGo: inout String?) -> Self?
    /// What a run's decoder gives this file's accepted records to as it goes, letting them go
    /// (`RecordFold`).
    associatedtype Fold: DecodingFold where Fold.Record == Self
    /// The run's fold for this file (`DecodingOptions.contactFold` and so on); nil keeps every record.
    static func fold(_ options: DecodingOptions) -> Fold?
}

/// What a decoder adds a file's accepted records to a batch at a time, and lets them go (`RecordFold`).
public protocol DecodingFold: Sendable {
    associatedtype Record
    /// Adds a batch of records, read in place.
    mutating func add(_ records: UnsafeBufferPointer<Record>)
    /// Adds the fold of the next part of the file, whose lines are moved on by `lineOffset`.
    mutating func merge(_ later: Self, lineOffset: Int)
}

extension RecordFold: DecodingFold {}

extension FoldedRecord {
    /// A run's records of this file are counted as they are decoded, a batch at a time, and let go.
    public static func fold(_ options: DecodingOptions) -> RecordFold<Self>? { options[keyPath: foldInOptions] }
}

extension DecodableRecord {
    /// Every record is kept.
    @inline(__always)
    public static func decodeKept(_ row: inout RowDecoder<Column>, letGo: inout String?) -> Self? {
        decode(&row)
    }
}

extension Contact: DecodableRecord {
    public static func decode(_ row: inout RowDecoder<ContactColumn>) -> Contact? {
        var letGo: String?
        return decode(&row, horizon: nil, letGo: &letGo)
    }

    /// A contact the options' horizon does not keep (`ContactHorizon.keeps`) has every field checked as
    /// `decode` checks it, but neither its child id nor its source nor its team is made into text, and
    /// no record is built and destroyed: over half the contacts of the benchmark's files, with three
    /// years of history (callgrind, 100,000 children: 1,973 M → 1,938 M instructions in all).
    public static func decodeKept(_ row: inout RowDecoder<ContactColumn>, letGo: inout String?) -> Contact? {
        decode(&row, horizon: row.options.contactHorizon, letGo: &letGo)
    }

    @inline(__always)
    private static func decode(_ row: inout RowDecoder<ContactColumn>, horizon: ContactHorizon?,
                               letGo: inout String?) -> Contact? {
        // The dates first, for the horizon. (A row's error is the first in column order and its warnings
        // are sorted with the others, so the order of the checks changes no finding.)
        let date = row.requiredDate(.contactDate)
        let marf = row.yesNo(.marf)
        let requested = row.optionalDate(.marfRequestedDate)
        let received = row.optionalDate(.marfReceivedDate)
        let incident = row.optionalDate(.policeIncidentDate)
        let decision = row.optionalDate(.decisionDate)
        let outcome = row.contactOutcome(.outcome)
        let referral = row.optionalDate(.referralDate)
        _ = row.optionalDate(.dateOfBirth)
        if outcome == .referral, referral == nil, decision == nil {
            row.report(.undatedReferral, .referralDate, value: nil,
                       "referral with neither referral_date nor decision_date; not counted as a dated referral")
        }
        if let horizon, let date,
           !horizon.keeps(contactDate: date, decisionDate: decision, marfRequestedDate: requested,
                          referralDay: referralDay(outcome: outcome, referralDate: referral, decisionDate: decision)) {
            let id = row.requiredText(.contactID)
            let child = row.requiredField(.childID)
            let source = row.requiredField(.source)
            if let id, child != nil, source != nil { letGo = id }
            return nil
        }
        let id = row.requiredText(.contactID)
        let child = row.requiredText(.childID)
        let source = row.requiredSource(.source)
        guard let id, let child, let date, let source else { return nil }
        return Contact(id: id, childID: child, line: row.line, contactDate: date, marfRequestedDate: requested,
                       marfReceivedDate: received, policeIncidentDate: incident, decisionDate: decision,
                       referralDate: referral, sourceName: source.name, teamName: row.team(.team),
                       isPolice: source.isPolice, marf: marf, outcome: outcome)
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
        return Section47Enquiry(line: row.line, id: id, childID: child, contactID: row.text(.contactID),
                                strategyDate: strategy, policeAttended: police, healthAttended: health,
                                educationAttended: education, endDate: end, outcome: outcome,
                                teamName: row.team(.team))
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
        return ChildProtectionConference(line: row.line, id: id, childID: child, type: type, date: date,
                                         s47ID: row.text(.s47ID), outcome: outcome, category: category,
                                         parentsParticipated: parents, teamName: row.team(.team))
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
        return CaseAudit(line: row.line, id: id, childID: child, date: date, grade: grade,
                         moderatedGrade: moderated, actionsDueDate: due, actionsCompletedDate: completed,
                         teamName: row.team(.team), auditor: row.text(.auditor), auditType: row.text(.auditType))
    }
}

/// Numeric grades (SPEC §2: rejected as ambiguous).
enum GradeText {
    static func isNumber(_ value: String) -> Bool {
        let stripped = CodedValue.stripPrefix(value)
        return !stripped.isEmpty && Double(stripped)?.isFinite == true
    }
}
