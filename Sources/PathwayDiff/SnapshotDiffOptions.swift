/// Settings for comparing two `kpis.json` snapshots.
public struct SnapshotDiffOptions: Sendable, Equatable {
    /// The largest change, in the value's own units (percentage points for rates, the count for
    /// counts), that still counts as "within tolerance". A change fails only when
    /// |new − base| > tolerance. Must be finite and not negative; `SnapshotDiff.compare` checks.
    public var tolerance: Double

    public init(tolerance: Double = 0.5) {
        self.tolerance = tolerance
    }

    /// Reads the tolerance as typed after `--tolerance` on the command line.
    public init(toleranceArgument text: String) throws(SnapshotDiffError) {
        guard let value = Double(text), value.isFinite else {
            throw SnapshotDiffError("--tolerance \"\(text)\" is not a number; give a value such as 0.5")
        }
        self.init(tolerance: value)
        try validate()
    }

    /// Throws when the tolerance cannot be used: negative, infinite or not a number.
    public func validate() throws(SnapshotDiffError) {
        guard tolerance.isFinite else {
            throw SnapshotDiffError("--tolerance \(tolerance) is not a finite number; give a value such as 0.5")
        }
        guard tolerance >= 0 else {
            throw SnapshotDiffError(
                "--tolerance \(SnapshotNumberFormat.plain(tolerance)) is negative; give 0 or more")
        }
    }
}
