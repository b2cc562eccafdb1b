import PathwayCore

/// One input file's bytes as read by the load stage.
public struct LoadedInput: Sendable {
    public let file: InputFile
    /// The file name as configured (used in findings and messages).
    public let name: String
    public let bytes: InputBytes
    /// Where it was read from, the version read and the open file (nil for bytes made in memory).
    let source: InputSource?
    /// The file, still open on the inode that was mapped, for its digest once the bytes are gone (nil for
    /// bytes made in memory, whose digest is taken from `bytes`).
    var openFile: OpenFile? { source?.file }

    public init(file: InputFile, name: String, bytes: InputBytes) {
        self.init(file: file, name: name, bytes: bytes, source: nil)
    }

    init(file: InputFile, name: String, bytes: InputBytes, source: InputSource?) {
        self.file = file
        self.name = name
        self.bytes = bytes
        self.source = source
    }

    public init(file: InputFile, name: String, bytes: [UInt8]) {
        self.init(file: file, name: name, bytes: InputBytes(bytes))
    }
}

/// An input file as the load stage found it, for `InputLoader.checkUnchanged` once it has been read.
struct InputSource: Sendable {
    let path: String
    /// The version mapped.
    let version: FileVersion
    /// Open on the inode mapped; says whether a mapping of it lost pages.
    let file: OpenFile
}
