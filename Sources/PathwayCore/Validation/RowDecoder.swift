/// Typed access to a record's fields by canonical column, collecting problems as it goes. One decoder
/// serves a whole file (`begin` moves it to the next record), so its caches of coded values, sources
/// and teams live as long as the file.
///
/// Only the first error in column order is kept (a rejected row yields one error finding); warnings
/// are kept only if the row is accepted.
///
/// The accessors a record's `decode` calls for every row are marked `@inline(__always)`: called, each
/// one loaded the header's positions and the record's fields again and saved and restored registers,
/// about 160 instructions a contact (callgrind, 100,000 children: `Contact.decode` 338 M → 316 M
/// instructions). `optionalDate` and `requiredDate` are kept small (a blank test and a plain
/// `YYYY-MM-DD`, with everything else in `otherDate`), and so is the trimming they start with (its
/// loops are out of line, `CSVReader.trimmedRange`): since the thirty-first pass the compiler inlines
/// them into every record's decode (seen in the disassembly). While the trimming's loops were inline, it
/// called them, and forcing them inline (`@_transparent`) cut fewer instructions and was no faster.
public struct RowDecoder<Column: SchemaColumn> {
    /// A source's name and whether it is the police (SPEC §2 "Police source").
    struct Source: Sendable {
        let name: SharedName
        let isPolice: Bool
    }

    /// The text's bytes, borrowed for the life of the decoder (FileDecoder.decodeChunk holds them), so
    /// reading a field touches no reference count.
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var record = CSVRecord()
    let header: HeaderMatch<Column>
    let file: String
    public private(set) var options: DecodingOptions
    private var sources = ByteKeyCache<Source>()
    private var teams = ByteKeyCache<SharedName>()
    private var numbers = ByteKeyCache<Bool>()
    private(set) var firstError: Finding?
    private(set) var warnings: [Finding] = []
    /// Whether `report` was called since `begin`, so that `begin` clears the findings only then.
    private var reportedSinceBegin = false

    init(bytes: UnsafeBufferPointer<UInt8>, header: HeaderMatch<Column>, file: String, options: DecodingOptions) {
        self.bytes = bytes
        self.header = header
        self.file = file
        self.options = options
    }

    /// Moves to the next record. It is swapped in, not copied: the caller gets the previous record's
    /// storage back, so both fields arrays stay uniquely referenced and the reader refills one without
    /// allocating (a copy here made every row allocate a new array).
    mutating func begin(_ record: inout CSVRecord) {
        swap(&self.record, &record)
        // Once a row, for `field`. (Computed first: the autoclosure would copy the decoder to capture `self`.)
        let complete = self.record.fields.count == header.fieldCount
        precondition(complete, "a record decoded has the header's fields")
        // Most rows have no finding. Clearing unconditionally destroyed the old `Finding?` through its
        // type's value witness on every row (about 60 instructions, callgrind); testing
        // `firstError != nil` instead copied it the same way and destroyed the copy.
        guard reportedSinceBegin else { return }
        reportedSinceBegin = false
        firstError = nil
        warnings.removeAll(keepingCapacity: true)
    }

    public var line: Int { record.line }

    /// The column's field, nil when blank or when the file has no such column.
    @inline(__always)
    func field(_ column: Column) -> CSVField? {
        // The field is read without a bounds check (with the position's, about 5 instructions a field):
        // every position is the index of one of the header's headings, and `begin` checked that the
        // record has as many fields as there are headings.
        guard let position = header.position(of: column) else { return nil }
        return trimmed(record.fields.withUnsafeBufferPointer { $0[position] })
    }

    /// The field trimmed of spaces and tabs (SPEC §2), nil when that leaves nothing.
    @inline(__always)
    private func trimmed(_ field: CSVField) -> CSVField? {
        let (start, end) = CSVReader.trimmedRange(bytes, field.start, field.end)
        return start == end ? nil : CSVField(start: start, end: end, hasEscapedQuotes: field.hasEscapedQuotes)
    }

