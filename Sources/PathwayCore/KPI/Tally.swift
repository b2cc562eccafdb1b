/// The counts behind one KPI figure (headline, a month or a team).
public struct Tally: Sendable, Hashable {
    public var numerator = 0
    public var denominator = 0
    public var excluded = 0
    /// For count KPIs.
    public var count = 0

    public init(numerator: Int = 0, denominator: Int = 0, excluded: Int = 0, count: Int = 0) {
        self.numerator = numerator
        self.denominator = denominator
        self.excluded = excluded
        self.count = count
    }

    @inline(__always)
    public mutating func add(_ outcome: KPIOutcome) {
        switch outcome {
        case .counted: count += 1
        case .met: numerator += 1; denominator += 1
        case .notMet: denominator += 1
        case .excluded: excluded += 1
        }
    }

    /// Adds another tally's counts (a team's tally gathered by slot).
    public mutating func merge(_ other: Tally) {
        numerator += other.numerator
        denominator += other.denominator
        excluded += other.excluded
        count += other.count
    }

    /// The rate's value: 100 × numerator / denominator to one decimal, nil when the denominator is 0.
    public var rate: OneDecimal? { OneDecimal.percentage(numerator, of: denominator) }
}
