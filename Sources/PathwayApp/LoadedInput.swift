import PathwayCore

/// One input file's bytes as read by the load stage.
public struct LoadedInput: Sendable {
    public let file: InputFile
    /// The file name as configured (used in findings and messages).
    public let name: String
    public let bytes: InputBytes

    public init(file: InputFile, name: String, bytes: InputBytes) {
        self.file = file
        self.name = name
        self.bytes = bytes
    }

    public init(file: InputFile, name: String, bytes: [UInt8]) {
        self.init(file: file, name: name, bytes: InputBytes(bytes))
    }
}
