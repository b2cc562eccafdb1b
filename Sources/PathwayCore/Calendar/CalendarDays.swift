/// A number of calendar days, for thresholds that count every day (police notifications).
public struct CalendarDays: Hashable, Comparable, Sendable {
    public let count: Int
    public init(_ count: Int) { self.count = count }
    public static func < (lhs: CalendarDays, rhs: CalendarDays) -> Bool { lhs.count < rhs.count }
}
