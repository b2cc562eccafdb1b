/// A computed KPI: headline over the window, 12 monthly figures and the by-team breakdown.
public struct KPIResult: Sendable {
    public struct Month: Sendable, Hashable {
        public let month: YearMonth
        public let tally: Tally
    }

    public struct Team: Sendable, Hashable {
        public let team: String
        public let tally: Tally
    }

    public let definition: KPIDefinition
    public let headline: Tally
    public let monthly: [Month]
    /// Teams in Unicode code-point order.
    public let byTeam: [Team]
    public let target: OneDecimal?
    public let rag: RAG?

    public var id: String { definition.id }
    public var kind: KPIKind { definition.kind }

    /// A rate's value, or nil (count KPIs use `headline.count`).
    public var value: OneDecimal? { definition.kind == .rate ? headline.rate : nil }
}
