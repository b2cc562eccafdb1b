/// A number of calendar months, as used by add_months (SPEC §3).
public struct Months: Hashable, Sendable {
    public let count: Int
    public init(_ count: Int) { self.count = count }
    public static prefix func - (value: Months) -> Months { Months(-value.count) }
}
