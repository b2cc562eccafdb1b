/// One data-quality finding: where (file, physical line, column), which rule, and the value at fault.
public struct Finding: Sendable, Hashable {
    public let file: String
    /// Physical line on which the record starts; nil for a finding about the whole file.
    public let line: Int?
    /// Canonical column name (or the heading as written, for header findings); nil for the whole record.
    public let column: String?
    public let rule: ValidationRule
    public let message: String
    public let value: String?
    /// Position of the column in the file, to order findings of one line in column order.
    public let columnPosition: Int

    public var severity: Severity { rule.severity }

    public init(file: String, line: Int?, column: String?, rule: ValidationRule, message: String,
                value: String?, columnPosition: Int = -1) {
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.message = message
        self.value = value
        self.columnPosition = columnPosition
    }

    /// The same finding with its line moved on by `lines` (for a part of a file whose lines were counted from 0).
    func movedOn(by lines: Int) -> Finding {
        Finding(file: file, line: line.map { $0 + lines }, column: column, rule: rule, message: message,
                value: value, columnPosition: columnPosition)
    }

    /// The order of data-quality.csv: file, line (whole-file findings first), column position, rule.
    public static func inReportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return CodePoint.less(a.file, b.file) }
        if a.line != b.line { return (a.line ?? 0) < (b.line ?? 0) }
        if a.columnPosition != b.columnPosition { return a.columnPosition < b.columnPosition }
        if a.rule != b.rule { return a.rule < b.rule }
        return CodePoint.less(a.message, b.message)
    }
}