    /// A trimmed field's bytes (escaped quotes still doubled).
    @inline(__always)
    private func content(_ field: CSVField) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }

    /// A trimmed field's text ("" collapsed).
    private func string(_ field: CSVField) -> String {
        Self.string(field, in: bytes)
    }

    private static func string(_ field: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        CSVReader.makeString(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]),
                             collapsingQuotes: field.hasEscapedQuotes)
    }

    /// The trimmed text of a column, nil when blank or absent.
    @inline(__always)
    public func text(_ column: Column) -> String? {
        field(column).map(string)
    }

    /// Team name as shown in outputs (after the configured display-name mapping).
    @inline(__always)
    public mutating func team(_ column: Column) -> SharedName? {
        guard let field = field(column) else { return nil }
        let names = options.teamNames, bytes = self.bytes
        return Self.remembered(field, in: bytes, &teams) {
            let raw = Self.string(field, in: bytes)
            return SharedName(names[raw] ?? raw)
        }
    }

    /// The column's trimmed text when it is a number (an ambiguous audit grade, SPEC §2), else nil.
    /// The answer is remembered by the field's bytes: working it out took about 1,900 instructions.
    mutating func numericText(_ column: Column) -> String? {
        guard let field = field(column) else { return nil }
        let bytes = self.bytes
        let numeric = Self.remembered(field, in: bytes, &numbers) { GradeText.isNumber(Self.string(field, in: bytes)) }
        return numeric ? string(field) : nil
    }

    /// The source and whether it is the police; nil (with an error) when blank.
    @inline(__always)
    mutating func requiredSource(_ column: Column) -> Source? {
        guard let field = requiredField(column) else { return nil }
        let bytes = self.bytes
        return Self.remembered(field, in: bytes, &sources) {
            let text = Self.string(field, in: bytes)
            return Source(name: SharedName(text), isPolice: PoliceSource.matches(text))
        }
    }

    /// `compute`'s answer for a trimmed field, remembered in `cache` by the field's bytes. Raw bytes
    /// identify the value only when no "" needs collapsing (`"X""Y"` and `X""Y` differ), so such a
    /// field is always computed.
    @inline(__always)
    private static func remembered<Value>(_ field: CSVField, in bytes: UnsafeBufferPointer<UInt8>,
                                          _ cache: inout ByteKeyCache<Value>, _ compute: () -> Value) -> Value {
        guard !field.hasEscapedQuotes else { return compute() }
        return cache.value(for: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), compute: compute)
    }

    @inline(__always)
    public mutating func requiredText(_ column: Column) -> String? {
        requiredField(column).map(string)
    }

    /// The column's trimmed field; nil (with an error) when blank or absent.
    @inline(__always)
    mutating func requiredField(_ column: Column) -> CSVField? {
        guard let field = field(column) else {
            report(.missingRequiredValue, column, value: nil, "\(column.spec.name) is blank")
            return nil
        }
        return field
    }

    @inline(__always)
    public mutating func requiredDate(_ column: Column) -> Day? {
        if let field = field(column), let day = DateParser.isoDay(content(field)) { return day }
        return otherDate(column, required: true)
    }

    @inline(__always)
    public mutating func optionalDate(_ column: Column) -> Day? {
        guard let field = field(column) else { return nil }
        if let day = DateParser.isoDay(content(field)) { return day }
        return otherDate(column, required: false)
    }

    /// The date accessors' other path: a blank required date, a date in another accepted form, or an
    /// unparseable one (with its finding), kept out of line so that the accessors are a blank test and a
    /// plain `YYYY-MM-DD` only.
    @inline(never)
    private mutating func otherDate(_ column: Column, required: Bool) -> Day? {
        guard let field = required ? requiredField(column) : field(column) else { return nil }
        if let day = DateParser.parse(content(field)) { return day }
        let value = string(field)
        if required {
            report(.unparseableRequiredDate, column, value: value,
                   "\(column.spec.name) '\(value)' is not a valid date (YYYY-MM-DD or DD/MM/YYYY)")
        } else {
            report(.unparseableOptionalDate, column, value: value,
                   "\(column.spec.name) '\(value)' is not a valid date (YYYY-MM-DD or DD/MM/YYYY); treated as blank")
        }
        return nil
    }

    @inline(__always)
    public mutating func yesNo(_ column: Column) -> Bool? {
        guard let field = field(column) else { return nil }
        if let code = Self.lookUp(field, in: bytes, &options.yesNo) { return code == .yes }
        let value = string(field)
        report(.unparseableYesNo, column, value: value,
               "\(column.spec.name) '\(value)' is not yes or no; treated as not recorded")
        return nil
    }

    /// A contact outcome: unknown text counts as `other`, with a warning.
    @inline(__always)
    mutating func contactOutcome(_ column: Column) -> ContactOutcome? {
        guard let field = field(column) else { return nil }
        if let code = Self.lookUp(field, in: bytes, &options.contactOutcomes) { return code }
        let value = string(field)
        report(.unknownContactOutcome, column, value: value,
               "\(column.spec.name) '\(value)' is not a known contact outcome; counted as 'other'")
        return .other
    }

    /// An optional coded value; unknown text is `unknown` when given (no warning), else blank with a warning.
    public mutating func optionalCode<Code: OptionsVocabularyCode>(
        _ column: Column, as _: Code.Type, unknown: Code? = nil
    ) -> Code? {
        guard let field = field(column) else { return nil }
        if let code = lookUp(field, as: Code.self) { return code }
        if let unknown { return unknown }
        let value = string(field)
        report(.unknownCode, column, value: value, "\(column.spec.name) '\(value)' is not a known code; treated as blank")
        return nil
    }

    /// A required coded value; blank or unknown text rejects the row.
    public mutating func requiredCode<Code: OptionsVocabularyCode>(_ column: Column, as _: Code.Type) -> Code? {
        guard let field = requiredField(column) else { return nil }
        if let code = lookUp(field, as: Code.self) { return code }
        let value = string(field)
        report(.unknownRequiredCode, column, value: value,
               "\(column.spec.name) '\(value)' is not one of: \(Code.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// A trimmed field's code in its vocabulary in the options.
    @inline(__always)
    private mutating func lookUp<Code: OptionsVocabularyCode>(_ field: CSVField, as _: Code.Type) -> Code? {
        let bytes = self.bytes
        return Code.withVocabulary(in: &options) { Self.lookUp(field, in: bytes, &$0) }
    }

    /// A trimmed field's code, remembered by its bytes unless "" needs collapsing.
    @inline(__always)
    private static func lookUp<Code: VocabularyCode>(
        _ field: CSVField, in bytes: UnsafeBufferPointer<UInt8>, _ vocabulary: inout Vocabulary<Code>
    ) -> Code? {
        let text = { string(field, in: bytes) }
        guard !field.hasEscapedQuotes else { return vocabulary.code(for: text()) }
        return vocabulary.code(forBytes: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), text: text)
    }

    /// Records a problem with a column (an error or warning according to the rule).
    public mutating func report(_ rule: ValidationRule, _ column: Column, value: String?, _ message: String) {
        let position = header.position(of: column) ?? Int.max
        report(rule, columnName: column.spec.name, position: position, value: value, message)
    }

    mutating func report(_ rule: ValidationRule, columnName: String?, position: Int, value: String?, _ message: String) {
        let finding = Finding(file: file, line: record.line, column: columnName, rule: rule,
                              message: message, value: value, columnPosition: position)
        reportedSinceBegin = true
        if rule.severity == .error {
            if firstError == nil || position < firstError!.columnPosition { firstError = finding }
        } else {
            warnings.append(finding)
        }
    }

    /// Each `domain_*` column's value, checked against the grade vocabulary (audits).
    mutating func checkDomainGrades() {
        for (name, position) in header.domainColumns {
            guard let field = trimmed(record.fields[position]) else { continue }
            if Self.lookUp(field, in: bytes, &options.grades) != nil { continue }
            let value = string(field)
            report(.unknownCode, columnName: name, position: position, value: value,
                   "\(name) '\(value)' is not a grade (outstanding, good, requires_improvement, inadequate); treated as blank")
        }
    }
}
