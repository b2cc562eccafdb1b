/// One field of a `CSVRecord`: a byte range of `DecodedText.bytes`, so reading allocates no strings.
///
/// For a quoted field the range is the content between the quotes (the quotes themselves excluded);
/// `hasEscapedQuotes` says it still contains `""` pairs that stand for one `"` each.
/// Use `CSVReader.string(_:)`, `trimmedString(_:)`, `withTrimmedBytes(_:_:)` or `isBlank(_:)` to read it.
public struct CSVField: Sendable, Equatable {
    /// Byte offset of the field's content in `DecodedText.bytes`.
    public var start: Int
    /// Byte offset just past the field's content (exclusive), without a closing quote.
    public var end: Int
    /// Content contains `""` pairs that must be collapsed to `"`.
    public var hasEscapedQuotes: Bool

    public init(start: Int, end: Int, hasEscapedQuotes: Bool = false) {
        self.start = start
        self.end = end
        self.hasEscapedQuotes = hasEscapedQuotes
    }

    /// Length of the raw content in bytes (escaped quotes counted twice).
    public var byteCount: Int { end - start }
}
