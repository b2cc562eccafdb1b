/// Every data-quality rule, with its stable id (written to data-quality.csv and kpis.json consumers),
/// its severity and what it means. An `error` rejects the row; a `warning` keeps it.
public enum ValidationRule: String, Sendable, Hashable, CaseIterable, Comparable {
    case malformedRecord = "malformed_record"
    case fieldCountMismatch = "field_count_mismatch"
    case missingRequiredValue = "missing_required_value"
    case unparseableRequiredDate = "unparseable_required_date"
    case unknownRequiredCode = "unknown_required_code"
    case ambiguousNumericGrade = "ambiguous_numeric_grade"
    case duplicateID = "duplicate_id"
    case unparseableOptionalDate = "unparseable_optional_date"
    case unparseableYesNo = "unparseable_yes_no"
    case unknownCode = "unknown_code"
    case unknownContactOutcome = "unknown_contact_outcome"
    case undatedReferral = "undated_referral"
    case windows1252Encoding = "windows_1252_encoding"
    case duplicateColumn = "duplicate_column"

    public var severity: Severity {
        switch self {
        case .malformedRecord, .fieldCountMismatch, .missingRequiredValue, .unparseableRequiredDate,
             .unknownRequiredCode, .ambiguousNumericGrade, .duplicateID:
            return .error
        case .unparseableOptionalDate, .unparseableYesNo, .unknownCode, .unknownContactOutcome,
             .undatedReferral, .windows1252Encoding, .duplicateColumn:
            return .warning
        }
    }

    /// What the rule checks and what pathway does, for the data-quality and definitions sheets.
    public var summary: String {
        switch self {
        case .malformedRecord:
            return "Broken quoting (text after a closing quote, or a quote never closed): the record is rejected."
        case .fieldCountMismatch:
            return "The record has a different number of fields from the header: the record is rejected."
        case .missingRequiredValue:
            return "A required field is blank: the record is rejected."
        case .unparseableRequiredDate:
            return "A required date is not YYYY-MM-DD or DD/MM/YYYY, or is impossible: the record is rejected."
        case .unknownRequiredCode:
            return "A required coded value (conference type, audit grade) is not in the vocabulary: the record is rejected."
        case .ambiguousNumericGrade:
            return "An audit grade given as a number is ambiguous (1 is Outstanding for Ofsted, 4 for many tools): the record is rejected."
        case .duplicateID:
            return "The id repeats an earlier accepted record of the same file: the later record is rejected."
        case .unparseableOptionalDate:
            return "An optional date cannot be read: it is treated as blank and the record is kept."
        case .unparseableYesNo:
            return "A yes/no field holds something else: it is treated as not recorded and the record is kept."
        case .unknownCode:
            return "An optional coded value is not in the vocabulary: it is treated as blank and the record is kept."
        case .unknownContactOutcome:
            return "A contact outcome is not in the vocabulary: it counts as 'other' and the record is kept."
        case .undatedReferral:
            return "A referral has neither a referral date nor a decision date: it is not counted as a dated referral."
        case .windows1252Encoding:
            return "The file is not valid UTF-8 and was read as Windows-1252."
        case .duplicateColumn:
            return "Two columns map to the same field: the leftmost is used."
        }
    }

    public static func < (lhs: ValidationRule, rhs: ValidationRule) -> Bool { lhs.rawValue < rhs.rawValue }
}
