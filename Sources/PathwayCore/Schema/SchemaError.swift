/// A problem with a file's header that stops the run (exit 65).
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingRequiredColumn(file: String, column: String, acceptedHeadings: [String])
    /// The header record's quoting is broken, so its columns cannot be trusted.
    case malformedHeader(file: String, line: Int)

    public var description: String {
        switch self {
        case let .missingRequiredColumn(file, column, accepted):
            let list = accepted.map { "'\($0)'" }.joined(separator: ", ")
            return "\(file): the required column '\(column)' is missing (accepted headings: \(list))"
        case let .malformedHeader(file, line):
            return "\(file), line \(line): the header row has broken quoting (text after a closing quote, "
                + "or a quote never closed), so its columns cannot be read"
        }
    }
}
