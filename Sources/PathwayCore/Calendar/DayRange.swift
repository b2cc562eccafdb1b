/// An inclusive range of days.
public struct DayRange: Hashable, Sendable, CustomStringConvertible {
    public let start: Day
    public let end: Day

    public init(start: Day, end: Day) {
        precondition(start <= end, "a day range must not end before it starts")
        self.start = start
        self.end = end
    }

    @inline(__always)
    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    public var description: String { "\(start) to \(end)" }
}
