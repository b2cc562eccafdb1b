/// One KPI as a declaration (SPEC §4): stable id, title, area, kind, polarity, the definition in words,
/// default target and benchmark, how each record counts, and worked examples that a generic test runs.
public struct KPIDefinition: Sendable {
    public typealias Evaluate = @Sendable (LinkedCases, KPIContext, inout KPIAccumulator) throws(CalendarError) -> Void
    /// How a KPI whose population is one file's rows, each counted on its own fields, counts a batch of
    /// them (`RecordFold`).
    public typealias EvaluateRows<Record: TeamNamed> =
        @Sendable (RecordBatch<Record>, KPIContext, inout KPIAccumulator) throws(CalendarError) -> Void

    public let id: String
    public let title: String
    public let area: KPIArea
    public let kind: KPIKind
    public let polarity: Polarity
    /// Population, exclusions and numerator in plain words: the text of the docs and definitions sheet.
    public let definition: String
    public let defaultTarget: OneDecimal?
    public let benchmark: Benchmark?
    public let examples: [KPIExample]
    private let evaluation: Evaluation

    enum Evaluation: Sendable {
        /// Over the linked cases.
        case cases(Evaluate)
        /// Over one file's rows, a batch at a time: a run counts them as they are decoded (`RecordFold`).
        case contacts(EvaluateRows<Contact>)
        case enquiries(EvaluateRows<Section47Enquiry>)
        case audits(EvaluateRows<CaseAudit>)
    }

    /// A KPI over the linked cases.
    public init(id: String, title: String, area: KPIArea, kind: KPIKind, polarity: Polarity, definition: String,
                target: OneDecimal? = nil, benchmark: Benchmark? = nil, examples: [KPIExample],
                evaluate: @escaping Evaluate) {
        self.init(id: id, title: title, area: area, kind: kind, polarity: polarity, definition: definition,
                  target: target, benchmark: benchmark, examples: examples, evaluation: .cases(evaluate))
    }

    /// A KPI whose population is contacts.csv's rows, each counted on its own fields (`eachRowOf`).
    public init(id: String, title: String, area: KPIArea, kind: KPIKind, polarity: Polarity, definition: String,
                target: OneDecimal? = nil, benchmark: Benchmark? = nil, examples: [KPIExample],
                eachContact: @escaping EvaluateRows<Contact>) {
        self.init(id: id, title: title, area: area, kind: kind, polarity: polarity, definition: definition,
                  target: target, benchmark: benchmark, examples: examples, evaluation: .contacts(eachContact))
    }

    /// A KPI whose population is s47_enquiries.csv's rows, each counted on its own fields.
    public init(id: String, title: String, area: KPIArea, kind: KPIKind, polarity: Polarity, definition: String,
                target: OneDecimal? = nil, benchmark: Benchmark? = nil, examples: [KPIExample],
                eachEnquiry: @escaping EvaluateRows<Section47Enquiry>) {
        self.init(id: id, title: title, area: area, kind: kind, polarity: polarity, definition: definition,
                  target: target, benchmark: benchmark, examples: examples, evaluation: .enquiries(eachEnquiry))
    }

    /// A KPI whose population is audits.csv's rows, each counted on its own fields.
    public init(id: String, title: String, area: KPIArea, kind: KPIKind, polarity: Polarity, definition: String,
                target: OneDecimal? = nil, benchmark: Benchmark? = nil, examples: [KPIExample],
                eachAudit: @escaping EvaluateRows<CaseAudit>) {
        self.init(id: id, title: title, area: area, kind: kind, polarity: polarity, definition: definition,
                  target: target, benchmark: benchmark, examples: examples, evaluation: .audits(eachAudit))
    }

    private init(id: String, title: String, area: KPIArea, kind: KPIKind, polarity: Polarity, definition: String,
                 target: OneDecimal?, benchmark: Benchmark?, examples: [KPIExample], evaluation: Evaluation) {
        precondition(kind == .rate || polarity == .neutral, "count KPIs are neutral")
        self.id = id
        self.title = title
        self.area = area
        self.kind = kind
        self.polarity = polarity
        self.definition = definition
        self.defaultTarget = target
        self.benchmark = benchmark
        self.examples = examples
        self.evaluation = evaluation
    }

    /// The file whose rows are the KPI's population, each counted on its own fields: then a run counts
    /// them a batch at a time as they are decoded (`RecordFold`). Nil for a KPI over the linked cases.
    public var eachRowOf: InputFile? {
        switch evaluation {
        case .cases: return nil
        case .contacts: return .contacts
        case .enquiries: return .s47Enquiries
        case .audits: return .audits
        }
    }

    /// Counts the linked cases (a KPI over one file's rows counts the records the cases hold in one batch).
    func evaluate(_ cases: LinkedCases, _ context: KPIContext, _ accumulator: inout KPIAccumulator) throws(CalendarError) {
        // Folded cases hold no records of the folded files: their counts are the folds' (`KPIEngine`).
        switch evaluation {
        case let .cases(evaluate):
            try evaluate(cases, context, &accumulator)
        case .contacts:
            precondition(cases.contactFold == nil, "a KPI over folded contacts reads the fold's counts")
            try evaluate(cases.contacts, context, &accumulator)
        case .enquiries:
            precondition(cases.enquiryFold == nil, "a KPI over folded enquiries reads the fold's counts")
            try evaluate(cases.enquiries, context, &accumulator)
        case .audits:
            precondition(cases.auditFold == nil, "a KPI over folded audits reads the fold's counts")
            try evaluate(cases.audits, context, &accumulator)
        }
    }

    /// Counts records in one batch.
    private func evaluate<Record: FoldedRecord>(_ records: [Record], _ context: KPIContext,
                                                _ accumulator: inout KPIAccumulator) throws(CalendarError) {
        try records.withUnsafeBufferPointer { (records) throws(CalendarError) in
            try evaluate(RecordBatch(records), context, &accumulator)
        }
    }

    /// How the KPI counts a batch of contacts, S47 enquiries or audits, nil when it does not.
    var eachContact: EvaluateRows<Contact>? { if case let .contacts(e) = evaluation { e } else { nil } }
    var eachEnquiry: EvaluateRows<Section47Enquiry>? { if case let .enquiries(e) = evaluation { e } else { nil } }
    var eachAudit: EvaluateRows<CaseAudit>? { if case let .audits(e) = evaluation { e } else { nil } }

    /// Counts a batch of records (a KPI whose `eachRowOf` is their file only).
    func evaluate<Record: FoldedRecord>(_ batch: RecordBatch<Record>, _ context: KPIContext,
                                        _ accumulator: inout KPIAccumulator) throws(CalendarError) {
        guard let evaluate = Record.eachRow(of: self) else { preconditionFailure("the KPI counts the file's rows") }
        try evaluate(batch, context, &accumulator)
    }
}
