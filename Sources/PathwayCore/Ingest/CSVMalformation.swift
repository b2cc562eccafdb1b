/// Why a CSV record is malformed (spec §2 "Malformed records"); the caller rejects such a record.
///
/// `field` is the 0-based index of the field in which the problem was found. The record's `fields`
/// hold exactly the fields completed before it, so `field == record.fields.count`.
public enum CSVMalformation: Sendable, Equatable {
    /// A closing quote was followed by something other than a comma or a line end (`"ab"c`).
    /// Reading resumes at the start of the next physical line.
    case textAfterClosingQuote(field: Int)
    /// A quoted field was never closed: the rest of the file is this one record.
    case unterminatedQuote(field: Int)

    /// The 0-based index of the field where the problem was found.
    public var field: Int {
        switch self {
        case .textAfterClosingQuote(let field), .unterminatedQuote(let field): return field
        }
    }
}
