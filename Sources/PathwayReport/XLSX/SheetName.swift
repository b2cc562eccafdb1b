/// A worksheet name Excel accepts, checked before libxlsxwriter is called: not blank, at most 31
/// characters, none of `[ ] : * ? / \`, no control characters, not starting or ending with an apostrophe,
/// and not Excel's reserved `History`. Uniqueness (case-insensitive) is checked by `Workbook`.
public struct SheetName: Hashable, Sendable, CustomStringConvertible {
    public static let maxLength = 31
    public static let forbiddenCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    public let text: String

    public init(_ text: String) throws(XLSXError) {
        if let problem = SheetName.problem(with: text) {
            throw XLSXError(.invalidSheetName(text, problem: problem), operation: "add worksheet")
        }
        self.text = text
    }

    public var description: String { text }

    /// The key two names clash on: Excel treats `Summary` and `SUMMARY` as the same sheet.
    var uniquenessKey: String { text.lowercased() }

    /// Why Excel would refuse the name, or nil when it is fine.
    public static func problem(with text: String) -> String? {
        if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }) { return "is blank" }
        // Excel counts UTF-16 code units; libxlsxwriter counts code points. UTF-16 is never fewer.
        if text.utf16.count > maxLength { return "is longer than \(maxLength) characters" }
        if let bad = text.first(where: { forbiddenCharacters.contains($0) }) {
            return "contains '\(bad)' (Excel forbids [ ] : * ? / \\ in sheet names)"
        }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "contains a control character"
        }
        if text.hasPrefix("'") || text.hasSuffix("'") { return "starts or ends with an apostrophe" }
        if text.lowercased() == "history" { return "is reserved by Excel" }
        return nil
    }
}
