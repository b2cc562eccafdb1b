import PathwayCore

/// One input file's bytes as read by the load stage.
public struct LoadedInput: Sendable {
    public let file: InputFile
    /// The file name as configured (used in findings and messages).
    public let name: String
    public let bytes: InputBytes
    /// Where it was read from and the version read (nil for bytes made in memory).
    let source: (path: String, version: FileVersion)?
    /// The file, still open on the inode that was mapped, for its digest once the bytes are gone (nil for
    /// bytes made in memory, whose digest is taken from `bytes`).
    let openFile: OpenFile?

    public init(file: InputFile, name: String, bytes: InputBytes) {
        self.init(file: file, name: name, bytes: bytes, source: nil, openFile: nil)
    }

    init(file: InputFile, name: String, bytes: InputBytes, source: (path: String, version: FileVersion)?,
         openFile: OpenFile?) {
        self.file = file
        self.name = name
        self.bytes = bytes
        self.source = source
        self.openFile = openFile
    }

    public init(file: InputFile, name: String, bytes: [UInt8]) {
        self.init(file: file, name: name, bytes: InputBytes(bytes))
    }
}
