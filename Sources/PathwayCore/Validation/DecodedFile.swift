/// The decode-and-validate stage's result for one file: typed records plus findings.
public struct DecodedFile<Record: DecodableRecord>: Sendable {
    public var records: [Record]
    public var findings: [Finding]
    public var summary: InputSummary
    /// The accepted records folded as they were decoded (`DecodingOptions.contactFold` and so on), in
    /// file order; then `records` is empty.
    public var fold: Record.Fold?
}
