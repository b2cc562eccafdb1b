public enum KPIKind: String, Sendable, Hashable {
    case count
    case rate
}

public enum Polarity: String, Sendable, Hashable {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"
    case neutral

    public var phrase: String {
        switch self {
        case .higherIsBetter: return "higher is better"
        case .lowerIsBetter: return "lower is better"
        case .neutral: return "neutral (no better direction)"
        }
    }
}

/// A published comparator, e.g. England 2024-25.
public struct Benchmark: Sendable, Hashable {
    public let label: String
    public let value: OneDecimal
    public init(label: String, value: OneDecimal) {
        self.label = label
        self.value = value
    }
}
