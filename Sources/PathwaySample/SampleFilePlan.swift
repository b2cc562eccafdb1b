import PathwayCore

/// How one file is written: its name, columns, byte-order mark, line ends, encoding, and (messy)
/// the defects its rows may carry.
struct SampleFilePlan: Sendable {
    let fileName: String
    let columns: [SampleLayoutColumn]
    let byteOrderMark: Bool
    let crlf: Bool
    let windows1252: Bool
    /// Messy only: every defect here appears at least once (rows 10, 17, 24, ...) and then at random.
    let defects: [MessyDefect]
    let messy: Bool

    /// Canonical: the canonical names in schema order, LF, UTF-8 without BOM, no defects.
    static func canonical(_ file: InputFile, headings: [String]) -> SampleFilePlan {
        SampleFilePlan(fileName: file.defaultFileName,
                       columns: headings.enumerated().map { SampleLayoutColumn(heading: $1, content: .cell($0, .plain)) },
                       byteOrderMark: false, crlf: false, windows1252: false, defects: [], messy: false)
    }

    static func canonicalHeadings<Column: SchemaColumn>(_: Column.Type) -> [String] {
        Column.allCases.map(\.spec.name)
    }

    /// Messy headings: the first alias (Annex A heading) where the column has one, else the name.
    static func messyHeadings<Column: SchemaColumn>(_: Column.Type) -> [String] {
        Column.allCases.map { $0.spec.aliases.first ?? $0.spec.name }
    }

    static func labels<Code: VocabularyCode>(_: Code.Type) -> SampleColumnStyle {
        var map: [String: [String]] = [:]
        for code in Code.allCases { map[code.rawValue] = code.labels }
        return .vocabulary(map)
    }

    private static func cells(_ headings: [String], styles: [Int: SampleColumnStyle]) -> [SampleLayoutColumn] {
        headings.enumerated().map { SampleLayoutColumn(heading: $1, content: .cell($0, styles[$0] ?? .plain)) }
    }

    static func messyContacts(_ s: SampleSlots, sources: [SampleSource]) -> SampleFilePlan {
        var headings = messyHeadings(ContactColumn.self)
        headings[s.contactDate] = "Date of  Contact"
        headings[s.marf] = "MARF"
        headings[s.marfReceived] = "MARF_Received_Date"
        headings[s.contactOutcome] = " Outcome "
        var sourceCodes: [String: String] = [:]
        for source in sources { sourceCodes[source.label] = source.cinCode }
        var styles: [Int: SampleColumnStyle] = [:]
        for slot in [s.contactDate, s.marfRequested, s.marfReceived, s.policeIncident, s.decision,
                     s.referralDate, s.dateOfBirth] { styles[slot] = .date }
        styles[s.marf] = .yesNo
        styles[s.contactOutcome] = labels(ContactOutcome.self)
        styles[s.source] = .source(sourceCodes)
        var columns = cells(headings, styles: styles)
        columns.append(SampleLayoutColumn(heading: "Worker", content: .extra(["J. Smith", "K. Ahmed", "L. Jones", "M. Wójcik", ""])))
        columns.append(SampleLayoutColumn(heading: "notes", content: .notes))
        columns.append(SampleLayoutColumn(heading: "team", content: .copy(s.contactTeam)))
        return SampleFilePlan(
            fileName: InputFile.contacts.defaultFileName, columns: columns, byteOrderMark: true, crlf: true,
            windows1252: false,
            defects: [
                .duplicateRow, .blankRequired(s.contactChild), .badRequiredDate(s.contactDate),
                .badOptionalDate(s.decision), .badYesNo([s.marf]),
                .unknownValue(s.contactOutcome, ["Referred to police", "MASH strategy", "Duplicate contact"]),
                .undatedReferral(outcome: s.contactOutcome, decision: s.decision, referral: s.referralDate),
                .malformedQuote, .wrongFieldCount, .blankLine,
            ],
            messy: true)
    }

