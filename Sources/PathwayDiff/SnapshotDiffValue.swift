/// One side of a change: the value is absent (the KPI, month or team is not in that snapshot),
/// null (a rate with a zero denominator), or a number.
public enum SnapshotDiffValue: Sendable, Equatable {
    case absent
    case null
    case number(Double)

    init(_ value: Double?) {
        self = value.map(SnapshotDiffValue.number) ?? .null
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}
