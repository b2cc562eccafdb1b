public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}
