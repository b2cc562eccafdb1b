/// The text of one source file as UTF-8 bytes, ready for `CSVReader`.
///
/// For a valid UTF-8 file `bytes` are the file's own bytes (not copied) and may still begin with the
/// byte-order mark; `start` points past it. For a Windows-1252 file `bytes` is the re-encoded text
/// (without any byte-order mark) and `start` is 0.
public struct DecodedText: Sendable {
    /// UTF-8 text; may still start with the BOM, see `start`.
    public let bytes: InputBytes
    /// Index of the first byte after the BOM (0 or 3).
    public let start: Int
    public let encoding: SourceEncoding
    public let hadByteOrderMark: Bool

    public init(bytes: InputBytes, start: Int, encoding: SourceEncoding, hadByteOrderMark: Bool) {
        precondition(start >= 0 && start <= bytes.count, "DecodedText.start out of range")
        self.bytes = bytes
        self.start = start
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
    }

    /// Number of text bytes after the byte-order mark.
    public var count: Int { bytes.count - start }
}
