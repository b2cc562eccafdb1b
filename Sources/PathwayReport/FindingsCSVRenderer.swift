import Foundation
import PathwayCore

/// data-quality.csv (SPEC §5): every finding, in report order, RFC 4180 quoting where needed.
public enum FindingsCSVRenderer {
    public static let header = ["file", "line", "column", "rule", "severity", "message", "value"]

    public static func render(_ findings: [Finding]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for finding in findings {
            let fields = [
                finding.file, finding.line.map(String.init) ?? "", finding.column ?? "", finding.rule.rawValue,
                finding.severity.rawValue, finding.message, finding.value ?? "",
            ]
            out += fields.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Quotes a field when it holds a comma, quote or line break, doubling inner quotes.
    static func quote(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
