import PathwayCore

/// One input file's bytes as read by the load stage.
public struct LoadedInput: Sendable {
    public let file: InputFile
    /// The file name as configured (used in findings and messages).
    public let name: String
    public let bytes: InputBytes
    /// Where it was read from and the version read (nil for bytes made in memory).
    let source: (path: String, version: FileVersion)?

    public init(file: InputFile, name: String, bytes: InputBytes) {
        self.init(file: file, name: name, bytes: bytes, source: nil)
    }

    init(file: InputFile, name: String, bytes: InputBytes, source: (path: String, version: FileVersion)?) {
        self.file = file
        self.name = name
        self.bytes = bytes
        self.source = source
    }

    public init(file: InputFile, name: String, bytes: [UInt8]) {
        self.init(file: file, name: name, bytes: InputBytes(bytes))
    }
}
