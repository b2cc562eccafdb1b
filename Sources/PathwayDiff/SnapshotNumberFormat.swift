/// How numbers are written in every diff format: rates with one decimal, counts as integers,
/// rounding half away from zero (as the KPI engine rounds), deltas with an explicit ASCII sign.
enum SnapshotNumberFormat {
    /// Beyond this magnitude numbers are not forced into fixed notation (they cannot be KPI
    /// values; they can only come from a damaged file, and must still not crash the renderer).
    private static let fixedNotationLimit = 1e15

    /// A KPI value: one decimal for a rate; an integer for a count (a count that is not a whole
    /// number is shown in full rather than silently rounded).
    static func value(_ number: Double, kind: SnapshotKPIKind) -> String {
        switch kind {
        case .rate: return oneDecimal(number)
        case .count: return plain(number)
        }
    }

    /// A delta with an explicit sign: "+1.5", "-0.3", "+3". The sign follows the unrounded delta,
    /// so a tiny fall still reads "-0.0".
    static func signedDelta(_ delta: Double, kind: SnapshotKPIKind) -> String {
        let magnitude = value(Swift.abs(delta), kind: kind)
        return (delta < 0 ? "-" : "+") + magnitude
    }

    /// A delta as a JSON number: like `signedDelta` without the "+".
    static func jsonDelta(_ delta: Double, kind: SnapshotKPIKind) -> String {
        let signed = signedDelta(delta, kind: kind)
        return signed.hasPrefix("+") ? String(signed.dropFirst()) : signed
    }

    /// Shortest form: "1200", "0.5", "0.25"; used for counts and the tolerance.
    static func plain(_ number: Double) -> String {
        if number == number.rounded(), Swift.abs(number) < fixedNotationLimit {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// One decimal, half away from zero: 81.25 → "81.3", -0.04 → "0.0" (never "-0.0").
    static func oneDecimal(_ number: Double) -> String {
        let tenths = (number * 10).rounded(.toNearestOrAwayFromZero)
        guard Swift.abs(tenths) < fixedNotationLimit else { return "\(number)" }
        let whole = Int64(tenths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
