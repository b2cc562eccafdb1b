import PathwayCore

extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    static func decimal(_ value: OneDecimal?) -> JSONValue {
        guard let value else { return .null }
        return .number(value.description)
    }

    static func text(_ value: String?) -> JSONValue {
        guard let value else { return .null }
        return .string(value)
    }
}
