/// Red, amber, green against a target (SPEC §4).
public enum RAG: String, Sendable, Hashable {
    case red, amber, green

    /// nil for neutral KPIs, KPIs without a target and null values.
    public static func rate(value: OneDecimal?, target: OneDecimal?, polarity: Polarity, amberMargin: OneDecimal) -> RAG? {
        guard let value, let target else { return nil }
        switch polarity {
        case .neutral: return nil
        case .higherIsBetter:
            if value >= target { return .green }
            return value >= target - amberMargin ? .amber : .red
        case .lowerIsBetter:
            if value <= target { return .green }
            return value <= target + amberMargin ? .amber : .red
        }
    }
}
