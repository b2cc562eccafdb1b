/// A problem with a file's header that stops the run (exit 65).
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingRequiredColumn(file: String, column: String, acceptedHeadings: [String])

    public var description: String {
        switch self {
        case let .missingRequiredColumn(file, column, accepted):
            let list = accepted.map { "'\($0)'" }.joined(separator: ", ")
            return "\(file): the required column '\(column)' is missing (accepted headings: \(list))"
        }
    }
}