    static func messyEnquiries(_ s: SampleSlots) -> SampleFilePlan {
        var styles: [Int: SampleColumnStyle] = [:]
        styles[s.strategyDate] = .date
        styles[s.enquiryEnd] = .date
        for slot in [s.policeAttended, s.healthAttended, s.educationAttended] { styles[slot] = .yesNo }
        styles[s.enquiryOutcome] = labels(Section47Outcome.self)
        var columns = cells(messyHeadings(Section47Column.self), styles: styles)
        columns.append(SampleLayoutColumn(heading: "Worker", content: .extra(["J. Smith", "K. Ahmed", "L. Jones", "M. Wójcik"])))
        columns.append(SampleLayoutColumn(heading: "notes", content: .notes))
        return SampleFilePlan(
            fileName: InputFile.s47Enquiries.defaultFileName, columns: columns, byteOrderMark: false, crlf: true,
            windows1252: false,
            defects: [
                .duplicateRow, .blankRequired(s.strategyDate), .badRequiredDate(s.strategyDate),
                .badOptionalDate(s.enquiryEnd), .badYesNo([s.policeAttended, s.healthAttended, s.educationAttended]),
                .wrongFieldCount, .malformedQuote, .blankLine,
            ],
            messy: true)
    }

    static func messyConferences(_ s: SampleSlots) -> SampleFilePlan {
        var headings = messyHeadings(ConferenceColumn.self)
        headings[s.conferenceType] = "Type"
        var styles: [Int: SampleColumnStyle] = [:]
        styles[s.conferenceType] = labels(ConferenceType.self)
        styles[s.conferenceDate] = .date
        styles[s.conferenceOutcome] = labels(ConferenceOutcome.self)
        styles[s.category] = labels(AbuseCategory.self)
        styles[s.parents] = .yesNo
        var columns = cells(headings, styles: styles)
        columns.append(SampleLayoutColumn(heading: "Chair", content: .extra(["IRO: P. Grant", "IRO: S. Begum", "IRO: T. Evans"])))
        columns.append(SampleLayoutColumn(heading: "notes", content: .notes))
        return SampleFilePlan(
            fileName: InputFile.conferences.defaultFileName, columns: columns, byteOrderMark: true, crlf: false,
            windows1252: false,
            defects: [
                .duplicateRow, .unknownValue(s.conferenceType, ["Strategy meeting", "Core group"]),
                .unknownValue(s.conferenceOutcome, ["Adjourned", "Deferred"]),
                .unknownValue(s.category, ["Domestic abuse", "Exploitation"]),
                .blankRequired(s.conferenceDate), .badRequiredDate(s.conferenceDate), .badYesNo([s.parents]),
                .wrongFieldCount,
            ],
            messy: true)
    }

    /// Windows-1252 (no BOM), CRLF: pathway reads it as Windows-1252 with a warning.
    static func messyAudits(_ s: SampleSlots, domains: [String]) -> SampleFilePlan {
        let headings = messyHeadings(AuditColumn.self) + domains
        var styles: [Int: SampleColumnStyle] = [:]
        for slot in [s.auditDate, s.actionsDue, s.actionsCompleted] { styles[slot] = .date }
        let grades = labels(AuditGrade.self)
        styles[s.grade] = grades
        styles[s.moderatedGrade] = grades
        for i in domains.indices { styles[s.domain(i)] = grades }
        var columns = cells(headings, styles: styles)
        columns.append(SampleLayoutColumn(heading: "notes", content: .notes))
        var defects: [MessyDefect] = [
            .duplicateRow, .numericGrade(s.grade), .unknownValue(s.grade, ["Satisfactory", "Good enough"]),
            .unknownValue(s.moderatedGrade, ["3", "Adequate"]), .badOptionalDate(s.actionsDue),
            .blankRequired(s.auditChild), .badRequiredDate(s.auditDate),
        ]
        if !domains.isEmpty { defects.append(.unknownValue(s.domain(0), ["Excellent", "n/a - see notes"])) }
        return SampleFilePlan(
            fileName: InputFile.audits.defaultFileName, columns: columns, byteOrderMark: false, crlf: true,
            windows1252: true, defects: defects, messy: true)
    }
}
