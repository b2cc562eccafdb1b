import PathwayCore

/// The run's settings (one YAML file, see the README). Every field has a default, so no file is needed.
public struct Configuration: Sendable, Equatable {
    /// Shown on the dashboards.
    public var authority = "Local authority"
    /// Input folder, when not given with --input.
    public var inputFolder: String?
    /// File name of each input in the input folder.
    public var fileNames: [InputFile: String] = Dictionary(uniqueKeysWithValues: InputFile.allCases.map { ($0, $0.defaultFileName) })
    /// Inputs that may be absent (their KPIs then have empty populations).
    public var optionalInputs: Set<InputFile> = []
    /// Holiday list replacing the shipped England and Wales list.
    public var holidaysFile: String?
    /// Rejected-row limit per file, as a percentage of its rows (SPEC §5 --max-rejected).
    public var maxRejectedPercent = 5.0
    /// RAG amber margin in percentage points.
    public var amberMargin = OneDecimal(tenths: 50)
    /// Older dated report folders are removed after this many days (never the latest); nil keeps all.
    public var keepDays: Int?
    /// Target overrides by KPI id; nil removes the default target.
    public var targets: [String: OneDecimal?] = [:]
    /// Local vocabulary labels by column kind, label → canonical code (validated on load).
    public var vocabulary: VocabularyMappings = VocabularyMappings()
    /// Local team name → display name.
    public var teamNames: [String: String] = [:]

    public init() {}

    /// The decode stage's options from this configuration.
    public var decodingOptions: DecodingOptions {
        DecodingOptions(
            contactOutcomes: Vocabulary(extra: vocabulary.contactOutcomes),
            section47Outcomes: Vocabulary(extra: vocabulary.section47Outcomes),
            conferenceTypes: Vocabulary(extra: vocabulary.conferenceTypes),
            conferenceOutcomes: Vocabulary(extra: vocabulary.conferenceOutcomes),
            categories: Vocabulary(extra: vocabulary.categories),
            grades: Vocabulary(extra: vocabulary.grades),
            yesNo: Vocabulary(extra: vocabulary.yesNo),
            teamNames: teamNames)
    }
}

/// Local labels added to the vocabularies of SPEC §2.
public struct VocabularyMappings: Sendable, Equatable {
    public var contactOutcomes: [String: ContactOutcome] = [:]
    public var section47Outcomes: [String: Section47Outcome] = [:]
    public var conferenceTypes: [String: ConferenceType] = [:]
    public var conferenceOutcomes: [String: ConferenceOutcome] = [:]
    public var categories: [String: AbuseCategory] = [:]
    public var grades: [String: AuditGrade] = [:]
    public var yesNo: [String: YesNo] = [:]

    public init() {}
}
