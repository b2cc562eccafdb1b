/// Which value of a KPI changed: the headline value, one month of the monthly series, or one team
/// of the by-team breakdown.
public enum SnapshotDiffLocation: Sendable, Equatable {
    case headline
    case month(String)
    case team(String)
}
