/// A number to one decimal place, held exactly as tenths: KPI values, targets and benchmarks.
public struct OneDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let tenths: Int

    public init(tenths: Int) { self.tenths = tenths }

    /// `81.4` → 814 tenths. Literal values only; configuration values go through `init?(parsing:)`.
    public init(_ value: Double) { self.tenths = Int((value * 10).rounded()) }

    /// Accepts a number with at most one decimal place.
    public init?(parsing value: Double) {
        let scaled = value * 10
        guard scaled.isFinite, abs(scaled - scaled.rounded()) < 1e-6 else { return nil }
        self.tenths = Int(scaled.rounded())
    }

    /// 100 × numerator / denominator rounded half away from zero to one decimal; nil when denominator is 0.
    /// Integer arithmetic, so no binary floating-point rounding can creep in.
    public static func percentage(_ numerator: Int, of denominator: Int) -> OneDecimal? {
        guard denominator != 0 else { return nil }
        let scaled = 1000 * numerator
        let negative = (scaled < 0) != (denominator < 0)
        let a = abs(scaled), b = abs(denominator)
        let rounded = (2 * a + b) / (2 * b)
        return OneDecimal(tenths: negative ? -rounded : rounded)
    }

    public var doubleValue: Double { Double(tenths) / 10 }

    /// `81.7`, `90.0`, `-0.3`.
    public var description: String {
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return "\(sign)\(a / 10).\(a % 10)"
    }

    public static func < (lhs: OneDecimal, rhs: OneDecimal) -> Bool { lhs.tenths < rhs.tenths }
    public static func + (lhs: OneDecimal, rhs: OneDecimal) -> OneDecimal { OneDecimal(tenths: lhs.tenths + rhs.tenths) }
    public static func - (lhs: OneDecimal, rhs: OneDecimal) -> OneDecimal { OneDecimal(tenths: lhs.tenths - rhs.tenths) }
}
