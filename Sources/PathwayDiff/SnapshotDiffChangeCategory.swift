/// What kind of change a `SnapshotDiffChange` is. The raw values are used in the JSON output.
public enum SnapshotDiffChangeCategory: String, Sendable, Equatable {
    /// Both sides are numbers and they differ; the only category that can be within tolerance.
    case moved
    /// The KPI (at the headline), month or team is only in the new snapshot.
    case appeared
    /// The KPI (at the headline), month or team is only in the base snapshot.
    case vanished
    /// The value went from null to a number.
    case nullToNumber = "null_to_number"
    /// The value went from a number to null.
    case numberToNull = "number_to_null"
}
