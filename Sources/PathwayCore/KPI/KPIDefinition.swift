/// One KPI as a declaration (SPEC §4): stable id, title, area, kind, polarity, the definition in words,
/// default target and benchmark, how each record counts, and worked examples that a generic test runs.
public struct KPIDefinition: Sendable {
    public typealias Evaluate = @Sendable (LinkedCases, KPIContext, inout KPIAccumulator) throws(CalendarError) -> Void
    /// How a KPI whose population is contacts.csv's rows, each counted on its own fields, counts a batch
    /// of contacts (`ContactFold`).
    public typealias EvaluateContacts = @Sendable (ContactBatch, KPIContext, inout KPIAccumulator) throws(CalendarError) -> Void

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
        /// Over contacts, a batch at a time: a run counts them as they are decoded (`ContactFold`).
        case contacts(EvaluateContacts)
    }

    /// A KPI over the linked cases.
    public init(id: String, title: String, area: KPIArea, kind: KPIKind, polarity: Polarity, definition: String,
                target: OneDecimal? = nil, benchmark: Benchmark? = nil, examples: [KPIExample],
                evaluate: @escaping Evaluate) {
        self.init(id: id, title: title, area: area, kind: kind, polarity: polarity, definition: definition,
                  target: target, benchmark: benchmark, examples: examples, evaluation: .cases(evaluate))
    }

    /// A KPI whose population is contacts.csv's rows, each counted on its own fields (`readsContacts`).
    public init(id: String, title: String, area: KPIArea, kind: KPIKind, polarity: Polarity, definition: String,
                target: OneDecimal? = nil, benchmark: Benchmark? = nil, examples: [KPIExample],
                eachContact: @escaping EvaluateContacts) {
        self.init(id: id, title: title, area: area, kind: kind, polarity: polarity, definition: definition,
                  target: target, benchmark: benchmark, examples: examples, evaluation: .contacts(eachContact))
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

    /// Whether the KPI's population is contacts.csv's rows, each counted on its own fields: then it is
    /// counted a batch of contacts at a time (`ContactFold`), in a run as the contacts are decoded.
    public var readsContacts: Bool {
        if case .contacts = evaluation { return true }
        return false
    }

    /// Counts the linked cases (a KPI that reads contacts counts `cases.contacts` in one batch).
    func evaluate(_ cases: LinkedCases, _ context: KPIContext, _ accumulator: inout KPIAccumulator) throws(CalendarError) {
        switch evaluation {
        case let .cases(evaluate):
            try evaluate(cases, context, &accumulator)
        case let .contacts(evaluate):
            // Folded cases hold no contacts: their counts are the fold's (`KPIEngine`).
            precondition(cases.contactFold == nil, "a KPI over folded contacts reads the fold's counts")
            try cases.contacts.withUnsafeBufferPointer { (contacts) throws(CalendarError) in
                try evaluate(ContactBatch(contacts), context, &accumulator)
            }
        }
    }

    /// Counts a batch of contacts (`readsContacts` only).
    func evaluate(_ batch: ContactBatch, _ context: KPIContext, _ accumulator: inout KPIAccumulator) throws(CalendarError) {
        guard case let .contacts(evaluate) = evaluation else { preconditionFailure("the KPI reads contacts") }
        try evaluate(batch, context, &accumulator)
    }
}
