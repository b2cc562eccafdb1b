/// The decode-and-validate stage's result for one file: typed records plus findings.
public struct DecodedFile<Record: Sendable>: Sendable {
    public var records: [Record]
    public var findings: [Finding]
    public var summary: InputSummary
    /// The accepted records folded as they were decoded (`DecodingOptions.contactFold`), in file order;
    /// then `records` is empty.
    public var contactFold: ContactFold?
}
