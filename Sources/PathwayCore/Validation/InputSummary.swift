/// What was read from one input file: the counts reconcile (rows = accepted + rejected).
public struct InputSummary: Sendable, Hashable {
    public let file: String
    public let rows: Int
    public let accepted: Int
    public let rejected: Int
    public let sha256: String
    public let encoding: SourceEncoding
    public let byteCount: Int

    public init(file: String, rows: Int, accepted: Int, rejected: Int, sha256: String,
                encoding: SourceEncoding, byteCount: Int) {
        precondition(rows == accepted + rejected, "rows must reconcile")
        self.file = file
        self.rows = rows
        self.accepted = accepted
        self.rejected = rejected
        self.sha256 = sha256
        self.encoding = encoding
        self.byteCount = byteCount
    }

    public func with(sha256: String) -> InputSummary {
        InputSummary(file: file, rows: rows, accepted: accepted, rejected: rejected, sha256: sha256,
                     encoding: encoding, byteCount: byteCount)
    }

    /// The order of the summaries in every output: by file name, code point by code point.
    public static func inFileOrder(_ a: InputSummary, _ b: InputSummary) -> Bool {
        CodePoint.less(a.file, b.file)
    }

    /// Rejected rows as a percentage of rows (0 for an empty file).
    public var rejectedPercent: Double { rows == 0 ? 0 : 100 * Double(rejected) / Double(rows) }
}
