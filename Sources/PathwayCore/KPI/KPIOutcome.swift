/// How one population record counts towards a KPI.
public enum KPIOutcome: Sendable, Hashable {
    /// A count KPI's record.
    case counted
    /// In the denominator and the numerator.
    case met
    /// In the denominator only.
    case notMet
    /// In the population but removed for a stated reason.
    case excluded
}
