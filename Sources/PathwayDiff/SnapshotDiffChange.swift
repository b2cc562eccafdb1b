/// One value that differs between the base and the new snapshot.
///
/// A KPI that appeared or vanished is one change at `.headline` (its months and teams are not
/// listed separately); a month or team that appeared or vanished in a KPI present in both
/// snapshots is one change at `.month` or `.team`.
public struct SnapshotDiffChange: Sendable, Equatable {
    public let kpiID: String
    /// How the values are formatted: the new snapshot's kind, or the base's when the KPI vanished.
    public let kpiKind: SnapshotKPIKind
    public let location: SnapshotDiffLocation
    public let base: SnapshotDiffValue
    public let new: SnapshotDiffValue
    /// True when |new − base| > tolerance, and always for appearances, disappearances and
    /// null ↔ number changes.
    public let isBeyondTolerance: Bool

    public init(
        kpiID: String, kpiKind: SnapshotKPIKind, location: SnapshotDiffLocation,
        base: SnapshotDiffValue, new: SnapshotDiffValue, isBeyondTolerance: Bool
    ) {
        self.kpiID = kpiID
        self.kpiKind = kpiKind
        self.location = location
        self.base = base
        self.new = new
        self.isBeyondTolerance = isBeyondTolerance
    }

    public var category: SnapshotDiffChangeCategory {
        switch (base, new) {
        case (.absent, _): return .appeared
        case (_, .absent): return .vanished
        case (.null, _): return .nullToNumber
        case (_, .null): return .numberToNull
        case (.number, .number): return .moved
        }
    }

    /// new − base when both are numbers.
    public var delta: Double? {
        guard let base = base.number, let new = new.number else { return nil }
        return new - base
    }

    /// Whether a KPI as a whole appeared or vanished (rather than one of its months or teams).
    var isWholeKPI: Bool {
        location == .headline && (category == .appeared || category == .vanished)
    }

    /// Words for the change column when there is no delta: "KPI appeared", "team vanished", ...
    var categoryPhrase: String {
        let subject: String
        switch location {
        case .headline: subject = "KPI"
        case .month: subject = "month"
        case .team: subject = "team"
        }
        switch category {
        case .appeared: return "\(subject) appeared"
        case .vanished: return "\(subject) vanished"
        case .nullToNumber: return "now has a value"
        case .numberToNull: return "no longer has a value"
        case .moved: return "moved"
        }
    }

    /// The change column of text and Markdown: a signed delta, or `categoryPhrase`.
    var changeText: String {
        if let delta { return SnapshotNumberFormat.signedDelta(delta, kind: kpiKind) }
        return categoryPhrase
    }

    /// A side's display text: a formatted number, "no value" for null, "absent".
    func displayText(_ value: SnapshotDiffValue) -> String {
        switch value {
        case .absent: return "absent"
        case .null: return "no value"
        case .number(let number): return SnapshotNumberFormat.value(number, kind: kpiKind)
        }
    }
}
