import PathwayCore
/// The parts of one `kpis.json` snapshot (SPEC §5) that `pathway diff` compares.
struct Snapshot: Sendable {
    /// The `schema_version` this reader understands.
    static let supportedSchemaVersion = 1

    /// The display name used in messages (usually the path given on the command line).
    let name: String
    let asOf: String?
    /// `window` as "START to END".
    let window: String?
    let findingsErrors: Double?
    let findingsWarnings: Double?
    /// KPIs by id; ids are unique within a snapshot.
    let kpis: [ExactText: SnapshotKPI]
}
