/// Why a sample could not be written.
public enum SampleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter or rate is out of range; the message names it.
    case invalidParameter(String)
    /// The history (or as-of) falls outside the working-day calendar's coverage.
    case outsideCalendar(needed: String, coverage: String, source: String)
    /// The folder or a file could not be created or written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidParameter(message):
            return "invalid sample parameter: \(message)"
        case let .outsideCalendar(needed, coverage, source):
            return "the working-day calendar (\(source)) covers \(coverage) only, but the sample needs \(needed)"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
