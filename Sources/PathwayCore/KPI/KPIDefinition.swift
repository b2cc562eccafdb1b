/// One KPI as a declaration (SPEC §4): stable id, title, area, kind, polarity, the definition in words,
/// default target and benchmark, how each record counts, and worked examples that a generic test runs.
public struct KPIDefinition: Sendable {
    public typealias Evaluate = @Sendable (LinkedCases, KPIContext, inout KPIAccumulator) throws(CalendarError) -> Void

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
    let evaluate: Evaluate
    /// Whether the KPI's population is the rows of contacts.csv, each read only through
    /// `acc.add(cases.contacts, …)`: then the engine may evaluate it a block of contacts at a time
    /// (`KPIAccumulator.RowBlock`), which gives the same counts. Set by `readingContactsInBlocks()`.
    public private(set) var readsContactsInBlocks = false

    public init(id: String, title: String, area: KPIArea, kind: KPIKind, polarity: Polarity, definition: String,
                target: OneDecimal? = nil, benchmark: Benchmark? = nil, examples: [KPIExample],
                evaluate: @escaping Evaluate) {
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
        self.evaluate = evaluate
    }

    /// This declaration, marked as reading contacts.csv's rows only through `acc.add(cases.contacts, …)`.
    func readingContactsInBlocks() -> KPIDefinition {
        var marked = self
        marked.readsContactsInBlocks = true
        return marked
    }
}
