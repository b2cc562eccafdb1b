import PathwayCore
/// One entry of a snapshot's `kpis` array: its headline value and the values of its monthly
/// series and by-team breakdown. Null values (a rate with a zero denominator) are nil.
struct SnapshotKPI: Sendable {
    let id: String
    let kind: SnapshotKPIKind
    let value: Double?
    /// Monthly values by `month` ("YYYY-MM"); months are unique within a KPI.
    let monthly: [ExactText: Double?]
    /// By-team values by `team`; teams are unique within a KPI.
    let byTeam: [ExactText: Double?]
}
