/// Whether a KPI is a rate (a percentage, shown with one decimal) or a count (a whole number).
public enum SnapshotKPIKind: String, Sendable, Equatable {
    case rate
    case count
}
