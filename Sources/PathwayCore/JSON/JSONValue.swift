/// A parsed JSON document. Numbers keep their literal text so that nothing is lost or reformatted
/// between reading and writing; `doubleValue` converts when a number is needed.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The literal text of a JSON number, e.g. `81.7`, `-3`, `1e2`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The number as a Double (nil for anything but a number).
    public var doubleValue: Double? {
        if case .number(let literal) = self { return Double(literal) }
        return nil
    }

    /// "a string", "an array", ... for messages about a value of the wrong type.
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
