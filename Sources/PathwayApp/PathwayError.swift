/// A reason the run cannot continue, with its exit status (SPEC §5) and one sentence for the operator.
public enum PathwayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 64: bad usage or configuration.
    case usage(String)
    /// 65: input data unusable (a required column missing, too many rejected rows, a date outside the calendar).
    case dataUnusable(String)
    /// 66: an input file or folder missing or unreadable.
    case inputMissing(String)
    /// 73: outputs could not be written.
    case outputFailed(String)
    /// 75: another run holds the lock.
    case locked(String)

    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .dataUnusable: return 65
        case .inputMissing: return 66
        case .outputFailed: return 73
        case .locked: return 75
        }
    }

    public var description: String {
        switch self {
        case let .usage(message), let .dataUnusable(message), let .inputMissing(message),
             let .outputFailed(message), let .locked(message):
            return message
        }
    }
}
