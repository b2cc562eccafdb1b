/// What `SampleGenerator.write` produced.
public struct SampleSummary: Sendable, Equatable {
    /// File name → data records written (header, blank lines and all-blank records not counted;
    /// a record with a quoted line break counts once), as pathway's reader counts `rows`.
    public let rows: [String: Int]
    /// File name → bytes written.
    public let bytes: [String: Int]

    public init(rows: [String: Int], bytes: [String: Int]) {
        self.rows = rows
        self.bytes = bytes
    }
}
