/// One CSV record as read by `CSVReader.next(_:)`. Reuse one value across calls: its `fields`
/// storage is kept, so reading allocates nothing per record once the array has grown.
public struct CSVRecord: Sendable {
    /// 1-based physical line on which the record starts (CRLF, LF and a lone CR each end one line).
    public var line: Int
    /// The fields, in order. For a malformed record: the fields completed before the problem.
    public var fields: [CSVField]
    /// Set when the record is malformed; the caller rejects it (it still counts as a row).
    public var malformation: CSVMalformation?

    public init() {
        line = 0
        fields = []
        malformation = nil
    }

    public var isMalformed: Bool { malformation != nil }
}
