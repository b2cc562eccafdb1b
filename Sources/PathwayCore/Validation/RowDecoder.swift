/// Typed access to one CSV record's fields by canonical column, collecting problems as it goes.
///
/// Only the first error in column order is kept (a rejected row yields one error finding); warnings
/// are kept only if the row is accepted.
public struct RowDecoder<Column: SchemaColumn> {
    let reader: CSVReader
    let record: CSVRecord
    let header: HeaderMatch<Column>
    let file: String
    public let options: DecodingOptions
    private(set) var firstError: Finding?
    private(set) var warnings: [Finding] = []

    init(reader: CSVReader, record: CSVRecord, header: HeaderMatch<Column>, file: String, options: DecodingOptions) {
        self.reader = reader
        self.record = record
        self.header = header
        self.file = file
        self.options = options
    }

    public var line: Int { record.line }

    /// The trimmed text of a column, nil when blank or when the file has no such column.
    public func text(_ column: Column) -> String? {
        guard let position = header.position(of: column) else { return nil }
        let field = record.fields[position]
        if reader.isBlank(field) { return nil }
        return reader.trimmedString(field)
    }

    /// Team name as shown in outputs (after the configured display-name mapping).
    public func team(_ column: Column) -> String? {
        guard let raw = text(column) else { return nil }
        return options.teamNames[raw] ?? raw
    }

    public mutating func requiredText(_ column: Column) -> String? {
        guard let value = text(column) else {
            report(.missingRequiredValue, column, value: nil, "\(column.spec.name) is blank")
            return nil
        }
        return value
    }

    public mutating func requiredDate(_ column: Column) -> Day? {
        guard let position = header.position(of: column), !reader.isBlank(record.fields[position]) else {
            report(.missingRequiredValue, column, value: nil, "\(column.spec.name) is blank")
            return nil
        }
        if let day = reader.withTrimmedBytes(record.fields[position], DateParser.parse) { return day }
        let value = reader.trimmedString(record.fields[position])
        report(.unparseableRequiredDate, column, value: value,
               "\(column.spec.name) '\(value)' is not a valid date (YYYY-MM-DD or DD/MM/YYYY)")
        return nil
    }

    public mutating func optionalDate(_ column: Column) -> Day? {
        guard let position = header.position(of: column), !reader.isBlank(record.fields[position]) else { return nil }
        if let day = reader.withTrimmedBytes(record.fields[position], DateParser.parse) { return day }
        let value = reader.trimmedString(record.fields[position])
        report(.unparseableOptionalDate, column, value: value,
               "\(column.spec.name) '\(value)' is not a valid date (YYYY-MM-DD or DD/MM/YYYY); treated as blank")
        return nil
    }

    public mutating func yesNo(_ column: Column) -> Bool? {
        guard let value = text(column) else { return nil }
        if let code = options.yesNo.code(for: value) { return code == .yes }
        report(.unparseableYesNo, column, value: value,
               "\(column.spec.name) '\(value)' is not yes or no; treated as not recorded")
        return nil
    }

    /// An optional coded value; unknown text is blank with a warning of `rule`.
    public mutating func optionalCode<Code: VocabularyCode>(_ column: Column, _ vocabulary: Vocabulary<Code>,
                                                             unknown rule: ValidationRule = .unknownCode,
                                                             treatedAs: String = "treated as blank") -> Code? {
        guard let value = text(column) else { return nil }
        if let code = vocabulary.code(for: value) { return code }
        report(rule, column, value: value, "\(column.spec.name) '\(value)' is not a known code; \(treatedAs)")
        return nil
    }

    /// A required coded value; blank or unknown text rejects the row.
    public mutating func requiredCode<Code: VocabularyCode>(_ column: Column, _ vocabulary: Vocabulary<Code>) -> Code? {
        guard let value = requiredText(column) else { return nil }
        if let code = vocabulary.code(for: value) { return code }
        report(.unknownRequiredCode, column, value: value,
               "\(column.spec.name) '\(value)' is not one of: \(Code.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// Records a problem with a column (an error or warning according to the rule).
    public mutating func report(_ rule: ValidationRule, _ column: Column, value: String?, _ message: String) {
        let position = header.position(of: column) ?? Int.max
        report(rule, columnName: column.spec.name, position: position, value: value, message)
    }

    mutating func report(_ rule: ValidationRule, columnName: String?, position: Int, value: String?, _ message: String) {
        let finding = Finding(file: file, line: record.line, column: columnName, rule: rule,
                              message: message, value: value, columnPosition: position)
        if rule.severity == .error {
            if firstError == nil || position < firstError!.columnPosition { firstError = finding }
        } else {
            warnings.append(finding)
        }
    }

    /// Each `domain_*` column's value, checked against the grade vocabulary (audits).
    mutating func checkDomainGrades() {
        for (name, position) in header.domainColumns {
            let field = record.fields[position]
            if reader.isBlank(field) { continue }
            let value = reader.trimmedString(field)
            if options.grades.code(for: value) == nil {
                report(.unknownCode, columnName: name, position: position, value: value,
                       "\(name) '\(value)' is not a grade (outstanding, good, requires_improvement, inadequate); treated as blank")
            }
        }
    }
}
