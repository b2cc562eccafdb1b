/// Local settings that shape decoding: extra vocabulary labels and team display names; and which
/// accepted records the run keeps.
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
    /// The contacts to keep once accepted (`ContactHorizon`); nil keeps every one. A run sets it from
    /// as_of; checking a file (`pathway validate`) and the tests that read records back leave it nil.
    public var contactHorizon: ContactHorizon?
    /// What a run keeps of its contacts: the decoder adds them to a copy of this fold a batch at a time
    /// as they are accepted (`FileDecoder`'s `foldEvery`), and lets them go; the file's result then holds
    /// the fold (`DecodedFile.fold`) and no contact. Nil keeps every contact (`pathway validate`, tests
    /// that read records back).
    public var contactFold: ContactFold?
    /// The same for S47 enquiries, conferences and audits.
    public var enquiryFold: EnquiryFold?
    public var conferenceFold: ConferenceFold?
    public var auditFold: AuditFold?

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

/// A code type whose vocabulary `DecodingOptions` holds (one vocabulary per code type), reached through
/// a static function rather than a key path: `options[keyPath: \.grades]` built and retained the key
/// path on every coded field, with both cores contending for its reference count (perf at 1M children:
/// 2.4 % of all samples went to key paths in decoding).
public protocol OptionsVocabularyCode: VocabularyCode {
    static func withVocabulary<Result>(in options: inout DecodingOptions,
                                       _ body: (inout Vocabulary<Self>) -> Result) -> Result
}

extension Section47Outcome: OptionsVocabularyCode {
    public static func withVocabulary<Result>(in options: inout DecodingOptions,
                                              _ body: (inout Vocabulary<Self>) -> Result) -> Result {
        body(&options.section47Outcomes)
    }
}

extension ConferenceType: OptionsVocabularyCode {
    public static func withVocabulary<Result>(in options: inout DecodingOptions,
                                              _ body: (inout Vocabulary<Self>) -> Result) -> Result {
        body(&options.conferenceTypes)
    }
}

extension ConferenceOutcome: OptionsVocabularyCode {
    public static func withVocabulary<Result>(in options: inout DecodingOptions,
                                              _ body: (inout Vocabulary<Self>) -> Result) -> Result {
        body(&options.conferenceOutcomes)
    }
}

extension AbuseCategory: OptionsVocabularyCode {
    public static func withVocabulary<Result>(in options: inout DecodingOptions,
                                              _ body: (inout Vocabulary<Self>) -> Result) -> Result {
        body(&options.categories)
    }
}

extension AuditGrade: OptionsVocabularyCode {
    public static func withVocabulary<Result>(in options: inout DecodingOptions,
                                              _ body: (inout Vocabulary<Self>) -> Result) -> Result {
        body(&options.grades)
    }
}
