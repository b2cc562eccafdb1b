/// A number of working days (SPEC §3): the result of WD(a, b) and the unit of timeliness thresholds.
public struct WorkingDays: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let count: Int
    public init(_ count: Int) { self.count = count }
    public static func < (lhs: WorkingDays, rhs: WorkingDays) -> Bool { lhs.count < rhs.count }
    public var description: String { "\(count) working day\(count == 1 ? "" : "s")" }
}
