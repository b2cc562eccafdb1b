/// Writes a `JSONValue` the way pathway writes `kpis.json`: object keys in code-point order,
/// two-space indent, `"key": value`, empty containers as `[]` / `{}`, a trailing newline.
/// Non-ASCII text is written as UTF-8; only `"`, `\` and control characters are escaped.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var output = ""
        append(value, indent: 0, to: &output)
        output += "\n"
        return output
    }

    private static func append(_ value: JSONValue, indent: Int, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let text): appendString(text, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += padding(indent + 1)
                append(element, indent: indent + 1, to: &output)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += padding(indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            let keys = members.keys.sorted(by: CodePoint.less)
            output += "{\n"
            for (index, key) in keys.enumerated() {
                output += padding(indent + 1)
                appendString(key, to: &output)
                output += ": "
                append(members[key] ?? .null, indent: indent + 1, to: &output)
                output += index == keys.count - 1 ? "\n" : ",\n"
            }
            output += padding(indent) + "}"
        }
    }

    private static func padding(_ level: Int) -> String {
        String(repeating: "  ", count: level)
    }

    private static func appendString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
