/// One fault that messy output puts into a row, each producing a finding of pathway's decoder
/// (or, for `blankLine`, something the reader must skip). Indexes are canonical cell indexes.
enum MessyDefect: Sendable {
    /// The row is written twice: the second is a duplicate_id.
    case duplicateRow
    /// missing_required_value.
    case blankRequired(Int)
    /// unparseable_required_date.
    case badRequiredDate(Int)
    /// unparseable_optional_date.
    case badOptionalDate(Int)
    /// unparseable_yes_no in one of these columns.
    case badYesNo([Int])
    /// One of these values in the column: unknown_code, unknown_required_code or unknown_contact_outcome.
    case unknownValue(Int, [String])
    /// ambiguous_numeric_grade.
    case numericGrade(Int)
    /// undated_referral: outcome referral with no decision_date and no referral_date.
    case undatedReferral(outcome: Int, decision: Int, referral: Int)
    /// malformed_record: text after a closing quote in the notes.
    case malformedQuote
    /// field_count_mismatch: the last field is left off.
    case wrongFieldCount
    /// A blank line or an all-blank record (`,,,`) before the row, which the reader skips.
    case blankLine
}
